package org.reliefchain.finance.callup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.finance.agreement.AgreementKind;
import org.reliefchain.finance.agreement.PriceRule;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.stock.Money;

/** A call-up of 30 tents received as its deliveries come, or cancelled for the rest. */
class CallUpTest {

    private static CallUp thirtyTents() {
        return new CallUp(new CallUp.Order("DY2026-000001", 1, 1, 1, DivisionCode.of("330324"), null, 1,
                "TENT-COTTON-12", AgreementKind.ENTERPRISE_STOCK, new BigDecimal("30"), PriceRule.FIXED, null,
                Money.cny(new BigDecimal("1200")), null, List.of(), "finance", Instant.parse("2026-08-10T02:00:00Z"),
                "k", "f"));
    }

    @Test
    void deliveries_move_it_from_ordered_to_partly_received_to_received() {
        CallUp c = thirtyTents();
        assertThat(c.status()).isEqualTo(CallUpStatus.ORDERED);
        assertThat(c.openVerbs()).containsExactly("receive", "cancel");
        c.receive(new BigDecimal("10"));
        assertThat(c.status()).isEqualTo(CallUpStatus.PARTLY_RECEIVED);
        assertThat(c.outstanding()).isEqualByComparingTo("20");
        c.receive(new BigDecimal("20"));
        assertThat(c.status()).isEqualTo(CallUpStatus.RECEIVED);
        assertThat(c.openVerbs()).isEmpty();
        assertThatThrownBy(() -> c.receive(BigDecimal.ONE)).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).type()).isEqualTo("call-up-status");
    }

    @Test
    void no_delivery_is_more_than_what_is_outstanding() {
        CallUp c = thirtyTents();
        c.receive(new BigDecimal("25"));
        assertThatThrownBy(() -> c.receive(new BigDecimal("6"))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("quantity"));
        assertThat(c.received()).isEqualByComparingTo("25");
    }

    @Test
    void cancelling_ends_the_rest_and_keeps_what_came() {
        CallUp c = thirtyTents();
        c.receive(new BigDecimal("12"));
        c.cancel("灾情缓解");
        assertThat(c.status()).isEqualTo(CallUpStatus.CANCELLED);
        assertThat(c.received()).isEqualByComparingTo("12");
        assertThat(c.outstanding()).isEqualByComparingTo("0");
        assertThat(c.cancelReason()).isEqualTo("灾情缓解");
        assertThatThrownBy(() -> c.cancel("again")).isInstanceOf(ConflictException.class);
    }

    @Test
    void only_a_capacity_call_up_carries_a_promised_schedule() {
        assertThatThrownBy(() -> new CallUp(new CallUp.Order("DY2026-000002", 1, 1, 1, DivisionCode.of("330324"), null,
                1, "TENT-COTTON-12", AgreementKind.CAPACITY, new BigDecimal("30"), PriceRule.FIXED, null,
                Money.cny(new BigDecimal("1200")), null, List.of(), "finance", Instant.now(), "k", "f")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
