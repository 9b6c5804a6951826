/**
 * Starts the product with one command: an embedded PostgreSQL (unless {@code DB_URL} names a server),
 * then Payara Micro with the reliefchain war, and says when it is ready. Runs on the plain JDK, outside
 * the application server, so it never shares a class path with the application.
 */
package org.reliefchain.launcher;
