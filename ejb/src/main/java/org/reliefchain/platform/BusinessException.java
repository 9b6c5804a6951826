package org.reliefchain.platform;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the user can act on (not found, not allowed, conflicting, invalid). Rolls back the use
 * case's transaction and reaches the caller as itself, not wrapped in an EJBException; the web layer
 * turns {@link #kind()} into an HTTP status and a problem+json body.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    protected BusinessException(String message) {
        super(message);
    }

    public abstract Kind kind();

    /** A short stable name for the problem type URI, e.g. {@code not-found}. */
    public abstract String type();
}
