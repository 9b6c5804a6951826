package org.reliefchain.platform;

/** The request contradicts the current state (duplicate name, stale version, not enough stock...). */
public class ConflictException extends BusinessException {

    private final String type;

    public ConflictException(String type, String message) {
        super(message);
        this.type = type;
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }

    @Override
    public String type() {
        return type;
    }
}
