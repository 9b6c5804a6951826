/** The registry of enterprises that hold reserves or production capacity under agreements. */
package org.reliefchain.finance.enterprise;
