package org.gongtong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemHandlingTest {

    private final ProblemHandling handling = new ProblemHandling(new Messages(messages()));

    private static StaticMessageSource messages() {
        StaticMessageSource source = new StaticMessageSource();
        source.setUseCodeAsDefaultMessage(true);
        return source;
    }

    @Test
    void aClientThatWentAwayGetsNoProblemAndNoErrorReport() {
        var gone = new HttpMessageNotWritableException("Could not write JSON", new IOException("Broken pipe"));

        assertThat(handling.unexpected(gone, new MockHttpServletRequest("GET", "/api/v1/indicators")))
                .isNull();
    }

    @Test
    void anyOtherUnexpectedErrorIsAnInternalProblem() {
        var response = handling.unexpected(
                new IllegalStateException("bug"), new MockHttpServletRequest("GET", "/api/v1/indicators"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.getBody().getType().toString()).endsWith("/internal");
    }
}
