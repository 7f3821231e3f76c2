package org.gongtong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Abcdef12", "abcdef1!", "ABCDEF1#", "Abcdefg!", "Zz9-Zz9-", "Test#Admin2026"})
    void acceptsEightCharactersOfThreeClasses(String password) {
        assertThat(PasswordPolicy.check(password)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Abcde1!", "Ab1!", ""})
    void rejectsFewerThanEight(String password) {
        assertThat(PasswordPolicy.check(password)).contains("password.tooShort");
    }

    @Test
    void rejectsNull() {
        assertThat(PasswordPolicy.check(null)).contains("password.tooShort");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefgh", "abcdefg1", "ABCDEFG1", "abcdefg!", "12345678", "1234567!", "ABCDEFGH"})
    void rejectsFewerThanThreeClasses(String password) {
        assertThat(PasswordPolicy.check(password)).contains("password.tooFewClasses");
    }

    @Test
    void rejectsOverlongPasswords() {
        assertThat(PasswordPolicy.check("Aa1!".repeat(32))).isEmpty();
        assertThat(PasswordPolicy.check("Aa1!".repeat(32) + "x")).contains("password.tooLong");
    }

    @ParameterizedTest
    @CsvSource({"abc,1", "aB,2", "aB3,3", "aB3#,4", "' ',1", "中文,1", "ab中1,3"})
    void countsClasses(String password, int classes) {
        assertThat(PasswordPolicy.classes(password)).isEqualTo(classes);
    }
}
