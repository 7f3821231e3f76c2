package org.gongtong.notifications;

import java.time.Instant;
import java.util.List;
import org.gongtong.identity.Role;

/**
 * Raised by any module, inside its own transaction (publish it with Spring's
 * ApplicationEventPublisher): the centre stores it in the same transaction, so a notification
 * exists exactly when the change that caused it committed.
 *
 * @param module the raising module's name, e.g. {@code network}
 * @param category deadline, task or result
 * @param audience who should see it
 * @param messageCode message key (in the raising module's bundle) of the title, rendered in the
 *     reader's language when shown
 * @param args arguments of that message
 * @param link page path to act on it, e.g. {@code /communities/12}
 * @param dueAt for deadlines and tasks, when it is due; otherwise null
 * @param dedupKey when not null, a second notification with the same key for the same recipient
 *     is ignored (scheduled jobs may raise the same deadline every day)
 */
public record NotificationRequested(
        String module,
        Category category,
        Audience audience,
        String messageCode,
        List<String> args,
        String link,
        Instant dueAt,
        String dedupKey) {

    public NotificationRequested {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public enum Category {
        DEADLINE,
        TASK,
        RESULT
    }

    /**
     * Recipients: one user; or every user with a role (optionally only those of one organisation
     * or one county); or every user of an organisation (role null).
     */
    public record Audience(Long userId, Role role, Long organisationId, String county) {

        public static Audience user(long userId) {
            return new Audience(userId, null, null, null);
        }

        public static Audience role(Role role) {
            return new Audience(null, role, null, null);
        }

        public static Audience organisation(long organisationId) {
            return new Audience(null, null, organisationId, null);
        }

        public static Audience roleInOrganisation(Role role, long organisationId) {
            return new Audience(null, role, organisationId, null);
        }

        public static Audience roleInCounty(Role role, String county) {
            return new Audience(null, role, null, county);
        }
    }
}
