/**
 * Authentication: one mechanism for the whole application (Jakarta Security allows one), which takes
 * a login form's credentials for the UI and HTTP Basic for the API, against the database identity store.
 */
package org.reliefchain.web.security;
