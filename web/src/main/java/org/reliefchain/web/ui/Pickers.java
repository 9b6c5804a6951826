package org.reliefchain.web.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import org.reliefchain.catalog.CatalogService;
import org.reliefchain.catalog.MaterialView;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionQuery;
import org.reliefchain.division.DivisionService;
import org.reliefchain.division.DivisionView;
import org.reliefchain.network.WarehouseService;
import org.reliefchain.network.WarehouseView;
import org.reliefchain.platform.NameInitials;
import org.reliefchain.platform.PageRequest;

/**
 * Searchable pickers shared by the screens: a user types part of a name (or a code they happen to know) and
 * picks "名称 (CODE)"; the page bean reads the code back with {@link #code(String)}. The server limits what is
 * offered to what the user may act on.
 */
@Named
@RequestScoped
public class Pickers {

    private static final int OFFERED = 20;

    /** Division names looked up in this request: a page of 25 rows often names the same few. */
    private final Map<String, String> divisionNames = new HashMap<>();

    @Inject
    private WarehouseService warehouses;
    @Inject
    private DivisionService divisions;
    @Inject
    private LocaleSelector locale;
    @Inject
    private CatalogService catalog;

    /** Any active warehouse: requests may go to any of them. */
    public List<String> anyWarehouse(String query) {
        return warehouses.pick(query, false, OFFERED).stream().map(this::label).toList();
    }

    /** Active warehouses in the user's jurisdiction: where the user may receive, issue or count. */
    public List<String> myWarehouse(String query) {
        return warehouses.pick(query, true, OFFERED).stream().map(this::label).toList();
    }

    /** Any division, by name (any level), pinyin initials or code prefix: for filters of province-wide lists. */
    public List<String> anyDivision(String query) {
        return divisions.list(new DivisionQuery(null, null, query), PageRequest.of(0, OFFERED)).items().stream()
                .map(this::label).toList();
    }

    /** Divisions in the user's jurisdiction, by name (any level) or code prefix: "永嘉县 (330324)". */
    public List<String> myDivision(String query) {
        return divisions.pick(query, OFFERED).stream().map(this::label).toList();
    }

    private String label(DivisionView d) {
        return name(d.nameZh(), d.nameEn()) + " (" + d.code() + ")";
    }

    /**
     * The pinyin initials of every material's Chinese name by code, as a JavaScript object literal for the
     * material menus' filter ({@code rcMaterialMatch} in pickers.js); "<" is escaped so that no name can end the
     * script element it is written into.
     */
    public String getMaterialInitials() {
        JsonObjectBuilder initials = Json.createObjectBuilder();
        for (MaterialView m : catalog.list(null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items()) {
            String of = NameInitials.of(m.nameZh());
            if (of != null) {
                initials.add(m.code(), of);
            }
        }
        return initials.build().toString().replace("<", "\\u003c");
    }

    /** A division's name in the user's language, for lists that show the code below it (places name real ones). */
    public String divisionName(String code) {
        if (code == null) {
            return "";
        }
        return divisionNames.computeIfAbsent(code, c -> {
            try {
                DivisionView d = divisions.get(DivisionCode.of(c));
                return name(d.nameZh(), d.nameEn());
            } catch (RuntimeException unknown) {
                return c; // a list must not fail over one name it cannot find
            }
        });
    }

    public String label(WarehouseView w) {
        return name(w.nameZh(), w.nameEn()) + " (" + w.code() + ")";
    }

    /** The name in the user's language; Chinese where no English one was given. */
    public String name(String zh, String en) {
        return locale.name(zh, en);
    }

    /**
     * The warehouse code of what the user left in a picker: the picked "名称 (CODE)", or a whole name typed
     * without picking (the natural thing to do) when exactly one warehouse has it, or else the text as typed
     * (a code), for the service to accept or refuse.
     */
    public String warehouseCode(String text) {
        String code = code(text);
        if (code == null || !code.equals(text.trim())) {
            return code;
        }
        List<WarehouseView> named = warehouses.pick(code, false, 5).stream()
                .filter(w -> code.equals(w.nameZh()) || code.equalsIgnoreCase(w.nameEn())
                        || code.equalsIgnoreCase(w.code())).toList();
        return named.size() == 1 ? named.get(0).code() : code;
    }

    /** "永嘉县县级应急物资储备库 (ZJ-330324)" -> "ZJ-330324"; a bare code stays as it is; blank -> null. */
    public static String code(String picked) {
        if (picked == null || picked.isBlank()) {
            return null;
        }
        String t = picked.trim();
        int open = t.lastIndexOf('(');
        return open >= 0 && t.endsWith(")") ? t.substring(open + 1, t.length() - 1).trim() : t;
    }
}
