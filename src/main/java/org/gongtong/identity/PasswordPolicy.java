package org.gongtong.identity;

import java.util.Optional;

/**
 * 等保 2.0 level 3: at least 8 characters drawn from at least 3 of the 4 classes (lower case,
 * upper case, digits, symbols).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MIN_CLASSES = 3;

    private PasswordPolicy() {}

    /** Empty if acceptable; otherwise the message key of the first rule broken. */
    public static Optional<String> check(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > 128) {
            return Optional.of("password.tooLong");
        }
        if (classes(password) < MIN_CLASSES) {
            return Optional.of("password.tooFewClasses");
        }
        return Optional.empty();
    }

    static int classes(String password) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
