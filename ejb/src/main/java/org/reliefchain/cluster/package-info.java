/**
 * The application servers serving together ({@code config/bin/run.sh --instances N}): who they are, and which
 * one answered. Their data grid is Payara Micro's own Hazelcast; this package only reads it.
 */
package org.reliefchain.cluster;
