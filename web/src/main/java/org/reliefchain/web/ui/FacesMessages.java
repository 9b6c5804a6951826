package org.reliefchain.web.ui;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolationException;

import org.reliefchain.platform.BusinessException;

/** Shows a refused use case as a form message instead of an error page. */
final class FacesMessages {

    private FacesMessages() {
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** @return true when the exception was a refusal the user can act on (and is now shown, fields marked) */
    static boolean refused(RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof EJBException && !(cause instanceof EJBAccessException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        FacesContext ctx = FacesContext.getCurrentInstance();
        Refusals refusals = new Refusals(ctx.getApplication().getResourceBundle(ctx, "msg"), ctx.getViewRoot().getLocale());
        String text;
        if (cause instanceof org.reliefchain.security.OutsideJurisdictionException outside) {
            jakarta.enterprise.inject.spi.CDI.current().select(org.reliefchain.audit.SecurityEvents.class).get()
                    .accessRefused(outside);
        }
        if (cause instanceof BusinessException b) {
            text = refusals.text(b);
        } else if (cause instanceof ConstraintViolationException v) {
            text = refusals.text(v);
        } else if (cause instanceof EJBAccessException) {
            text = ctx.getApplication().getResourceBundle(ctx, "msg").getString("problem.role");
        } else if (optimisticLock(e)) {
            // Two people (or a double click) changed the same record: the second is told to reload.
            text = ctx.getApplication().getResourceBundle(ctx, "msg").getString("problem.stale-version");
        } else {
            return false;
        }
        // A table asks for its count and its rows: one refusal, said once.
        if (ctx.getMessageList().stream().noneMatch(m -> text.equals(m.getSummary()))) {
            ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
        ctx.validationFailed();
        mark(ctx, Refusals.leaves(cause));
        return true;
    }

    private static boolean optimisticLock(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** Marks the inputs named like the fields at fault, so that the form shows where the error is. */
    private static void mark(FacesContext ctx, java.util.List<String> fields) {
        if (fields.isEmpty() || ctx.getViewRoot() == null) {
            return;
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(fields);
        ctx.getViewRoot().visitTree(jakarta.faces.component.visit.VisitContext.createVisitContext(ctx), (visit, c) -> {
            if (c instanceof jakarta.faces.component.UIInput input && wanted.contains(c.getId())) {
                input.setValid(false);
            }
            return jakarta.faces.component.visit.VisitResult.ACCEPT;
        });
    }

    static <T> T attempt(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            if (refused(e)) {
                return null;
            }
            throw e;
        }
    }
}
