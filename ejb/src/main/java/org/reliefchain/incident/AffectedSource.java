package org.reliefchain.incident;

/** Where a figure of affected people comes from: reported from the ground, estimated, or imported from a file. */
public enum AffectedSource {
    REPORTED, ESTIMATED, IMPORTED
}
