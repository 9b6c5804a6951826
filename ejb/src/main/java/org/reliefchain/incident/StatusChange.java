package org.reliefchain.incident;

/** Moving an incident along its lifecycle, with the reason. */
public record StatusChange(IncidentStatus status, String reason) {
}
