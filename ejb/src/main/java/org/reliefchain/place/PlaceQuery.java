package org.reliefchain.place;

import org.reliefchain.division.DivisionCode;

/** Filters for listing places of one kind; division (its whole subtree) and text are optional. */
public record PlaceQuery(PlaceKind kind, DivisionCode division, String text) {
}
