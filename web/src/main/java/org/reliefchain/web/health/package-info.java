/** MicroProfile Health checks that Payara Micro serves at /health/ready and /health/live. */
package org.reliefchain.web.health;
