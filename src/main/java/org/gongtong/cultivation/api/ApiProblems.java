package org.gongtong.cultivation.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Base of this module's REST controllers: a body value of the wrong type becomes a 400 problem
 * naming the field ({@code sales[1]}, {@code employees}) instead of a bare "unreadable".
 */
abstract class ApiProblems {

    protected abstract Messages messages();

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Messages messages = messages();
        String field = null;
        Throwable t = e.getCause();
        while (t != null && !(t instanceof JacksonException)) {
            t = t.getCause();
        }
        if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference ref : j.getPath()) {
                if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        String detail = field == null
                ? messages.get("problem.unreadable")
                : field + ": " + messages.get("cultivation.input.wrongType");
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setType(URI.create("https://gongtong.org/problems/" + (field == null ? "unreadable" : "validation")));
        p.setTitle(messages.get("problem.title.400"));
        p.setInstance(URI.create(request.getRequestURI()));
        if (field != null) {
            p.setProperty("errors", List.of(new FieldError(field, messages.get("cultivation.input.wrongType"))));
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
