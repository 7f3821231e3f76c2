package org.gongtong.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameGramsTest {

    @Test
    void everyAdjacentPairOnceInOrder() {
        assertThat(NameGrams.of("聊城华信华信")).containsExactly("聊城", "城华", "华信", "信华");
        assertThat(NameGrams.of("AB")).containsExactly("AB");
        assertThat(NameGrams.of("A")).isEmpty();
        assertThat(NameGrams.of("")).isEmpty();
        assertThat(NameGrams.of(null)).isEmpty();
    }

    @Test
    void pairsWithHalfOfASupplementaryCharacterAreLeftOut() {
        String rare = new String(Character.toChars(0x20BB7)); // 𠮷, two chars in Java
        assertThat(NameGrams.of("吉" + rare + "祥如意")).containsExactly("祥如", "如意");
    }

    @Test
    void searchableOnlyWithTwoOrMoreCharactersOfTheBasicPlane() {
        assertThat(NameGrams.searchable("华信")).isTrue();
        assertThat(NameGrams.searchable("华")).isFalse();
        assertThat(NameGrams.searchable("吉" + new String(Character.toChars(0x20BB7))))
                .isFalse();
    }
}
