package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.Locale;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** The UI language of this session: Simplified Chinese unless the user switches to English. */
@Named
@SessionScoped
public class LocaleSelector implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale = Locale.SIMPLIFIED_CHINESE;

    public Locale getLocale() {
        return locale;
    }

    public boolean isEnglish() {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /** The {@code lang} parameter for API links (reports) that should match the UI. */
    public String getLang() {
        return isEnglish() ? "en" : "zh";
    }

    public void switchTo(String language) {
        locale = "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }

    /** A point in time as people in Zhejiang read it: 2026-08-10 01:45 (China time). */
    public String time(java.time.Instant instant) {
        return instant == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.of("Asia/Shanghai")).format(instant);
    }

    /** A name in the user's language; the Chinese one where no English one was given. */
    public String name(String zh, String en) {
        return isEnglish() && en != null && !en.isBlank() ? en : zh;
    }

    /** An amount in yuan as text ("1234.5") shown as ¥1,234.50; a negative one as -¥300.00. */
    public String yuan(String amount) {
        java.math.BigDecimal v = new java.math.BigDecimal(amount);
        return (v.signum() < 0 ? "-¥" : "¥") + String.format(java.util.Locale.ROOT, "%,.2f", v.abs());
    }

    public boolean hasText(String key) {
        return java.util.ResourceBundle.getBundle(Labels.BUNDLE, locale, Labels.class.getClassLoader(),
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
                .containsKey(key);
    }

    public String text(String key, Object... args) {
        return Labels.get(key, locale, args);
    }
}
