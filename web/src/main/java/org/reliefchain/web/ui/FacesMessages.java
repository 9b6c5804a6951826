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

    /** @return true when the exception was a refusal the user can act on (and is now shown) */
    static boolean refused(RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof EJBException && !(cause instanceof EJBAccessException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text;
        if (cause instanceof BusinessException b) {
            text = localized(b);
        } else if (cause instanceof ConstraintViolationException v) {
            text = v.getConstraintViolations().stream()
                    .map(c -> c.getPropertyPath() + ": " + c.getMessage()).sorted()
                    .reduce((a, b) -> a + "; " + b).orElse("invalid input");
        } else if (cause instanceof EJBAccessException) {
            text = "not allowed for your role";
        } else {
            return false;
        }
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        FacesContext.getCurrentInstance().validationFailed();
        return true;
    }

    /**
     * A refusal in the user's language where the bundle words its kind ({@code problem.<type>}), followed by
     * the service's specifics (which warehouse, which material) unless {@code problem.<type>.alone} says the words
     * suffice; the service's own sentence where the bundle has none.
     */
    private static String localized(BusinessException b) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        java.util.ResourceBundle bundle = ctx.getApplication().getResourceBundle(ctx, "msg");
        String key = "problem." + b.type();
        if (bundle == null || !bundle.containsKey(key)) {
            return b.getMessage();
        }
        return bundle.getString(key) + (bundle.containsKey(key + ".alone") ? "" : ": " + b.getMessage());
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
