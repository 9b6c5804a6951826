package org.reliefchain.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.finance.payable.Payables;
import org.reliefchain.finance.payable.PayablesService;

/** Payables by enterprise (应付款明细) of the user's jurisdiction, read once per request. */
@Named
@RequestScoped
public class PayablesPage {

    @Inject
    private PayablesService payables;

    private Payables report;
    private boolean loaded;

    public Payables getReport() {
        if (!loaded) {
            loaded = true;
            report = FacesMessages.attempt(() -> payables.byEnterprise());
        }
        return report;
    }
}
