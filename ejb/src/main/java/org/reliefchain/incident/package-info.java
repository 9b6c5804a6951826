/**
 * Incidents (灾害事件) and what a relief plan is made from: the affected divisions and who runs the
 * incident, its lifecycle and history, hazards valid in time, affected people per demand point,
 * relief standards and the demand lines computed from them, and demand against usable stock.
 */
package org.reliefchain.incident;
