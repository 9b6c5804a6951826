package org.reliefchain.stock.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import org.reliefchain.platform.InvalidInputException;

/**
 * The rows of the first sheet of an XLSX workbook, through Apache POI's streaming reader: the sheet is
 * parsed as it is read and reading stops once enough rows have come, so a big sheet costs no more than
 * the rows kept. Cells arrive as the user sees them ({@link ShownValues}); shared and inline strings,
 * rich text included, as their plain text; formulas as their cached results. A row's line is the row
 * number Excel shows.
 */
final class XlsxTable {

    /**
     * How much a workbook may unpack to. POI holds every part of a workbook opened from memory unpacked;
     * its own zip-bomb check bounds only the ratio of each part, so a file of a few megabytes could still
     * unpack to gigabytes. 100 MB is several times what {@link SheetReader#MAX_ROWS} rows take.
     */
    static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;

    private XlsxTable() {
    }

    static boolean isWorkbook(byte[] content) {
        return content.length >= 4 && FileMagic.valueOf(content) == FileMagic.OOXML;
    }

    /** Up to {@code maxRows} non-blank rows of the first sheet, in order. */
    static List<RawRow> read(byte[] content, int maxRows) {
        requireReadableSize(content);
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(content));
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            Rows rows = new Rows(maxRows);
            XSSFSheetXMLHandler handler = new XSSFSheetXMLHandler(styles == null ? new StylesTable() : styles, null,
                    new ReadOnlySharedStringsTable(pkg, false), rows, new ShownValues(date1904(reader)), false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InvalidInputException("file", "is a workbook without a sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(handler);
                xml.parse(new InputSource(sheet));
            } catch (Enough enough) {
                // the rows wanted have come; the rest of the sheet is not read
            }
            return rows.rows;
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            // POI fails in many ways on a file that only looks like a workbook; every one is this file's fault
            throw unreadable();
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    /** Refuses a file that is no workbook, an old or encrypted one, or one that unpacks too big. */
    private static void requireReadableSize(byte[] content) {
        if (content.length >= 8 && FileMagic.valueOf(content) == FileMagic.OLE2) {
            throw new InvalidInputException("file", "is an Excel 97-2003 workbook (.xls) or a password-protected one:"
                    + " save it as an Excel workbook (.xlsx) without a password");
        }
        if (!isWorkbook(content)) {
            throw unreadable();
        }
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        // opened as POI opens it (UTF-8 names, stored entries with data descriptors allowed)
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(content),
                StandardCharsets.UTF_8.name(), false, true)) {
            for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw new InvalidInputException("file", "unpacks to more than "
                                + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB: keep only the sheet to import, or split it");
                    }
                }
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    private static InvalidInputException unreadable() {
        return new InvalidInputException("file", "is not a readable XLSX workbook: save it from Excel or WPS as .xlsx,"
                + " or send CSV");
    }

    /** Whether the workbook counts days from 1904 ({@code <workbookPr date1904="1">}, old Mac Excel). */
    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException,
            ParserConfigurationException {
        boolean[] found = {false};
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String v = attributes.getValue("date1904");
                        found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
            xml.parse(new InputSource(workbook));
        }
        return found[0];
    }

    /** Stops the parse once enough rows have come; it carries no stack, as it is no error. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /** Collects the non-blank rows the streaming reader hands over, cell by cell. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        private final List<RawRow> rows = new ArrayList<>();
        private List<String> cells = new ArrayList<>();
        private int nextColumn;

        Rows(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            RawRow row = new RawRow(rowNum + 1, cells);
            if (!row.isBlank()) {
                rows.add(row);
                if (rows.size() >= maxRows) {
                    throw new Enough();
                }
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            // some writers leave out a cell's reference: it is then the one after the previous cell
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value);
            nextColumn = column + 1;
        }
    }
}
