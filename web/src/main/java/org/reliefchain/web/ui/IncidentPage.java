package org.reliefchain.web.ui;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.incident.AffectedEntry;
import org.reliefchain.incident.AffectedService;
import org.reliefchain.incident.AffectedView;
import org.reliefchain.incident.DemandService;
import org.reliefchain.incident.DemandView;
import org.reliefchain.incident.IncidentChange;
import org.reliefchain.incident.IncidentEvent;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.incident.IncidentStatus;
import org.reliefchain.incident.IncidentView;
import org.reliefchain.incident.ResponseLevel;
import org.reliefchain.incident.StatusChange;
import org.reliefchain.incident.SupplyView;
import org.reliefchain.platform.PageRequest;

/**
 * One incident as its dispatcher works it: headline figures, the lifecycle with reasons, affected
 * people (enter a report, estimate from population), demand lines and demand against usable stock,
 * hazards as GeoJSON, and the history. A read-only viewer sees the same, without the actions.
 */
@Named
@ViewScoped
public class IncidentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private IncidentService incidents;
    @Inject
    private AffectedService affected;
    @Inject
    private DemandService demand;
    @Inject
    private LocaleSelector locale;
    @Inject
    private org.reliefchain.dispatch.ReliefPlanService plans;
    @Inject
    private org.reliefchain.dispatch.TripService trips;

    private Integer planSeconds = 60;
    private boolean planFastTrack;

    private Long id;
    private IncidentView incident;
    private List<AffectedView> points;
    private SupplyView supply;
    private LazyDataModel<DemandView> demandLines;

    private String reason;
    private ResponseLevel newLevel;
    private LocalDateTime newDeadline;
    private Integer newDays;

    private String reportDivision;
    private Integer people;
    private Integer relocated;
    private Integer under3;
    private Integer over65;
    private Integer pregnant;
    private boolean cutOff;
    private String note;

    private String estimateDivision;
    private Double sharePercent;
    private Double relocatedPercent;

    private String hazardsText;

    /** f:viewAction: loads the incident; "not found or not yours" when the caller may not see it. */
    public void load() {
        if (id == null) {
            FacesMessages.info(locale.text("incident.notFound"));
            return;
        }
        incident = FacesMessages.attempt(() -> incidents.get(id));
        if (incident == null) {
            return;
        }
        refresh();
        demandLines = new PagedModel<>((page, size) -> demand.demand(id, null, null, PageRequest.of(page, size)),
                d -> d.division() + "/" + d.material());
        hazardsText = incidents.hazards(id);
        newLevel = incident.responseLevel();
        newDeadline = incident.deadline().atZone(IncidentDesk.CHINA).toLocalDateTime();
        newDays = incident.demandDays();
    }

    private void refresh() {
        incident = incidents.get(id);
        points = affected.current(id);
        supply = demand.supply(id);
    }

    public void moveTo(IncidentStatus status) {
        if (FacesMessages.attempt(() -> incidents.moveTo(id, new StatusChange(status, reason))) != null) {
            FacesMessages.info(locale.text("incident.moved", locale.text("incident.status." + status)));
            reason = null;
            refresh();
        }
    }

    public void saveChanges() {
        // Only what the dispatcher changed is sent: the form shows the deadline to the minute, so sending it back
        // unchanged would move a deadline that has seconds (and log a change nobody made).
        LocalDateTime shown = incident.deadline().atZone(IncidentDesk.CHINA).toLocalDateTime()
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.Instant deadline = newDeadline == null
                || newDeadline.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).equals(shown)
                ? null : IncidentDesk.instant(newDeadline);
        Integer days = java.util.Objects.equals(newDays, incident.demandDays()) ? null : newDays;
        IncidentView v = FacesMessages.attempt(() -> incidents.change(id, new IncidentChange(null,
                newLevel == incident.responseLevel() ? null : newLevel, deadline, days, null, reason,
                incident.version())));
        if (v != null) {
            FacesMessages.info(locale.text("incident.saved"));
            reason = null;
            refresh();
        }
    }

    public List<String> completePoint(String query) {
        return FacesMessages.attempt(() -> affectedDivisions(query));
    }

    private List<String> affectedDivisions(String query) {
        return incident == null ? List.of() : incidents.pickPoints(id, query).stream()
                .map(d -> (locale.isEnglish() ? d.nameEn() : d.nameZh()) + " " + d.code()).toList();
    }

    public void report() {
        if (reportDivision == null || reportDivision.isBlank()) {
            FacesMessages.error(locale.text("incident.pickPoint"));
            return;
        }
        AffectedEntry entry = new AffectedEntry(IncidentDesk.code(reportDivision), people, relocated, under3, over65,
                pregnant, cutOff, null, null, note);
        if (FacesMessages.attempt(() -> affected.report(id, List.of(entry))) != null) {
            FacesMessages.info(locale.text("incident.reported", reportDivision));
            people = relocated = under3 = over65 = pregnant = null;
            cutOff = false;
            note = null;
            refresh();
        }
    }

    public void estimate() {
        if (estimateDivision == null || sharePercent == null) {
            FacesMessages.error(locale.text("incident.estimateMissing"));
            return;
        }
        Integer n = FacesMessages.attempt(() -> affected.estimate(id, IncidentDesk.code(estimateDivision),
                sharePercent / 100.0, relocatedPercent == null ? 0 : relocatedPercent / 100.0));
        if (n != null) {
            FacesMessages.info(locale.text("incident.estimated", n));
            refresh();
        }
    }

    public void saveHazards() {
        String saved = FacesMessages.attempt(() -> incidents.replaceHazards(id, hazardsText));
        if (saved != null) {
            hazardsText = saved;
            FacesMessages.info(locale.text("incident.hazardsSaved"));
            refresh();
        }
    }

    public List<IncidentEvent.View> getHistory() {
        return id == null || incident == null ? List.of() : incidents.history(id);
    }

    public long getTotalPeople() {
        return points == null ? 0 : points.stream().mapToLong(AffectedView::people).sum();
    }

    public long getTotalRelocated() {
        return points == null ? 0 : points.stream().mapToLong(AffectedView::relocated).sum();
    }

    public long getCutOffPoints() {
        return points == null ? 0 : points.stream().filter(AffectedView::cutOff).count();
    }

    /** Materials whose demand exceeds what the dispatcher may draw on. */
    public long getShortMaterials() {
        return supply == null ? 0 : supply.materials().stream().filter(m -> m.shortfall().signum() > 0).count();
    }

    public boolean isShort(BigDecimal shortfall) {
        return shortfall != null && shortfall.signum() > 0;
    }

    /** Starts a relief plan from the situation now and opens it, to watch it improve. */
    public void startPlan() throws java.io.IOException {
        org.reliefchain.dispatch.PlanView p = FacesMessages.attempt(() -> plans.start(id,
                new org.reliefchain.dispatch.ReliefPlanService.StartForm(planSeconds, null, null, planFastTrack)));
        if (p != null) {
            var ctx = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/app/plan.xhtml?id=" + p.id());
        }
    }

    public List<org.reliefchain.dispatch.PlanView> getPlans() {
        return incident == null ? List.of() : plans.list(id);
    }

    /** People reached within the deadline by county: planned (approved plans) and reported delivered. */
    public List<org.reliefchain.dispatch.TripService.CountyReach> getReach() {
        return incident == null ? List.of() : trips.reached(id);
    }

    public String planStatusLabel(org.reliefchain.dispatch.PlanStatus s) {
        return locale.text("plan.status." + s);
    }

    public boolean isPlanFastTrack() { return planFastTrack; }
    public void setPlanFastTrack(boolean planFastTrack) { this.planFastTrack = planFastTrack; }
    public Integer getPlanSeconds() { return planSeconds; }
    public void setPlanSeconds(Integer planSeconds) { this.planSeconds = planSeconds; }

    public String statusLabel(IncidentStatus s) {
        return locale.text("incident.status." + s);
    }

    public String time(java.time.Instant t) {
        return t == null ? "" : locale.time(t);
    }

    /** A tile server for users who have one (setting reliefchain.map.tiles, e.g. an intranet OSM server); none by default. */
    public String getTileServer() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("reliefchain.map.tiles", String.class).orElse("");
    }

    public List<ResponseLevel> getLevels() { return List.of(ResponseLevel.values()); }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public IncidentView getIncident() { return incident; }
    public List<AffectedView> getPoints() { return points; }
    public SupplyView getSupply() { return supply; }
    public LazyDataModel<DemandView> getDemandLines() { return demandLines; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public ResponseLevel getNewLevel() { return newLevel; }
    public void setNewLevel(ResponseLevel newLevel) { this.newLevel = newLevel; }
    public LocalDateTime getNewDeadline() { return newDeadline; }
    public void setNewDeadline(LocalDateTime newDeadline) { this.newDeadline = newDeadline; }
    public Integer getNewDays() { return newDays; }
    public void setNewDays(Integer newDays) { this.newDays = newDays; }
    public String getReportDivision() { return reportDivision; }
    public void setReportDivision(String reportDivision) { this.reportDivision = reportDivision; }
    public Integer getPeople() { return people; }
    public void setPeople(Integer people) { this.people = people; }
    public Integer getRelocated() { return relocated; }
    public void setRelocated(Integer relocated) { this.relocated = relocated; }
    public Integer getUnder3() { return under3; }
    public void setUnder3(Integer under3) { this.under3 = under3; }
    public Integer getOver65() { return over65; }
    public void setOver65(Integer over65) { this.over65 = over65; }
    public Integer getPregnant() { return pregnant; }
    public void setPregnant(Integer pregnant) { this.pregnant = pregnant; }
    public boolean isCutOff() { return cutOff; }
    public void setCutOff(boolean cutOff) { this.cutOff = cutOff; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getEstimateDivision() { return estimateDivision; }
    public void setEstimateDivision(String estimateDivision) { this.estimateDivision = estimateDivision; }
    public Double getSharePercent() { return sharePercent; }
    public void setSharePercent(Double sharePercent) { this.sharePercent = sharePercent; }
    public Double getRelocatedPercent() { return relocatedPercent; }
    public void setRelocatedPercent(Double relocatedPercent) { this.relocatedPercent = relocatedPercent; }
    public String getHazardsText() { return hazardsText; }
    public void setHazardsText(String hazardsText) { this.hazardsText = hazardsText; }
}
