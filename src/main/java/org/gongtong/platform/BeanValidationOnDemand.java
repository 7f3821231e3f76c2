package org.gongtong.platform;

import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC's validator, with Bean Validation (Hibernate Validator) bootstrapped on the first
 * {@code @Valid} argument instead of at start. Nothing validates with it today, and bootstrapping
 * it loaded ~800 classes on every start (ADR 0064); Boot's {@code ValidationAutoConfiguration} is
 * excluded in {@code application.yml} for the same reason. Messages come from the application's
 * {@link MessageSource}, as with Boot's own MVC validator.
 */
@Configuration(proxyBeanMethods = false)
class BeanValidationOnDemand implements WebMvcConfigurer {

    private final MessageSource messages;

    BeanValidationOnDemand(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Validator getValidator() {
        return new OnDemand(messages);
    }

    static final class OnDemand implements SmartValidator {

        private final MessageSource messages;
        private volatile LocalValidatorFactoryBean target;

        OnDemand(MessageSource messages) {
            this.messages = messages;
        }

        /** Built once, on first use (double-checked: requests may validate concurrently). */
        LocalValidatorFactoryBean target() {
            LocalValidatorFactoryBean t = target;
            if (t == null) {
                synchronized (this) {
                    t = target;
                    if (t == null) {
                        t = new LocalValidatorFactoryBean();
                        t.setMessageInterpolator(new MessageInterpolatorFactory(messages).getObject());
                        t.afterPropertiesSet();
                        target = t;
                    }
                }
            }
            return t;
        }

        boolean started() {
            return target != null;
        }

        /** Any class, as Spring's Bean Validation adapter answers, without bootstrapping it. */
        @Override
        public boolean supports(Class<?> clazz) {
            return true;
        }

        @Override
        public void validate(Object target, Errors errors) {
            target().validate(target, errors);
        }

        @Override
        public void validate(Object target, Errors errors, Object... validationHints) {
            target().validate(target, errors, validationHints);
        }

        @Override
        public void validateValue(
                Class<?> targetType, String fieldName, Object value, Errors errors, Object... validationHints) {
            target().validateValue(targetType, fieldName, value, errors, validationHints);
        }
    }
}
