package org.reliefchain.finance.requisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.security.Caller;
import org.reliefchain.security.Jurisdiction;
import org.reliefchain.security.Role;

/** The verbs of a requisition: a water company's goods and a carrier's truck taken in a typhoon. */
class RequisitionTest {

    static final LocalDate TAKEN = LocalDate.of(2026, 7, 28);
    static final Instant NOW = Instant.parse("2026-08-10T02:00:00Z");
    static final Caller MANAGER = new Caller("hangzhou.manager", Role.WAREHOUSE_MANAGER, new Jurisdiction(DivisionCode.of("3301")));
    static final Caller FINANCE = new Caller("finance", Role.FINANCE, new Jurisdiction(DivisionCode.of("33")));
    static final Caller REVIEWER = new Caller("finance.reviewer", Role.FINANCE, new Jurisdiction(DivisionCode.of("33")));

    @Test
    void a_requisition_is_settled_item_by_item_computed_approved_by_another_and_paid() {
        Requisition r = requisition();
        assertThat(r.actions(MANAGER)).containsExactly("return");
        r.settle(1, Outcome.CONSUMED, null, TAKEN.plusDays(2), new BigDecimal("40"), null, null);
        assertThat(r.status()).isEqualTo(RequisitionStatus.ISSUED);
        assertThat(r.item(1).quantityGivenBack()).isEqualByComparingTo("60");
        r.settle(2, Outcome.RETURNED, ReturnCondition.DAMAGED, LocalDate.of(2026, 8, 3), null,
                new BigDecimal("3260.50"), null);
        assertThat(r.status()).isEqualTo(RequisitionStatus.RETURNED);
        assertThat(r.actions(FINANCE)).containsExactly("compute");

        // 40 x 23.34 = 933.60; 7 days x 850.00 + 3,260.50 = 9,210.50
        assertThat(r.compute("finance", NOW).plain()).isEqualTo("10144.10");
        assertThat(r.actions(FINANCE)).containsExactly("compute");
        assertThat(r.actions(REVIEWER)).containsExactly("compute", "approve");
        assertThatThrownBy(() -> r.approve("finance", NOW)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.type()).isEqualTo("same-approver"));
        r.approve("finance.reviewer", NOW);
        assertThatThrownBy(() -> r.compute("finance", NOW)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.type()).isEqualTo("requisition-status"));
        assertThat(r.actions(FINANCE)).containsExactly("pay");
        r.pay("BANK-20260812-001", LocalDate.of(2026, 8, 12), "finance");
        assertThat(r.status()).isEqualTo(RequisitionStatus.PAID);
        assertThat(r.actions(FINANCE)).isEmpty();
    }

    @Test
    void an_item_is_settled_once_and_a_vehicle_is_never_consumed() {
        Requisition r = requisition();
        assertThatThrownBy(() -> r.settle(2, Outcome.CONSUMED, null, TAKEN, new BigDecimal("1"), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("outcome"));
        assertThatThrownBy(() -> r.settle(1, Outcome.CONSUMED, null, TAKEN, new BigDecimal("100.001"), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("quantityConsumed"));
        assertThatThrownBy(() -> r.settle(2, Outcome.RETURNED, ReturnCondition.DAMAGED, TAKEN, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("repairCost"));
        assertThatThrownBy(() -> r.settle(2, Outcome.RETURNED, ReturnCondition.GOOD, TAKEN.minusDays(1), null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("on"));
        r.settle(2, Outcome.LOST, null, TAKEN.plusDays(1), null, null, new BigDecimal("86000"));
        assertThatThrownBy(() -> r.settle(2, Outcome.RETURNED, ReturnCondition.GOOD, TAKEN, null, null, null))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.type()).isEqualTo("requisition-item-settled"));
        assertThatThrownBy(() -> r.compute("finance", NOW)).isInstanceOf(ConflictException.class);
    }

    static Requisition requisition() {
        return new Requisition("ZY2026-000001", 1, DivisionCode.of("330106"), 7,
                new Requisition.Party(PartyKind.ENTERPRISE, "杭州清泉饮用水有限公司", "91330106MA2H00001X", null,
                        "0571-88000000", 3), TAKEN, "台风救灾", List.of(
                        RequisitionItem.goods(1, "完好", "WATER", new BigDecimal("100"), "ZY2026-000001-1",
                                new BigDecimal("23.34"), "当日市场价", TAKEN),
                        RequisitionItem.vehicle(2, "车况良好", "浙A12345", "TRUCK", new BigDecimal("8000"),
                                new BigDecimal("850.00"))), null, null, "hangzhou.manager", NOW);
    }
}
