/** Turns every failure of an {@code /api} request into an RFC 9457 problem+json body; never a stack trace. */
package org.reliefchain.web.problem;
