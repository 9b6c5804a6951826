package org.reliefchain.fleet;

/** Whom to call about a vehicle: the driver, skipper or pilot on duty, or the carrier's dispatcher. */
public record Crew(String name, String phone) {
}
