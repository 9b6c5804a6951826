package org.reliefchain.web.ui;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.finance.enterprise.EnterpriseForm;
import org.reliefchain.finance.enterprise.EnterpriseService;
import org.reliefchain.finance.enterprise.EnterpriseStatus;
import org.reliefchain.finance.enterprise.EnterpriseView;
import org.reliefchain.platform.PageRequest;

/**
 * The enterprise registry: search by name or credit code, and (finance staff) register an enterprise of
 * a division picked by name. The bank account shows in full to finance staff only.
 */
@Named
@ViewScoped
public class EnterpriseDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EnterpriseService enterprises;
    @Inject
    private LocaleSelector locale;

    private String text;
    private EnterpriseStatus status;
    private final LazyDataModel<EnterpriseView> list = new PagedModel<>(
            (page, size) -> enterprises.list(text, null, status, new PageRequest(page, size)),
            e -> String.valueOf(e.id()));

    private String name;
    private String creditCode;
    private String division;
    private String contactName;
    private String contactPhone;
    private String bankName;
    private String bankAccount;

    public void register() {
        EnterpriseView created = FacesMessages.attempt(() -> enterprises.register(new EnterpriseForm(name, creditCode,
                Pickers.code(division), contactName, contactPhone, bankName, bankAccount, null, null)));
        if (created != null) {
            FacesMessages.info(locale.text("enterprise.registered", created.name()));
            name = creditCode = division = contactName = contactPhone = bankName = bankAccount = null;
            text = created.creditCode();
        }
    }

    public String division(EnterpriseView e) {
        return locale.name(e.divisionNameZh(), e.divisionNameEn());
    }

    public EnterpriseStatus[] getStatuses() {
        return EnterpriseStatus.values();
    }

    public LazyDataModel<EnterpriseView> getList() { return list; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public EnterpriseStatus getStatus() { return status; }
    public void setStatus(EnterpriseStatus status) { this.status = status; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getBankName() { return bankName; }
    public void setBankName(String bankName) { this.bankName = bankName; }
    public String getBankAccount() { return bankAccount; }
    public void setBankAccount(String bankAccount) { this.bankAccount = bankAccount; }
}
