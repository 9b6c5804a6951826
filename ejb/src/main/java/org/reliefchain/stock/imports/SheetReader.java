package org.reliefchain.stock.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.reliefchain.platform.InvalidInputException;

/**
 * Reads the first sheet of an XLSX file, or a CSV file (UTF-8, optional BOM, RFC 4180 quotes), into
 * rows keyed by the header row's column names (lower-cased). XLSX is read as the ZIP of XML it is:
 * shared strings and inline strings, numbers as written; no formulas are evaluated.
 */
public final class SheetReader {

    static final int MAX_ROWS = 20_000;

    private SheetReader() {
    }

    public static List<ImportRow> read(byte[] content, boolean xlsx) {
        List<List<String>> table = xlsx ? xlsx(content) : csv(new String(content, StandardCharsets.UTF_8));
        if (table.isEmpty()) {
            throw new InvalidInputException("file", "is empty: the first row must name the columns");
        }
        List<String> header = table.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (table.size() - 1 > MAX_ROWS) {
            throw new InvalidInputException("file", "has more than " + MAX_ROWS + " rows; split it");
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byName.put(header.get(c), c < cells.size() ? cells.get(c) : null);
            }
            rows.add(new ImportRow(i + 1, byName));
        }
        return rows;
    }

    static List<List<String>> csv(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> xlsx(byte[] content) {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("xl/sharedStrings.xml") || e.getName().startsWith("xl/worksheets/sheet")) {
                    parts.put(e.getName(), zip.readNBytes(20 * 1024 * 1024));
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("file", "is not a readable XLSX file");
        }
        byte[] sheet = parts.get("xl/worksheets/sheet1.xml");
        if (sheet == null) {
            throw new InvalidInputException("file", "is not an XLSX workbook (no first sheet)");
        }
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList items = parse(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
            for (int i = 0; i < items.getLength(); i++) {
                shared.add(text((Element) items.item(i)));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        NodeList rowNodes = parse(sheet).getElementsByTagName("row");
        for (int r = 0; r < rowNodes.getLength(); r++) {
            List<String> row = new ArrayList<>();
            NodeList cells = ((Element) rowNodes.item(r)).getElementsByTagName("c");
            for (int c = 0; c < cells.getLength(); c++) {
                Element cell = (Element) cells.item(c);
                int column = column(cell.getAttribute("r"));
                while (row.size() < column) {
                    row.add(null);
                }
                row.add(value(cell, shared));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String value(Element cell, List<String> shared) {
        String type = cell.getAttribute("t");
        if ("inlineStr".equals(type)) {
            return text(cell);
        }
        NodeList v = cell.getElementsByTagName("v");
        if (v.getLength() == 0) {
            return null;
        }
        String raw = v.item(0).getTextContent();
        return "s".equals(type) ? shared.get(Integer.parseInt(raw.trim())) : raw;
    }

    /** "C12" -> 2 (0-based column index). */
    private static int column(String reference) {
        int n = 0;
        for (char ch : reference.toCharArray()) {
            if (!Character.isLetter(ch)) {
                break;
            }
            n = n * 26 + (Character.toUpperCase(ch) - 'A' + 1);
        }
        return Math.max(0, n - 1);
    }

    private static String text(Element e) {
        StringBuilder s = new StringBuilder();
        NodeList ts = e.getElementsByTagName("t");
        for (int i = 0; i < ts.getLength(); i++) {
            s.append(ts.item(i).getTextContent());
        }
        return s.toString();
    }

    private static Document parse(byte[] xml) {
        try (InputStream in = new ByteArrayInputStream(xml)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(in);
        } catch (Exception e) {
            throw new InvalidInputException("file", "is not a readable XLSX file");
        }
    }
}
