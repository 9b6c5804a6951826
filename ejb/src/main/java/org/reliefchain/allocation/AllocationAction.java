package org.reliefchain.allocation;

import java.util.EnumSet;
import java.util.Set;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.security.Caller;
import org.reliefchain.security.Role;

/**
 * What a user may do to an order now. One rule for the service's checks, the inbox and the buttons on the
 * order's page, so that a screen never offers what the server then refuses:
 * <ul>
 *   <li>submit, delete a draft: a manager whose jurisdiction contains the destination;</li>
 *   <li>receive: a manager whose jurisdiction contains the destination, not the one who shipped;</li>
 *   <li>approve, reject: a manager whose jurisdiction contains both ends, neither the requester nor who
 *       submitted it;</li>
 *   <li>ship: a manager whose jurisdiction contains the source;</li>
 *   <li>cancel: a submitted or approved order, not yet shipped, by the managers of either end (the source's
 *       when it cannot ship at all); a draft is deleted instead.</li>
 * </ul>
 */
public enum AllocationAction {
    SUBMIT, DELETE, APPROVE, REJECT, SHIP, RECEIVE, CANCEL;

    static Set<AllocationAction> allowed(AllocationOrder order, Caller caller, DivisionCode from, DivisionCode to) {
        Set<AllocationAction> actions = EnumSet.noneOf(AllocationAction.class);
        if (caller.role() != Role.WAREHOUSE_MANAGER) {
            return actions;
        }
        boolean source = caller.jurisdiction().covers(from);
        boolean destination = caller.jurisdiction().covers(to);
        boolean approver = source && destination && !order.involves(caller.username());
        AllocationStatus status = order.status();
        if (status == AllocationStatus.DRAFT && destination) {
            actions.addAll(EnumSet.of(SUBMIT, DELETE));
        }
        if (approver && order.awaitingApproval()) {
            actions.add(APPROVE);
        }
        if (approver && status == AllocationStatus.SUBMITTED) {
            actions.add(REJECT);
        }
        if (source && order.shippable()) {
            actions.add(SHIP);
        }
        if (destination && status == AllocationStatus.SHIPPED && !caller.username().equals(order.shippedBy())) {
            actions.add(RECEIVE);
        }
        if ((source || destination) && (status == AllocationStatus.SUBMITTED || status == AllocationStatus.APPROVED)) {
            actions.add(CANCEL);
        }
        return actions;
    }
}
