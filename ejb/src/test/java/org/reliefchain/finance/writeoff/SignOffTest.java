package org.reliefchain.finance.writeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.ConflictException;

/** Who signs a write-off and in what order, and the hash that seals it. */
class SignOffTest {

    private static final BigDecimal COUNTY = new BigDecimal("50000");
    private static final BigDecimal CITY = new BigDecimal("500000");

    @Test
    void the_amount_decides_the_last_level_and_the_warehouse_the_first() {
        assertThat(SignLevel.required(new BigDecimal("50000.00"), COUNTY, CITY)).isEqualTo(SignLevel.COUNTY);
        assertThat(SignLevel.required(new BigDecimal("50000.01"), COUNTY, CITY)).isEqualTo(SignLevel.CITY);
        assertThat(SignLevel.required(new BigDecimal("500000.01"), COUNTY, CITY)).isEqualTo(SignLevel.PROVINCE);
        assertThat(SignLevel.first(DivisionCode.of("331002001"))).isEqualTo(SignLevel.COUNTY);
        assertThat(SignLevel.first(DivisionCode.of("3310"))).isEqualTo(SignLevel.CITY);
        // a city warehouse's small write-off is still signed by the city: nobody below it
        WriteOff cityStore = new WriteOff("HX2026-000001", 1, DivisionCode.of("3310"), WriteOffCause.LOST, "x",
                BigDecimal.TEN, SignLevel.COUNTY, "a", Instant.EPOCH);
        assertThat(cityStore.toSign()).containsExactly(SignLevel.CITY);
    }

    @Test
    void levels_sign_in_order_once_each_by_different_people() {
        WriteOff w = new WriteOff("HX2026-000002", 1, DivisionCode.of("331002"), WriteOffCause.DAMAGED, "x",
                new BigDecimal("600000"), SignLevel.PROVINCE, "raiser", Instant.EPOCH);
        assertThat(w.toSign()).containsExactly(SignLevel.COUNTY, SignLevel.CITY, SignLevel.PROVINCE);
        assertThatThrownBy(() -> w.sign("raiser", Instant.EPOCH)).isInstanceOf(ConflictException.class);
        assertThat(w.sign("county", Instant.EPOCH)).isFalse();
        assertThatThrownBy(() -> w.sign("county", Instant.EPOCH)).isInstanceOf(ConflictException.class);
        assertThat(w.sign("city", Instant.EPOCH)).isFalse();
        assertThat(w.sign("province", Instant.EPOCH)).isTrue();
        assertThat(w.status()).isEqualTo(WriteOffStatus.SIGNED);
        assertThat(w.content("ZJ-331002")).contains("amount=600000.00 CNY", "signed=3 PROVINCE 33 province");
    }

    @Test
    void the_hash_follows_the_previous_one_and_any_change_of_content() {
        String first = Chain.hash(Chain.GENESIS, "number=HX1\namount=10.00 CNY\n");
        assertThat(first).hasSize(64).isEqualTo(Chain.hash(Chain.GENESIS, "number=HX1\namount=10.00 CNY\n"));
        assertThat(Chain.hash(Chain.GENESIS, "number=HX1\namount=10.01 CNY\n")).isNotEqualTo(first);
        assertThat(Chain.hash(first, "number=HX2\n")).isNotEqualTo(Chain.hash(Chain.GENESIS, "number=HX2\n"));
    }
}
