/**
 * Reserve agreements (协议储备): what an enterprise holds or can produce for a contracting division,
 * at what subsidy and call-up price, with amendments kept as versions, and the inspections (检查)
 * that find what is really held.
 */
package org.reliefchain.finance.agreement;
