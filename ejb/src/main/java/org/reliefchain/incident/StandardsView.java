package org.reliefchain.incident;

import java.time.Instant;
import java.util.List;

/** The current relief standards: their version, who saved them and why, and the lines with their sources. */
public record StandardsView(int version, Instant createdAt, String actor, String note, List<StandardLine> lines) {
}
