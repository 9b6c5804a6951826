package org.reliefchain.web.problem;

import jakarta.annotation.Priority;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.reliefchain.platform.BusinessException;

/**
 * Jersey brings its own mappers for EJB, validation and processing exceptions (plain text or HTML
 * bodies). These take precedence for the same types and hand everything to {@link ProblemMapper}.
 */
final class SpecificProblemMappers {

    private SpecificProblemMappers() {
    }

    private static final ProblemMapper MAPPER = new ProblemMapper();

    @Provider
    @Priority(1)
    public static class Business implements ExceptionMapper<BusinessException> {
        @Override
        public Response toResponse(BusinessException e) {
            return MAPPER.toResponse(e);
        }
    }

    @Provider
    @Priority(1)
    public static class Ejb implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            return MAPPER.toResponse(e);
        }
    }

    @Provider
    @Priority(1)
    public static class EjbAccess implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return MAPPER.toResponse(e);
        }
    }

    @Provider
    @Priority(1)
    public static class Validation implements ExceptionMapper<ValidationException> {
        @Override
        public Response toResponse(ValidationException e) {
            return MAPPER.toResponse(e);
        }
    }

    @Provider
    @Priority(1)
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return MAPPER.toResponse(e);
        }
    }
}
