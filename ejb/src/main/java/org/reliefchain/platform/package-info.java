/**
 * What every feature stands on: the datasource and its Flyway migrations, paging, and the typed
 * business refusals that the web layer turns into problem+json responses.
 */
package org.reliefchain.platform;
