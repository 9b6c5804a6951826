package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.reliefchain.audit.AuditQuery;
import org.reliefchain.audit.AuditService;
import org.reliefchain.audit.AuditView;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** The audit trail page, paged on the server. */
@Named
@ViewScoped
public class AuditLog implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditService audit;

    @Inject
    private LocaleSelector locale;

    private String actor;
    private LazyDataModel<AuditView> model;

    @PostConstruct
    void init() {
        model = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) page(0, 1).total();
            }

            @Override
            public java.util.List<AuditView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                                  Map<String, FilterMeta> filterBy) {
                Page<AuditView> page = page(first / pageSize, pageSize);
                setRowCount((int) page.total());
                return page.items();
            }

            @Override
            public String getRowKey(AuditView row) {
                return String.valueOf(row.id());
            }

            @Override
            public AuditView getRowData(String rowKey) {
                return null;
            }
        };
    }

    private Page<AuditView> page(int page, int size) {
        return audit.list(new AuditQuery(actor == null || actor.isBlank() ? null : actor.trim(), null, null, null,
                null), PageRequest.of(page, Math.min(size, PageRequest.MAX_SIZE)));
    }

    /**
     * The action in the reader's language: its own words ({@code audit.action.*}), or for the families written
     * with a suffix (an incident's history action, a movement type, a trip event) the family and the suffix's
     * words; an action without words shows as recorded.
     */
    public String actionLabel(String action) {
        if (action == null) {
            return "";
        }
        if (locale.hasText("audit.action." + action)) {
            return locale.text("audit.action." + action);
        }
        for (String[] family : FAMILIES) {
            String rest = action.startsWith(family[0]) ? action.substring(family[0].length()) : null;
            if (rest != null && locale.hasText(family[2] + rest)) {
                return locale.text("audit.group." + family[1]) + " · " + locale.text(family[2] + rest);
            }
        }
        return action;
    }

    /** Prefix of the recorded action, its group's key, the key prefix of the suffix's words. */
    private static final String[][] FAMILIES = {
            {"INCIDENT_", "INCIDENT", "incident.action."},
            {"STOCK_", "STOCK", "movement."},
            {"TRIP_", "TRIP", "trip.event."}};

    public LazyDataModel<AuditView> getModel() {
        return model;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }
}
