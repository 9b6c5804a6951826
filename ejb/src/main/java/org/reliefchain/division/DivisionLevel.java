package org.reliefchain.division;

/** The five levels, each with the length of its statistical code (统计用区划代码). */
public enum DivisionLevel {
    PROVINCE(2), CITY(4), COUNTY(6), TOWNSHIP(9), VILLAGE(12);

    private final int codeLength;

    DivisionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    public static DivisionLevel ofCodeLength(int length) {
        for (DivisionLevel level : values()) {
            if (level.codeLength == length) {
                return level;
            }
        }
        throw new IllegalArgumentException("no division level has " + length + "-digit codes");
    }
}
