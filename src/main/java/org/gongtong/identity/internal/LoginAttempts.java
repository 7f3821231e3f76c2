package org.gongtong.identity.internal;

import org.gongtong.identity.LoginRecorder;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Turns Spring Security's authentication events into lockout counting and audit entries. */
@Component
class LoginAttempts {

    private final LoginRecorder recorder;

    LoginAttempts(LoginRecorder recorder) {
        this.recorder = recorder;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        recorder.success(event.getAuthentication().getName());
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        if (event instanceof AuthenticationFailureLockedEvent) {
            recorder.refusedLocked(username);
        } else {
            recorder.failure(username, event.getException().getClass().getSimpleName());
        }
    }
}
