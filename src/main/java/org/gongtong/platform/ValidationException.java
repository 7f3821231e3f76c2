package org.gongtong.platform;

import java.util.List;

/** Several fields rejected at once; becomes one 400 problem listing them all. */
public class ValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(
                errors.isEmpty()
                        ? "invalid"
                        : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
