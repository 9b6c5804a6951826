/**
 * The Faces + PrimeFaces UI: Chinese first, English on request; every string in
 * {@code messages(_en).properties}. Beans call the same services as the API and show business
 * refusals as form messages.
 */
package org.reliefchain.web.ui;
