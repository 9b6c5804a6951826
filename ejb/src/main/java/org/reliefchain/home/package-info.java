/** The home page: what waits for the signed-in user, and the headline figures of their jurisdiction. */
package org.reliefchain.home;
