package org.reliefchain.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class FefoPickerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 8, 10);

    private final LotStock expiresInMarch = new LotStock(1, "W-2027-03", LocalDate.of(2027, 3, 1), Quantity.of("40"));
    private final LotStock expiresInDecember = new LotStock(2, "W-2026-12", LocalDate.of(2026, 12, 1), Quantity.of("25"));
    private final LotStock expiredInJuly = new LotStock(3, "W-2026-07", LocalDate.of(2026, 7, 31), Quantity.of("500"));
    private final LotStock neverExpires = new LotStock(4, "W-NONE", null, Quantity.of("10"));
    private final List<LotStock> water = List.of(expiresInMarch, neverExpires, expiredInJuly, expiresInDecember);

    @Test
    void an_issue_that_one_lot_covers_takes_the_lot_that_expires_first() {
        assertThat(FefoPicker.pick(water, Quantity.of("20"), TODAY))
                .containsExactly(new FefoPicker.Pick(expiresInDecember, Quantity.of("20")));
    }

    @Test
    void a_larger_issue_empties_the_earliest_lot_and_continues_with_the_next() {
        assertThat(FefoPicker.pick(water, Quantity.of("30"), TODAY)).containsExactly(
                new FefoPicker.Pick(expiresInDecember, Quantity.of("25")),
                new FefoPicker.Pick(expiresInMarch, Quantity.of("5")));
    }

    @Test
    void lots_without_expiry_go_last_and_expired_lots_never() {
        assertThat(FefoPicker.pick(water, Quantity.of("75"), TODAY)).extracting(p -> p.lot().lotNumber())
                .containsExactly("W-2026-12", "W-2027-03", "W-NONE");
        assertThat(FefoPicker.pick(water, Quantity.of("75.001"), TODAY)).as("500 expired units do not count").isEmpty();
        assertThat(FefoPicker.usable(water, TODAY)).isEqualTo(Quantity.of("75"));
    }

    @Test
    void a_lot_expiring_today_is_still_usable_today() {
        LotStock today = new LotStock(5, "W-TODAY", TODAY, Quantity.of("3"));
        assertThat(FefoPicker.pick(List.of(today), Quantity.of("3"), TODAY)).hasSize(1);
        assertThat(FefoPicker.pick(List.of(today), Quantity.of("3"), TODAY.plusDays(1))).isEmpty();
    }
}
