/**
 * The relief fleet (运力): trucks, vans, boats and helicopters with what they carry, the limits the
 * planner routes them by, their home base (a warehouse, a port or an air base, by kind), who owns them,
 * and when they are available. Vehicles belong to a division and follow the warehouses' jurisdiction
 * rule; {@link org.reliefchain.fleet.FleetService#available} is what the planner's adapter reads.
 */
package org.reliefchain.fleet;
