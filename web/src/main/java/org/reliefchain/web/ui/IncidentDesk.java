package org.reliefchain.web.ui;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.division.DivisionQuery;
import org.reliefchain.division.DivisionService;
import org.reliefchain.division.DivisionView;
import org.reliefchain.incident.IncidentForm;
import org.reliefchain.incident.IncidentKind;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.incident.IncidentStatus;
import org.reliefchain.incident.IncidentView;
import org.reliefchain.incident.ResponseLevel;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.security.UserService;

/**
 * The dispatcher's incident list and the declaration form. Affected divisions are picked by name
 * (inside the dispatcher's jurisdiction); the service decides who may declare what.
 */
@Named
@ViewScoped
public class IncidentDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    private IncidentService incidents;
    @Inject
    private DivisionService divisions;
    @Inject
    private UserService users;
    @Inject
    private LocaleSelector locale;

    private IncidentStatus statusFilter;
    private LazyDataModel<IncidentView> list;

    private boolean declaring;
    private IncidentKind kind = IncidentKind.TYPHOON;
    private String name;
    private ResponseLevel level = ResponseLevel.IV;
    /** Picked divisions as shown, "永嘉县 330324": the code is the last word. */
    private List<String> affected = new ArrayList<>();
    private LocalDateTime startedAt;
    private LocalDateTime deadline;

    @PostConstruct
    void init() {
        list = new PagedModel<>((page, size) -> incidents.list(statusFilter, PageRequest.of(page, size)),
                i -> String.valueOf(i.id()));
    }

    public void startDeclaring() {
        declaring = true;
        startedAt = LocalDateTime.now(CHINA).withSecond(0).withNano(0);
    }

    public void cancel() {
        declaring = false;
    }

    /** Divisions whose name or code matches, inside the caller's jurisdiction: what a user can pick. */
    public List<String> completeDivision(String query) {
        String root = users.me().jurisdiction();
        return divisions.list(new DivisionQuery(null, null, query), PageRequest.of(0, 60)).items().stream()
                .filter(d -> d.code().startsWith(root)).limit(15).map(this::divisionLabel).toList();
    }

    /** The code at the end of a picked label. */
    static String code(String label) {
        String t = label.trim();
        return t.substring(t.lastIndexOf(' ') + 1);
    }

    public String declare() {
        List<String> codes = affected.stream().map(IncidentDesk::code).toList();
        IncidentView created = FacesMessages.attempt(() -> incidents.declare(new IncidentForm(kind, name, level, codes,
                instant(startedAt), instant(deadline))));
        if (created == null) {
            return null;
        }
        return "/app/incident?faces-redirect=true&id=" + created.id();
    }

    static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(CHINA).toInstant();
    }

    public String kindLabel(IncidentKind k) {
        return locale.text("incident.kind." + k);
    }

    public String levelLabel(ResponseLevel l) {
        return locale.text("incident.level." + l);
    }

    public String statusLabel(IncidentStatus s) {
        return locale.text("incident.status." + s);
    }

    public String divisionLabel(DivisionView d) {
        return d == null ? "" : (locale.isEnglish() ? d.nameEn() : d.nameZh()) + " " + d.code();
    }

    public List<IncidentKind> getKinds() { return List.of(IncidentKind.values()); }
    public List<ResponseLevel> getLevels() { return List.of(ResponseLevel.values()); }
    public List<IncidentStatus> getStatuses() { return List.of(IncidentStatus.values()); }
    public LazyDataModel<IncidentView> getList() { return list; }
    public IncidentStatus getStatusFilter() { return statusFilter; }
    public void setStatusFilter(IncidentStatus statusFilter) { this.statusFilter = statusFilter; }
    public boolean isDeclaring() { return declaring; }
    public IncidentKind getKind() { return kind; }
    public void setKind(IncidentKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ResponseLevel getLevel() { return level; }
    public void setLevel(ResponseLevel level) { this.level = level; }
    public List<String> getAffected() { return affected; }
    public void setAffected(List<String> affected) { this.affected = affected; }
    public LocalDateTime getStartedAt() { return startedAt; }
    public void setStartedAt(LocalDateTime startedAt) { this.startedAt = startedAt; }
    public LocalDateTime getDeadline() { return deadline; }
    public void setDeadline(LocalDateTime deadline) { this.deadline = deadline; }
}
