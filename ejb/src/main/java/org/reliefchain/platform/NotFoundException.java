package org.reliefchain.platform;

/** The thing asked for does not exist (or is not visible to the caller). */
public class NotFoundException extends BusinessException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
        withArgs(String.valueOf(id));
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }

    @Override
    public String type() {
        return "not-found";
    }
}
