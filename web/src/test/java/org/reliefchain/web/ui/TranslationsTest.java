package org.reliefchain.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.reliefchain.allocation.AllocationAction;
import org.reliefchain.allocation.AllocationStatus;
import org.reliefchain.catalog.MaterialClass;
import org.reliefchain.dispatch.StopStatus;
import org.reliefchain.dispatch.TripEventType;
import org.reliefchain.dispatch.TripStatus;
import org.reliefchain.division.DivisionLevel;
import org.reliefchain.fleet.OwnerKind;
import org.reliefchain.fleet.VehicleKind;
import org.reliefchain.fleet.VehicleStatus;
import org.reliefchain.incident.IncidentKind;
import org.reliefchain.incident.IncidentStatus;
import org.reliefchain.incident.ResponseLevel;
import org.reliefchain.network.WarehouseKind;
import org.reliefchain.network.WarehouseStatus;
import org.reliefchain.place.AirKind;
import org.reliefchain.place.PlaceKind;
import org.reliefchain.security.Role;
import org.reliefchain.stock.MovementType;

/**
 * Every text of the screens exists in Chinese and in English: the two bundles hold the same keys, every key a
 * page or a bean names literally is in them, and every value of an enum shown through a key prefix has its
 * words. Fails naming the missing keys.
 */
class TranslationsTest {

    private static final Path BUNDLES = Path.of("src/main/resources/org/reliefchain/web/ui");
    private static final Path PAGES = Path.of("src/main/webapp");
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void both_languages_have_the_same_keys() throws IOException {
        Set<String> zh = keys(load("messages_zh.properties"));
        Set<String> en = keys(load("messages_en.properties"));
        assertThat(difference(zh, en)).as("in Chinese, missing in English").isEmpty();
        assertThat(difference(en, zh)).as("in English, missing in Chinese").isEmpty();
    }

    @Test
    void no_key_is_written_twice_in_a_bundle() throws IOException {
        // Properties keep the last of two equal keys: the first page's text would silently become the second's
        for (String name : List.of("messages_zh.properties", "messages_en.properties")) {
            Map<String, Integer> seen = new java.util.HashMap<>();
            List<String> twice = new java.util.ArrayList<>();
            List<String> lines = Files.readAllLines(BUNDLES.resolve(name), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                int eq = line.indexOf('=');
                if (line.isEmpty() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                Integer before = seen.put(line.substring(0, eq).strip(), i + 1);
                if (before != null) {
                    twice.add(line.substring(0, eq).strip() + " (lines " + before + " and " + (i + 1) + ")");
                }
            }
            assertThat(twice).as(name).isEmpty();
        }
    }

    @Test
    void every_key_a_page_names_is_translated() throws IOException {
        Set<String> missing = missing(PAGES, ".xhtml", Pattern.compile("msg\\['([A-Za-z0-9_.-]+)'\\]"));
        assertThat(missing).as("keys named by pages").isEmpty();
    }

    @Test
    void every_key_a_bean_or_report_names_is_translated() throws IOException {
        Set<String> missing = missing(SOURCES, ".java",
                Pattern.compile("(?:locale\\.text|Labels\\.get|text)\\(\"([A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)+)\""));
        assertThat(missing).as("keys named by Java code").isEmpty();
    }

    @Test
    void every_value_shown_through_a_key_prefix_is_translated() throws IOException {
        Map<String, Class<? extends Enum<?>>> shown = new LinkedHashMap<>();
        shown.put("allocation.status.", AllocationStatus.class);
        shown.put("fleet.kind.", VehicleKind.class);
        shown.put("fleet.status.", VehicleStatus.class);
        shown.put("fleet.owner.", OwnerKind.class);
        shown.put("movement.", MovementType.class);
        shown.put("incident.kind.", IncidentKind.class);
        shown.put("incident.level.", ResponseLevel.class);
        shown.put("incident.status.", IncidentStatus.class);
        shown.put("level.", DivisionLevel.class);
        shown.put("place.kind.", PlaceKind.class);
        shown.put("place.air.", AirKind.class);
        shown.put("role.", Role.class);
        shown.put("trip.status.", TripStatus.class);
        shown.put("trip.stopStatus.", StopStatus.class);
        shown.put("trip.event.", TripEventType.class);
        shown.put("warehouse.kind.", WarehouseKind.class);
        shown.put("warehouse.status.", WarehouseStatus.class);
        shown.put("class.", MaterialClass.class);
        shown.put("lot.source.", org.reliefchain.stock.LotSource.class);
        shown.put("incident.source.", org.reliefchain.incident.AffectedSource.class);
        // finance: every enum its pages show through a key prefix
        shown.put("agreement.kind.", org.reliefchain.finance.agreement.AgreementKind.class);
        shown.put("agreement.status.", org.reliefchain.finance.agreement.AgreementStatus.class);
        shown.put("agreement.priceRule.", org.reliefchain.finance.agreement.PriceRule.class);
        shown.put("enterprise.status.", org.reliefchain.finance.enterprise.EnterpriseStatus.class);
        shown.put("journal.account.", org.reliefchain.finance.journal.Account.class);
        shown.put("statement.status.", org.reliefchain.finance.subsidy.StatementStatus.class);
        shown.put("statement.lineKind.", org.reliefchain.finance.subsidy.LineKind.class);
        shown.put("writeOff.status.", org.reliefchain.finance.writeoff.WriteOffStatus.class);
        shown.put("writeOff.cause.", org.reliefchain.finance.writeoff.WriteOffCause.class);
        shown.put("rotation.status.", org.reliefchain.finance.rotation.RotationStatus.class);
        shown.put("rotation.method.", org.reliefchain.finance.rotation.RotationMethod.class);
        shown.put("requisition.status.", org.reliefchain.finance.requisition.RequisitionStatus.class);
        shown.put("requisition.partyKind.", org.reliefchain.finance.requisition.PartyKind.class);
        shown.put("requisition.outcome.", org.reliefchain.finance.requisition.Outcome.class);
        shown.put("requisition.kind.", org.reliefchain.finance.requisition.ItemKind.class);
        shown.put("requisition.condition.", org.reliefchain.finance.requisition.ReturnCondition.class);
        shown.put("callUp.status.", org.reliefchain.finance.callup.CallUpStatus.class);
        shown.put("callUp.batch.", org.reliefchain.finance.callup.ProductionSchedule.State.class);
        shown.put("spending.kind.", org.reliefchain.finance.spending.SpendingKind.class);
        Set<String> missing = new TreeSet<>();
        for (String lang : new String[] {"zh", "en"}) {
            Properties bundle = load("messages_" + lang + ".properties");
            shown.forEach((prefix, type) -> {
                for (Enum<?> value : type.getEnumConstants()) {
                    if (!bundle.containsKey(prefix + value.name())) {
                        missing.add(lang + ": " + prefix + value.name());
                    }
                }
            });
            for (String event : new String[] {"REQUESTED", "SUBMITTED", "APPROVED", "REJECTED", "SHIPPED",
                    "SHIPPED_SHORT", "RECEIVED", "CLOSED", "CANCELLED"}) {
                if (!bundle.containsKey("allocation.event." + event)) {
                    missing.add(lang + ": allocation.event." + event);
                }
            }
            for (AllocationAction waiting : new AllocationAction[] {AllocationAction.APPROVE, AllocationAction.SHIP,
                    AllocationAction.RECEIVE}) {
                if (!bundle.containsKey("allocation.waiting." + waiting)) {
                    missing.add(lang + ": allocation.waiting." + waiting);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void every_line_of_the_home_page_is_translated() throws IOException {
        String service = Files.readString(Path.of("../ejb/src/main/java/org/reliefchain/home/HomeService.java"));
        Matcher m = Pattern.compile("(?:count|money)\\(\"([a-zA-Z.]+)\"").matcher(service);
        Set<String> missing = new TreeSet<>();
        int lines = 0;
        for (String lang : new String[] {"zh", "en"}) {
            Properties bundle = load("messages_" + lang + ".properties");
            m.reset();
            while (m.find()) {
                lines++;
                if (!bundle.containsKey("home.work." + m.group(1)) && !bundle.containsKey("home.figure." + m.group(1))) {
                    missing.add(lang + ": " + m.group(1));
                }
            }
        }
        assertThat(lines).as("lines found in HomeService").isGreaterThan(10);
        assertThat(missing).isEmpty();
    }

    @Test
    void every_refusal_the_services_throw_has_words_in_both_languages() throws IOException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("../ejb/src/main/java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Matcher m = Pattern.compile("ConflictException\\(\"([a-z-]+)\"").matcher(Files.readString(file));
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        }
        types.addAll(java.util.List.of("not-found", "outside-jurisdiction", "insufficient-stock"));
        assertThat(types).as("refusal types found").hasSizeGreaterThan(20);
        Set<String> missing = new TreeSet<>();
        for (String lang : new String[] {"zh", "en"}) {
            Properties bundle = load("messages_" + lang + ".properties");
            types.stream().filter(t -> !bundle.containsKey("problem." + t)).forEach(t -> missing.add(lang + ": " + t));
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> missing(Path root, String suffix, Pattern key) throws IOException {
        Properties zh = load("messages_zh.properties");
        Properties en = load("messages_en.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(suffix))::iterator) {
                Matcher m = key.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String k = m.group(1);
                    if (k.endsWith(".")) {
                        continue; // a prefix completed at run time: checked by the enum test
                    }
                    if (!zh.containsKey(k)) {
                        missing.add("zh: " + k + " (" + file.getFileName() + ")");
                    }
                    if (!en.containsKey(k)) {
                        missing.add("en: " + k + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(root).isDirectory();
        return missing;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(BUNDLES.resolve(name));
             var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        assertThat(p).as(name).isNotEmpty();
        return p;
    }

    private static Set<String> keys(Properties p) {
        Set<String> s = new TreeSet<>();
        p.stringPropertyNames().forEach(s::add);
        return s;
    }

    @Test
    void every_paginator_that_reports_the_page_says_it_without_english_words() throws IOException {
        // PrimeFaces' default report is "(1 of 98)", the same in every language
        Pattern table = Pattern.compile("<p:dataTable\\b[^>]*>", Pattern.DOTALL);
        Set<String> english = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(PAGES)) {
            for (Path page : pages.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                Matcher m = table.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (m.group().contains("{CurrentPageReport}") && !m.group().contains("currentPageReportTemplate")) {
                        english.add(PAGES.relativize(page).toString());
                    }
                }
            }
        }
        assertThat(english).as("tables showing PrimeFaces' English page report").isEmpty();
    }

    @Test
    void every_action_the_audit_trail_records_has_words_in_both_languages() throws IOException {
        // literal action codes given to AuditTrail.record (and SecurityEvents); those built from a prefix and a
        // suffix (INCIDENT_, STOCK_, TRIP_) are worded from the suffix's own keys, checked by the enum test
        Pattern action = Pattern.compile("\"((?:[A-Z]+_)*[A-Z]+)\"");
        Pattern recorded = Pattern.compile("record\\(\\s*(?:[a-z]+ \\? )?(\"[A-Z_]+\"(?: : \"[A-Z_]+\")?)");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("../ejb/src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = recorded.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    Matcher a = action.matcher(m.group(1));
                    while (a.find()) {
                        if (!a.group(1).endsWith("_")) {
                            codes.add(a.group(1));
                        }
                    }
                }
            }
        }
        assertThat(codes).as("audit actions found in the sources").contains("WAREHOUSE_CREATED", "AGREEMENT_AMENDED");
        Set<String> missing = new TreeSet<>();
        for (String lang : new String[] {"zh", "en"}) {
            Properties bundle = load("messages_" + lang + ".properties");
            codes.stream().filter(c -> !bundle.containsKey("audit.action." + c))
                    .forEach(c -> missing.add(lang + ": audit.action." + c));
        }
        assertThat(missing).as("audit actions without words").isEmpty();
    }
}
