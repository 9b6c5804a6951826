package org.reliefchain.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsTextTest {

    private final JsText js = new JsText();

    @Test
    void quotes_backslashes_and_markup_cannot_end_the_literal_or_the_script() {
        assertThat(js.text("Ningbo's port \"old\" \\ </script><b>&"))
                .isEqualTo("Ningbo\\u0027s port \\u0022old\\u0022 \\u005c \\u003c\\u002fscript\\u003e\\u003cb\\u003e\\u0026");
    }

    @Test
    void chinese_and_plain_text_stay_as_they_are_and_line_breaks_are_escaped() {
        assertThat(js.text("受淹区域 flooded")).isEqualTo("受淹区域 flooded");
        assertThat(js.text("a\nb\u2028c")).isEqualTo("a\\u000ab\\u2028c");
        assertThat(js.text(null)).isEmpty();
    }
}
