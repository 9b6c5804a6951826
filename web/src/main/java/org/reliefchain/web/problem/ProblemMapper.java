package org.reliefchain.web.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.reliefchain.platform.BusinessException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.InvalidInputException.FieldError;

/**
 * Maps every exception that leaves a resource to a problem+json response. Business refusals keep
 * their message; anything unexpected is logged with an incident id and answered with only that id.
 * Invalid input of any kind (bad JSON, failed Bean Validation, a rule of the domain) is 400.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    /** What a failure becomes: everything needed for the problem+json body. */
    record Classified(int status, String type, String title, String detail, List<FieldError> errors) {
    }

    /** Seconds a client is asked to wait while the database is out of reach (a restart takes about that). */
    public static final int RETRY_AFTER_SECONDS = 10;

    @Override
    public Response toResponse(Throwable thrown) {
        if (unwrap(thrown) instanceof org.reliefchain.security.OutsideJurisdictionException refused) {
            // looked up, not injected: JAX-RS creates this provider itself, outside CDI
            jakarta.enterprise.inject.spi.CDI.current().select(org.reliefchain.audit.SecurityEvents.class).get()
                    .accessRefused(refused);
        }
        Classified p = classify(thrown);
        Response response = Problem.response(p.type(), p.title(), p.status(), p.detail(), p.errors());
        Integer wait = retryAfter(p);
        return wait == null ? response : Response.fromResponse(response).header("Retry-After", wait).build();
    }

    /** Seconds to tell the client to wait before trying again, for a failure that passes; null for the others. */
    static Integer retryAfter(Classified p) {
        return p.status() == 503 ? RETRY_AFTER_SECONDS : null;
    }

    static Classified classify(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof BusinessException b) {
            return business(b);
        }
        if (e instanceof ConstraintViolationException v) {
            return new Classified(400, "validation", "Invalid input", "the request has invalid fields", fieldErrors(v));
        }
        if (e instanceof EJBAccessException) {
            return new Classified(403, "forbidden", "Forbidden", "your role may not do this", null);
        }
        if (e instanceof OptimisticLockException) {
            return new Classified(409, "stale-version", "Conflict",
                    "someone else changed this record at the same time; reload and try again", null);
        }
        if (isDatabaseUnreachable(thrown)) {
            LOG.log(Level.WARNING, "database out of reach: " + thrown);
            return new Classified(503, "database-unavailable", "Service unavailable",
                    "the database cannot be reached just now; nothing was changed: send the request again shortly",
                    null);
        }
        if (isConcurrencyAbort(thrown)) {
            return new Classified(409, "concurrent-update", "Conflict",
                    "another request changed the same stock at the same moment; send the request again", null);
        }
        String parameter = unreadableParameter(e);
        if (parameter != null) {
            return new Classified(400, "validation", "Invalid input", parameter + ": cannot be read",
                    List.of(new FieldError(parameter, "is not in the right format", "format", List.of())));
        }
        FieldError tooMuch = dataException(thrown);
        if (tooMuch != null) {
            // The edge's checks should have caught it; the database's own refusal is still the client's input.
            LOG.log(Level.WARNING, "input refused by the database, not before it: " + tooMuch.reason(), thrown);
            return new Classified(400, "validation", "Invalid input", "a value does not fit: " + tooMuch.reason(),
                    List.of(tooMuch));
        }
        if (isMalformedJson(e)) {
            return new Classified(400, "malformed-json", "Malformed JSON",
                    "the request body is not valid JSON for this resource", null);
        }
        if (e instanceof WebApplicationException w) {
            return web(w);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, thrown);
        return new Classified(500, "internal", "Internal error",
                "the server failed; quote incident " + incident + " when reporting it", null);
    }

    private static Classified business(BusinessException b) {
        return switch (b.kind()) {
            case INVALID -> new Classified(400, b.type(), "Invalid input", b.getMessage(),
                    ((InvalidInputException) b).errors());
            case FORBIDDEN -> new Classified(403, b.type(), "Forbidden", b.getMessage(), null);
            case NOT_FOUND -> new Classified(404, b.type(), "Not found", b.getMessage(), null);
            case CONFLICT -> new Classified(409, b.type(), "Conflict", b.getMessage(), null);
        };
    }

    private static Classified web(WebApplicationException w) {
        int status = w.getResponse().getStatus();
        if (status == 404) {
            return new Classified(404, "not-found", "Not found", "no such resource", null);
        }
        if (w instanceof NotAllowedException) {
            return new Classified(405, "method-not-allowed", "Method not allowed",
                    "allowed: " + w.getResponse().getAllowedMethods(), null);
        }
        if (w instanceof NotSupportedException) {
            return new Classified(415, "unsupported-media-type", "Unsupported media type", "send application/json",
                    null);
        }
        Response.StatusType type = w.getResponse().getStatusInfo();
        return new Classified(status, status >= 500 ? "internal" : "http-" + status, type.getReasonPhrase(),
                status >= 500 ? "the server failed" : type.getReasonPhrase(), null);
    }

    /** EJB and transaction wrappers hide the cause that tells what went wrong. */
    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof EJBException || current instanceof ProcessingException
                || current.getClass().getName().endsWith("RollbackException")) && current.getCause() != null
                && !(current instanceof EJBAccessException)) {
            current = current.getCause();
        }
        for (Throwable c = current; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException || c instanceof BusinessException) {
                return c;
            }
        }
        return current;
    }

    /**
     * The database is down, restarting or refusing connections: PostgreSQL's connection errors (SQLSTATE class 08),
     * its shutdown and start-up refusals (57P01-57P03), too many connections (53300), the driver or the pool failing
     * to get a connection. A transient outage, not a defect: the client is told to come back.
     */
    public static boolean isDatabaseUnreachable(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable c = e; c != null && seen.add(c); c = c.getCause()) {
            if (c instanceof java.sql.SQLTransientConnectionException || c instanceof java.sql.SQLNonTransientConnectionException
                    || c instanceof java.net.ConnectException) {
                return true;
            }
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || "53300".equals(sql.getSQLState()))) {
                return true;
            }
            String name = c.getClass().getName();
            if (name.endsWith("PoolingException") || name.endsWith("ResourceAllocationException")) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL aborted the transaction to break a deadlock or a serialization conflict: retrying helps. */
    private static boolean isConcurrencyAbort(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A query, path or header parameter JAX-RS could not convert (Jersey's ParamException, a 404 for
     * query and path parameters by the specification): the client's input, so 400 naming the parameter.
     */
    private static String unreadableParameter(Throwable e) {
        if (!(e instanceof WebApplicationException) || !e.getClass().getName().contains("ParamException")) {
            return null;
        }
        try {
            Object name = e.getClass().getMethod("getParameterName").invoke(e);
            return name == null ? "parameter" : name.toString();
        } catch (ReflectiveOperationException | RuntimeException notJersey) {
            return "parameter";
        }
    }

    /**
     * PostgreSQL's data exceptions (SQLSTATE class 22: text too long for its column, a numeric overflow,
     * a date out of range, a NUL character): a value the client sent that no check before the database
     * caught. Still the client's input, so 400, not an incident.
     */
    private static FieldError dataException(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                String code = switch (sql.getSQLState()) {
                    case "22001" -> "too-long";
                    case "22003" -> "too-large";
                    case "22007", "22008" -> "date-range";
                    case "22021", "22P05" -> "control-characters";
                    default -> "format";
                };
                String reason = switch (code) {
                    case "too-long" -> "a text is longer than its field allows";
                    case "too-large" -> "a number is larger than its field allows";
                    case "date-range" -> "a date is outside the range its field allows";
                    case "control-characters" -> "a text holds a character that cannot be stored";
                    default -> "a value is not in the right format";
                };
                return new FieldError("body", reason, code, List.of());
            }
        }
        return null;
    }

    private static boolean isMalformedJson(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof JsonbException || c instanceof JsonException
                    || c.getClass().getName().startsWith("jakarta.json.stream")) {
                return true;
            }
        }
        return false;
    }

    private static List<FieldError> fieldErrors(ConstraintViolationException v) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : v.getConstraintViolations()) {
            errors.add(ViolationCodes.of(violation));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return errors;
    }
}
