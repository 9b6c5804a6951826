package org.reliefchain.incident;

/**
 * DECLARED -> RESPONDING -> RECOVERY -> CLOSED, one step at a time; a declared incident that turns out
 * to need no response may be closed at once. Closed is final: a new event is a new incident.
 */
public enum IncidentStatus {
    DECLARED, RESPONDING, RECOVERY, CLOSED;

    public boolean canMoveTo(IncidentStatus next) {
        return next.ordinal() == ordinal() + 1 || (this == DECLARED && next == CLOSED);
    }
}
