package org.gongtong.cultivation;

import java.util.List;

/**
 * One sentence of an explanation: a code (also the message key suffix) and its arguments, already
 * formatted, so the rule classes stay free of Spring and the web layer words it in the caller's
 * language.
 */
public record Explanation(String code, List<String> args) {

    public static Explanation of(String code, Object... args) {
        return new Explanation(
                code, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The message key in the cultivation bundle. */
    public String key() {
        return "cultivation.explain." + code;
    }
}
