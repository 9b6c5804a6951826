package org.reliefchain.division;

/** Filters for listing divisions; every field may be null. {@code text} matches a name or a code prefix. */
public record DivisionQuery(DivisionLevel level, DivisionCode parent, String text) {
}
