package org.gongtong.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal by the domain, carried to the caller as an RFC 9457 problem (API) or an inline
 * message (pages). The message is a key in the i18n bundles so it reaches each user in their
 * language; {@code args} fill its placeholders, {@code properties} are added to the problem.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final Object[] args;
    private final String field;
    private final Map<String, Object> properties;

    public DomainException(
            HttpStatus status, String messageKey, String field, Map<String, Object> properties, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.field = field;
        this.args = args;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static DomainException notFound(String messageKey, Object... args) {
        return new DomainException(HttpStatus.NOT_FOUND, messageKey, null, null, args);
    }

    public static DomainException conflict(String messageKey, Object... args) {
        return new DomainException(HttpStatus.CONFLICT, messageKey, null, null, args);
    }

    public static DomainException invalid(String field, String messageKey, Object... args) {
        return new DomainException(HttpStatus.BAD_REQUEST, messageKey, field, null, args);
    }

    public static DomainException forbidden(String messageKey, Object... args) {
        return new DomainException(HttpStatus.FORBIDDEN, messageKey, null, null, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
