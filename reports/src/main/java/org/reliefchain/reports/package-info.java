/**
 * Printable documents: JasperReports templates (compiled at build time from {@code src/main/jasper}),
 * the embedded CJK font, and a renderer that turns plain rows into PDF or XLSX bytes. Knows nothing
 * of the domain model: callers hand it maps of values.
 */
package org.reliefchain.reports;
