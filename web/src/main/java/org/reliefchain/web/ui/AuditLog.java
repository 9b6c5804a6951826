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
