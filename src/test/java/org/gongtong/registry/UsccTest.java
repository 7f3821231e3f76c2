package org.gongtong.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    /** Real codes as published on business licences (GB 32100-2015 examples and public registers). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350100M000100Y43",
                "91110000600037341L",
                "11100000000013127D",
                "91110108551385082Q",
                "91440300708461136T"
            })
    void acceptsRealCodes(String code) {
        assertThat(Uscc.problem(code)).isEmpty();
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @Test
    void acceptsComposedCodes() {
        String code = Uscc.compose("91", "371502", "DM000001");
        assertThat(code).hasSize(18).startsWith("91371502DM000001");
        assertThat(Uscc.isValid(code)).isTrue();
        // the organisation code inside carries its GB 11714 check digit at position 17
        assertThat(code.charAt(16)).isEqualTo(Uscc.organisationCheck("DM000001"));
    }

    @Test
    void everySingleChangeIsDetected() {
        Random random = new Random(32100);
        for (int n = 0; n < 200; n++) {
            String code = n == 0 ? "91350100M000100Y43" : randomValidCode(random);
            assertThat(Uscc.isValid(code)).as(code).isTrue();
            for (int i = 0; i < 18; i++) {
                for (char c : Uscc.ALPHABET.toCharArray()) {
                    if (c == code.charAt(i)) {
                        continue;
                    }
                    String changed = code.substring(0, i) + c + code.substring(i + 1);
                    assertThat(Uscc.problem(changed)).as(changed).contains("uscc.checkCharacter");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void rejectsForbiddenLetters(char letter) {
        String valid = "91350100M000100Y43";
        for (int i = 0; i < 18; i++) {
            String changed = valid.substring(0, i) + letter + valid.substring(i + 1);
            assertThat(Uscc.problem(changed)).as(changed).contains("uscc.character");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "9135"})
    void rejectsWrongLength(String code) {
        assertThat(Uscc.problem(code)).contains("uscc.length");
    }

    @Test
    void rejectsNull() {
        assertThat(Uscc.problem(null)).contains("uscc.length");
    }

    @Test
    void normalisesLowerCaseAndBlanks() {
        assertThat(Uscc.normalise(" 91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
        assertThat(Uscc.isValid(Uscc.normalise("91350100m000100y43"))).isTrue();
        assertThat(Uscc.normalise("   ")).isNull();
        assertThat(Uscc.normalise(null)).isNull();
    }

    @Test
    void lowerCaseIsNotValidBeforeNormalising() {
        assertThat(Uscc.problem("91350100m000100y43")).contains("uscc.character");
    }

    @Test
    void checkCharacterOfKnownCode() {
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    private static String randomValidCode(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            sb.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
        }
        return sb.toString() + Uscc.checkCharacter(sb.toString());
    }

    @Test
    void shapedMeansEighteenCharactersOfTheAlphabetValidOrNot() {
        assertThat(Uscc.shaped("91371500MA3C1234X7")).isTrue();
        assertThat(Uscc.shaped("91371500ma3c1234x7")).isTrue();
        assertThat(Uscc.shaped("91371500MA3C1234")).isFalse();
        assertThat(Uscc.shaped("91371500MA3C1234O7")).isFalse(); // O is not in the alphabet
        assertThat(Uscc.shaped("聊城产业技术研究院有限公司聊城产业技术")).isFalse();
    }
}
