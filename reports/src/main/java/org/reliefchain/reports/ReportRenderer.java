package org.reliefchain.reports;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Fills a compiled template with rows and exports it. Thread-safe; compiled templates are loaded once.
 * XLSX is filled without pagination so that the sheet has one header and no page footers in between.
 */
public class ReportRenderer {

    private final Map<ReportTemplate, JasperReport> compiled = new ConcurrentHashMap<>();

    public byte[] render(ReportTemplate template, Map<String, Object> parameters,
                         Collection<Map<String, ?>> rows, Locale locale, ReportFormat format) {
        Map<String, Object> params = new HashMap<>(parameters);
        params.put(JRParameter.REPORT_LOCALE, locale);
        params.put(JRParameter.REPORT_RESOURCE_BUNDLE,
                ResourceBundle.getBundle("org/reliefchain/reports/" + template.fileName(), locale,
                        ReportRenderer.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                                ResourceBundle.Control.FORMAT_PROPERTIES)));
        if (format == ReportFormat.XLSX) {
            params.put(JRParameter.IS_IGNORE_PAGINATION, Boolean.TRUE);
        }
        try {
            JasperPrint print = JasperFillManager.fillReport(load(template), params,
                    new JRMapCollectionDataSource(rows));
            return format == ReportFormat.PDF ? pdf(print) : xlsx(print);
        } catch (JRException e) {
            throw new ReportRenderingException("could not render " + template + " as " + format, e);
        }
    }

    private JasperReport load(ReportTemplate template) {
        return compiled.computeIfAbsent(template, t -> {
            try (InputStream in = ReportRenderer.class.getResourceAsStream(t.resource())) {
                if (in == null) {
                    throw new IllegalStateException(t.resource() + " is missing: the build compiles it");
                }
                return (JasperReport) JRLoader.loadObject(in);
            } catch (Exception e) {
                throw new ReportRenderingException("could not load template " + t, e);
            }
        });
    }

    private static byte[] pdf(JasperPrint print) throws JRException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(print.getName());
        configuration.setMetadataCreator("reliefchain");
        exporter.setConfiguration(configuration);
        exporter.exportReport();
        return out.toByteArray();
    }

    private static byte[] xlsx(JasperPrint print) throws JRException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JRXlsxExporter exporter = new JRXlsxExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
        configuration.setDetectCellType(true);
        configuration.setRemoveEmptySpaceBetweenRows(true);
        configuration.setWhitePageBackground(false);
        configuration.setSheetNames(new String[] {print.getName()});
        exporter.setConfiguration(configuration);
        exporter.exportReport();
        return out.toByteArray();
    }
}
