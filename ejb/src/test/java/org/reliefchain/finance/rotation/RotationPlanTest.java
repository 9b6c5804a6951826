package org.reliefchain.finance.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.security.Role;
import org.reliefchain.stock.Money;
import org.reliefchain.stock.Quantity;

/** The rotation plan's verbs: two approvals by two people who did not raise it, then execution once. */
class RotationPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    private static RotationPlan plan() {
        Money cost = Money.cny(new BigDecimal("120.00"));
        Money price = Money.cny(new BigDecimal("55.50"));
        return new RotationPlan("LH2026-000001", 1, DivisionCode.of("331002"), 7, Quantity.of("1000"),
                RotationMethod.SELL, cost, price, RotationValue.sale(cost, Quantity.of("1000"), price), null, null,
                null, null, "jiaojiang.manager", NOW, null);
    }

    private static String type(Throwable t) {
        return ((ConflictException) t).type();
    }

    @Test
    void a_manager_and_a_finance_user_approve_and_then_a_manager_may_execute() {
        RotationPlan p = plan();
        assertThat(p.actions("province.manager", Role.WAREHOUSE_MANAGER)).containsExactly("approve", "reject", "cancel");
        assertThat(p.approve("province.manager", Role.WAREHOUSE_MANAGER, NOW)).isFalse();
        assertThat(p.actions("province.manager", Role.WAREHOUSE_MANAGER)).containsExactly("reject", "cancel");
        assertThat(p.actions("finance", Role.FINANCE)).containsExactly("approve", "reject");
        assertThat(p.approve("finance", Role.FINANCE, NOW)).isTrue();
        assertThat(p.status()).isEqualTo(RotationStatus.APPROVED);
        assertThat(p.actions("jiaojiang.manager", Role.WAREHOUSE_MANAGER)).containsExactly("cancel", "execute");
        assertThat(p.actions("finance", Role.FINANCE)).containsExactly("reject");
        p.executed("jiaojiang.manager", NOW, 11, null);
        assertThat(p.status()).isEqualTo(RotationStatus.EXECUTED);
        assertThat(p.actions("jiaojiang.manager", Role.WAREHOUSE_MANAGER)).isEmpty();
    }

    @Test
    void whoever_raised_the_plan_does_not_approve_it() {
        RotationPlan p = plan();
        assertThat(p.actions("jiaojiang.manager", Role.WAREHOUSE_MANAGER)).containsExactly("cancel");
        assertThatThrownBy(() -> p.approve("jiaojiang.manager", Role.WAREHOUSE_MANAGER, NOW))
                .satisfies(t -> assertThat(type(t)).isEqualTo("same-approver"));
        assertThat(p.status()).isEqualTo(RotationStatus.PROPOSED);
    }

    @Test
    void each_capacity_approves_once() {
        RotationPlan p = plan();
        p.approve("province.manager", Role.WAREHOUSE_MANAGER, NOW);
        assertThatThrownBy(() -> p.approve("hangzhou.manager", Role.WAREHOUSE_MANAGER, NOW))
                .satisfies(t -> assertThat(type(t)).isEqualTo("already-approved"));
        assertThatThrownBy(() -> p.approve("province.manager", Role.FINANCE, NOW))
                .satisfies(t -> assertThat(type(t)).isEqualTo("same-approver"));
    }

    @Test
    void a_plan_is_executed_only_once_approved_and_not_after_it_was_rejected() {
        RotationPlan p = plan();
        assertThatThrownBy(() -> p.executed("jiaojiang.manager", NOW, 11, null))
                .satisfies(t -> assertThat(type(t)).isEqualTo("rotation-status"));
        p.reject("finance", "售价过低");
        assertThat(p.status()).isEqualTo(RotationStatus.REJECTED);
        assertThat(p.endReason()).isEqualTo("售价过低");
        assertThatThrownBy(() -> p.approve("province.manager", Role.WAREHOUSE_MANAGER, NOW))
                .satisfies(t -> assertThat(type(t)).isEqualTo("rotation-status"));
        assertThatThrownBy(() -> p.cancel("jiaojiang.manager", "x"))
                .satisfies(t -> assertThat(type(t)).isEqualTo("rotation-status"));
    }

    @Test
    void the_plan_keeps_its_money_to_the_fen() {
        RotationPlan p = plan();
        assertThat(p.bookValue().plain()).isEqualTo("120000.00");
        assertThat(p.proceeds().plain()).isEqualTo("55500.00");
        assertThat(p.loss().plain()).isEqualTo("64500.00");
    }
}
