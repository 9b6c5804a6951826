/**
 * The five-level reserve network: warehouses and reserve points (储备库/点) at province, city, county,
 * township and village level, run by government, with enterprises, on commission, by the Red Cross or
 * by social organisations. A warehouse's level is its division's level.
 */
package org.reliefchain.network;
