package org.reliefchain.division.generate;

import java.util.LinkedHashMap;
import java.util.Map;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Romanises a division name for the English UI: the proper name in Hanyu Pinyin (first reading of each
 * character, so a rare polyphone may be off), the administrative suffix translated.
 * Example: 淳安县 becomes "Chun'an County", 清波街道 becomes "Qingbo Subdistrict".
 */
final class EnglishNames {

    /** Longest suffixes first so that 自治县 wins over 县. */
    private static final Map<String, String> SUFFIXES = new LinkedHashMap<>();

    static {
        SUFFIXES.put("畲族自治县", "She Autonomous County");
        SUFFIXES.put("畲族乡", "She Ethnic Township");
        SUFFIXES.put("居民委员会", "Residents' Committee");
        SUFFIXES.put("村民委员会", "Village");
        SUFFIXES.put("居委会", "Residents' Committee");
        SUFFIXES.put("村委会", "Village");
        SUFFIXES.put("街道", "Subdistrict");
        SUFFIXES.put("社区", "Community");
        SUFFIXES.put("省", "Province");
        SUFFIXES.put("市", "City");
        SUFFIXES.put("区", "District");
        SUFFIXES.put("县", "County");
        SUFFIXES.put("镇", "Town");
        SUFFIXES.put("乡", "Township");
        SUFFIXES.put("村", "Village");
    }

    private final HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();

    EnglishNames() {
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_U_UNICODE);
    }

    String of(String chinese) {
        for (Map.Entry<String, String> suffix : SUFFIXES.entrySet()) {
            String s = suffix.getKey();
            if (chinese.endsWith(s) && chinese.length() > s.length()) {
                return pinyin(chinese.substring(0, chinese.length() - s.length())) + " " + suffix.getValue();
            }
        }
        return pinyin(chinese);
    }

    private String pinyin(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String syllable = syllable(c);
            if (syllable == null) {
                out.append(c);
                continue;
            }
            boolean startsWord = out.length() == 0 || !Character.isLetter(out.charAt(out.length() - 1));
            if (!startsWord && "aoe".indexOf(syllable.charAt(0)) >= 0) {
                out.append('\'');
            }
            out.append(startsWord ? Character.toUpperCase(syllable.charAt(0)) + syllable.substring(1) : syllable);
        }
        return out.toString();
    }

    private String syllable(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, format);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
