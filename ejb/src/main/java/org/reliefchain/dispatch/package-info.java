/**
 * Relief planning inside the application (调度): a plan is made from the database (demand, usable stock,
 * the available fleet, hazards), solved in the background by the planner, kept as it improves, reviewed,
 * approved into ISSUE movements and dispatch orders (派车单), and tracked trip by trip from field reports.
 *
 * <p>This package is the planner's adapter: {@code org.reliefchain.planner} types are used here and
 * nowhere else in the application; services return plain views.
 */
package org.reliefchain.dispatch;
