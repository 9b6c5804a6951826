package org.reliefchain.incident;

/** Emergency response level: Ⅰ级 is the highest, Ⅳ级 the lowest. */
public enum ResponseLevel {
    I, II, III, IV
}
