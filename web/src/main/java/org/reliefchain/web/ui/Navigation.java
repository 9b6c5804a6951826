package org.reliefchain.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.reliefchain.security.Role;
import org.reliefchain.security.UserService;
import org.reliefchain.security.UserView;

/**
 * What the menu offers the signed-in user. Only a convenience: the services refuse the same things
 * on their own, whatever the menu shows.
 */
@Named
@RequestScoped
public class Navigation {

    @Inject
    private SecurityContext security;

    @Inject
    private UserService users;

    private UserView me;

    public UserView getMe() {
        if (me == null) {
            me = users.me();
        }
        return me;
    }

    public boolean isUserAdmin() {
        return security.isCallerInRole(Role.ADMIN.name());
    }

    /** Warehouse managers record movements; everyone else reads stock. */
    public boolean isStockKeeper() {
        return security.isCallerInRole(Role.WAREHOUSE_MANAGER.name());
    }

    public boolean isAuditReader() {
        return security.isCallerInRole(Role.ADMIN.name()) || security.isCallerInRole(Role.AUDITOR.name());
    }

    /** Dispatchers and administrators declare and run incidents. */
    public boolean isDispatcher() {
        return security.isCallerInRole(Role.DISPATCHER.name()) || security.isCallerInRole(Role.ADMIN.name());
    }

    /** Dispatchers, warehouse managers and administrators keep the fleet and the places they work with. */
    public boolean isFleetKeeper() {
        return security.isCallerInRole(Role.DISPATCHER.name()) || security.isCallerInRole(Role.WAREHOUSE_MANAGER.name())
                || security.isCallerInRole(Role.ADMIN.name());
    }

    /** Finance staff run enterprises, agreements and statements. */
    public boolean isFinance() {
        return security.isCallerInRole(Role.FINANCE.name());
    }

    /** Finance staff, auditors and administrators read statements and the journal. */
    public boolean isFinanceReader() {
        return isFinance() || security.isCallerInRole(Role.AUDITOR.name()) || security.isCallerInRole(Role.ADMIN.name());
    }

    /** Agreements are read by finance, by the warehouse managers who inspect them, by auditors and administrators. */
    public boolean isAgreementReader() {
        return isFinanceReader() || isStockKeeper();
    }
}
