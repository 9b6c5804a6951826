package org.reliefchain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameInitialsTest {

    @Test
    void aPlainNameHasOneSpelling() {
        assertThat(NameInitials.of("永嘉县")).isEqualTo("yjx");
        assertThat(NameInitials.of("台州市椒江区").split(" ")).as("区 is also read ou, as a surname: second")
                .containsExactly("tzsjjq", "tzsjjo");
    }

    @Test
    void aCharacterWithTwoReadingsGivesBothSpellings() {
        assertThat(NameInitials.of("长兴县").split(" ")).contains("cxx", "zxx");
    }

    @Test
    void latinLettersAndDigitsAreKeptAndPunctuationDropped() {
        assertThat(NameInitials.of("1号仓库（A区）").split(" ")[0]).isEqualTo("1hckaq");
    }

    @Test
    void spellingsAreCappedForLongNamesFullOfManyReadingCharacters() {
        assertThat(NameInitials.of("长长长长长长长长").split(" ")).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void theInitialsOfTheLongestWarehouseNameFitTheColumn() {
        String longest = "长".repeat(100); // 100 characters, each read two ways
        String initials = NameInitials.of(longest);
        assertThat(initials.length()).isLessThanOrEqualTo(NameInitials.MAX_LENGTH);
        assertThat(initials.split(" ")).hasSize(1).allSatisfy(s -> assertThat(s).hasSize(100));
    }

    @Test
    void blankNamesHaveNoInitials() {
        assertThat(NameInitials.of(" ")).isNull();
        assertThat(NameInitials.of(null)).isNull();
    }
}
