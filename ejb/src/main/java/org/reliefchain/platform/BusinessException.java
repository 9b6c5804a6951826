package org.reliefchain.platform;

import java.util.List;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the user can act on (not found, not allowed, conflicting, invalid). Rolls back the use
 * case's transaction and reaches the caller as itself, not wrapped in an EJBException; the web layer
 * turns {@link #kind()} into an HTTP status and a problem+json body.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    /** The figures of the refusal (which material, how much is available), for a translated message. */
    private List<Object> args = List.of();

    protected BusinessException(String message) {
        super(message);
    }

    /**
     * Figures a screen fills into its own words for this problem type ({@code problem.<type>} in its
     * bundle); the English message stays the API's detail.
     */
    public BusinessException withArgs(Object... figures) {
        this.args = List.of(figures);
        return this;
    }

    public List<Object> args() {
        return args;
    }

    public abstract Kind kind();

    /** A short stable name for the problem type URI, e.g. {@code not-found}. */
    public abstract String type();
}
