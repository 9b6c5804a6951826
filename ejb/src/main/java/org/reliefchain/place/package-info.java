/**
 * The places relief moves from and to, other than warehouses: ports and ferry terminals, air bases,
 * temporary helicopter landing points (临时起降点) and disaster shelters (避灾安置场所). Ports and air
 * bases come from the public sources in data/zhejiang with their positions flagged as the sources
 * give them; landing points, ports and air bases are kept by the province, shelters by each division.
 */
package org.reliefchain.place;
