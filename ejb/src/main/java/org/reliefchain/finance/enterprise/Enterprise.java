package org.reliefchain.finance.enterprise;

import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.InvalidInputException;

/** An enterprise that holds reserves or production capacity for the government under agreements. */
@Entity
@Table(name = "enterprise")
public class Enterprise {

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{8,34}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,30}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Column(name = "credit_code")
    private String creditCode;
    @Column(name = "division_code")
    private String divisionCode;
    @Column(name = "contact_name")
    private String contactName;
    @Column(name = "contact_phone")
    private String contactPhone;
    @Column(name = "bank_name")
    private String bankName;
    @Column(name = "bank_account")
    private String bankAccount;
    @Enumerated(EnumType.STRING)
    private EnterpriseStatus status;
    private boolean synthetic;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Enterprise() {
    }

    public Enterprise(String name, CreditCode creditCode, DivisionCode division, String createdBy, Instant now) {
        this.name = org.reliefchain.finance.FormInput.text("name", name, 200, true);
        this.creditCode = creditCode.value();
        this.divisionCode = division.value();
        this.status = EnterpriseStatus.ACTIVE;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String newName, Instant now) {
        this.name = org.reliefchain.finance.FormInput.text("name", newName, 200, true);
        this.updatedAt = now;
    }

    public void contact(String person, String phone, Instant now) {
        this.contactName = org.reliefchain.finance.FormInput.text("contactName", person, 60, false);
        this.contactPhone = phone(phone);
        this.updatedAt = now;
    }

    /** The account subsidies are paid to; digits only (spaces a user types in groups of four are dropped). */
    public void bank(String bank, String account, Instant now) {
        this.bankName = org.reliefchain.finance.FormInput.text("bankName", bank, 100, false);
        this.bankAccount = account(account);
        this.updatedAt = now;
    }

    /** A contact phone as stored, or the refusal naming {@code contactPhone}. */
    static String phone(String phone) {
        String p = org.reliefchain.finance.FormInput.text("contactPhone", phone, 30, false);
        if (p != null && !PHONE.matcher(p).matches()) {
            throw new InvalidInputException("contactPhone", "must be a phone number (digits, +, -, spaces)", "phone");
        }
        return p;
    }

    /** A bank account as stored (digits only), or the refusal naming {@code bankAccount}. */
    static String account(String account) {
        String a = account == null ? null : account.replace(" ", "");
        if (a != null && !a.isEmpty() && !ACCOUNT.matcher(a).matches()) {
            throw new InvalidInputException("bankAccount", "must be 8 to 34 digits", "bank-account");
        }
        return a == null || a.isEmpty() ? null : a;
    }

    public void moveTo(EnterpriseStatus newStatus, Instant now) {
        this.status = newStatus;
        this.updatedAt = now;
    }

    public void markSynthetic() {
        this.synthetic = true;
    }

    /** "**** **** 1234": enough for a caller to recognise the account, not to use it. */
    public static String mask(String account) {
        if (account == null) {
            return null;
        }
        return "**** " + account.substring(Math.max(0, account.length() - 4));
    }

    public Long id() { return id; }
    public String name() { return name; }
    public String creditCode() { return creditCode; }
    public DivisionCode division() { return DivisionCode.of(divisionCode); }
    public String contactName() { return contactName; }
    public String contactPhone() { return contactPhone; }
    public String bankName() { return bankName; }
    public String bankAccount() { return bankAccount; }
    public EnterpriseStatus status() { return status; }
    public boolean synthetic() { return synthetic; }
    public long version() { return version; }
}
