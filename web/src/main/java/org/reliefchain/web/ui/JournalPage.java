package org.reliefchain.web.ui;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.finance.journal.Journal;
import org.reliefchain.finance.journal.JournalView;
import org.reliefchain.finance.journal.TrialBalance;
import org.reliefchain.platform.PageRequest;

/** The trial balance of the user's jurisdiction and its journal, latest entry first. */
@Named
@ViewScoped
public class JournalPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Journal journal;

    private TrialBalance balance;
    private String document;
    private final LazyDataModel<JournalView> entries = new PagedModel<>(
            (page, size) -> journal.entries(null, document, new PageRequest(page, size)), j -> String.valueOf(j.id()));

    public TrialBalance getBalance() {
        if (balance == null) {
            balance = FacesMessages.attempt(() -> journal.trialBalance());
        }
        return balance;
    }

    public LazyDataModel<JournalView> getEntries() { return entries; }
    public String getDocument() { return document; }
    public void setDocument(String document) { this.document = document == null || document.isBlank() ? null : document.trim(); }
}
