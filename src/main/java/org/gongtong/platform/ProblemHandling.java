package org.gongtong.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every API error is an RFC 9457 problem in the caller's language. The type URI names the kind of
 * error; {@code errors} lists each rejected field with its reason.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
    private static final String TYPE_BASE = "https://gongtong.org/problems/";

    private final Messages messages;

    ProblemHandling(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
        String detail = messages.get(e.messageKey(), e.args());
        ProblemDetail p = problem(e.status(), e.messageKey(), detail, request);
        if (e.field() != null) {
            p.setProperty("errors", List.of(new FieldError(e.field(), detail)));
        }
        e.properties().forEach(p::setProperty);
        return respond(p);
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ProblemDetail> validation(ValidationException e, HttpServletRequest request) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "validation", summary(e.errors()), request);
        p.setProperty("errors", e.errors());
        return respond(p);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(fe -> errors.add(new FieldError(fe.getField(), messages.get(fe))));
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "validation", summary(errors), request);
        p.setProperty("errors", errors);
        return respond(p);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.BAD_REQUEST, "unreadable", messages.get("problem.unreadable"), request));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        String name = e instanceof MissingServletRequestParameterException m
                ? m.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        String detail = messages.get("problem.badParameter", name);
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "validation", detail, request);
        p.setProperty("errors", List.of(new FieldError(name, detail)));
        return respond(p);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "duplicate", messages.get("problem.duplicate"), request));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "stale", messages.get("problem.stale"), request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", messages.get("problem.forbidden"), request));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "method", messages.get("problem.method"), request));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(
                problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type", messages.get("problem.mediaType"), request));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", messages.get("problem.tooLarge"), request));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", messages.get("problem.notFound"), request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the client went away while the answer was written (closed tab, load tester stopping):
            // nobody is there to read a problem, and it is not the server's error
            log.debug("Client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(
                problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", messages.get("problem.internal"), request));
    }

    private ProblemDetail problem(HttpStatus status, String type, String detail, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type.replace('.', '-')));
        p.setTitle(messages.get("problem.title." + status.value()));
        p.setInstance(URI.create(request.getRequestURI()));
        return p;
    }

    private String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return messages.get("problem.validation");
        }
        return errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    /** Writes a problem for filters that run before MVC (authentication). */
    public static Map<String, Object> asMap(int status, String type, String title, String detail, String instance) {
        return Map.of(
                "type", TYPE_BASE + type, "title", title, "status", status, "detail", detail, "instance", instance);
    }
}
