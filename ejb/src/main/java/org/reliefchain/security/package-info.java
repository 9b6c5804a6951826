/**
 * Users, roles and jurisdictions. {@link org.reliefchain.security.JurisdictionGuard} is the one place
 * every feature asks "may the caller act on this division?"; the answer never depends on the UI.
 */
package org.reliefchain.security;
