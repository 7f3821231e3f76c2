package org.gongtong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

class BeanValidationOnDemandTest {

    public static class Form {
        @NotBlank
        private final String name;

        Form(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }

    @Test
    void bootstrapsBeanValidationOnFirstValidationOnly() {
        BeanValidationOnDemand.OnDemand validator = new BeanValidationOnDemand.OnDemand(new StaticMessageSource());

        assertThat(validator.supports(Form.class)).isTrue();
        assertThat(validator.started()).isFalse();

        Errors blank = new BeanPropertyBindingResult(new Form(" "), "form");
        validator.validate(new Form(" "), blank);
        assertThat(validator.started()).isTrue();
        assertThat(blank.getFieldError("name")).isNotNull();

        Errors named = new BeanPropertyBindingResult(new Form("聊城"), "form");
        validator.validate(new Form("聊城"), named);
        assertThat(named.hasErrors()).isFalse();
    }
}
