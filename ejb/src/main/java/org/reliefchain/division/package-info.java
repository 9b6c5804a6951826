/**
 * The administrative division tree of Zhejiang (行政区划): province, city, county, township, village.
 * Reference data loaded once from {@code divisions.csv}; a child's code always extends its parent's,
 * so subtree membership is a prefix test ({@link org.reliefchain.division.DivisionCode#contains}).
 */
package org.reliefchain.division;
