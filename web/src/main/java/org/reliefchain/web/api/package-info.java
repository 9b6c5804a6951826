/**
 * The JSON API under {@code /api}. Resources parse and check request parameters, call one service
 * method (one transaction) and return DTOs; list endpoints return {@code {items,total,page,size}}.
 */
package org.reliefchain.web.api;
