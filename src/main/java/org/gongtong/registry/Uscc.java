package org.gongtong.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from an alphabet without I, O, S, V and Z; the
 * last is a check character over the first 17 (weights 3^i mod 31). The 9-character
 * organisation code inside it carries a GB 11714 check digit too, but codes issued to some
 * subjects (individual businesses' converted codes) do not always honour it, so only the
 * GB 32100 check character decides validity.
 */
public final class Uscc {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int LENGTH = 18;

    /** Eighteen characters of the code's alphabet (either case), valid or not. */
    static boolean shaped(String s) {
        return s.length() == LENGTH && s.toUpperCase().chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0);
    }

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Uscc() {}

    /** Upper-cased and stripped; blank becomes null. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    /** Empty when valid; otherwise the message key saying what is wrong. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != LENGTH) {
            return Optional.of("uscc.length");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("uscc.character");
            }
        }
        if (code.charAt(17) != checkCharacter(code.substring(0, 17))) {
            return Optional.of("uscc.checkCharacter");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - (sum % 31);
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    static char organisationCheck(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = ORG_ALPHABET.indexOf(body8.charAt(i));
            if (v < 0) {
                return '?';
            }
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - (sum % 11);
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /**
     * Builds a valid code from registration authority + type (2), division (6) and an 8-character
     * organisation body; used for demo data and tests, never to invent real firms' codes.
     */
    public static String compose(String authorityAndType, String division, String orgBody8) {
        String org = orgBody8 + organisationCheck(orgBody8);
        String first17 = authorityAndType + division + org;
        return first17 + checkCharacter(first17);
    }
}
