package org.gongtong.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationKindTest {

    @ParameterizedTest
    @EnumSource(OrganisationKind.class)
    void parsesCodeElementAndLabel(OrganisationKind kind) {
        assertThat(OrganisationKind.parse(kind.name())).isEqualTo(kind);
        assertThat(OrganisationKind.parse(kind.name().toLowerCase())).isEqualTo(kind);
        assertThat(OrganisationKind.parse(" " + kind.element() + " ")).isEqualTo(kind);
        assertThat(OrganisationKind.parse(kind.label())).isEqualTo(kind);
    }

    @Test
    void sevenElementsInTheirOrder() {
        assertThat(OrganisationKind.values())
                .extracting(OrganisationKind::element)
                .containsExactly("政", "产", "学", "研", "金", "服", "用");
        assertThat(OrganisationKind.parse("企业")).isEqualTo(OrganisationKind.ENTERPRISE);
        assertThat(OrganisationKind.parse("金")).isEqualTo(OrganisationKind.FINANCE);
    }

    @Test
    void blankMeansAny() {
        assertThat(OrganisationKind.parse(null)).isNull();
        assertThat(OrganisationKind.parse("  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPANY", "企", "政府机关", "ENTERPRISES"})
    void rejectsUnknown(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> OrganisationKind.parse(value));
    }
}
