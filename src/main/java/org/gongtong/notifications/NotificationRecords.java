package org.gongtong.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification and notification_setting tables. */
@Repository
class NotificationRecords {

    /** Separates message arguments in the args column (a unit separator, never typed by people). */
    static final String SEP = "\u001f";

    private static final String COLUMNS = "id, recipient_id, module, category, message_code, args, link, due_at,"
            + " created_at, read_at, mail_status, mail_attempts, mail_error";

    private final JdbcClient jdbc;

    NotificationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts one notification unless the recipient already has one with the same dedup key. */
    boolean insert(long recipient, NotificationRequested e, String mailStatus, Instant now) {
        int n = jdbc.sql("""
                        INSERT INTO notification (recipient_id, module, category, message_code, args, link, due_at,
                          dedup_key, created_at, mail_status, mail_attempts, mail_next_at)
                        VALUES (:r, :m, :c, :code, :args, :link, :due, :dedup, :now, :mail, 0, :now)
                        ON CONFLICT DO NOTHING""")
                .param("r", recipient)
                .param("m", e.module())
                .param("c", e.category().name())
                .param("code", e.messageCode())
                .param("args", e.args().isEmpty() ? null : String.join(SEP, e.args()))
                .param("link", e.link())
                .param("due", Sql.timestamp(e.dueAt()))
                .param("dedup", e.dedupKey())
                .param("now", Sql.timestamp(now))
                .param("mail", mailStatus)
                .update();
        return n == 1;
    }

    PageResult<Notification> inbox(long recipient, InboxFilter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE recipient_id = :r");
        if (f.module() != null) {
            where.append(" AND module = :m");
        }
        if (f.category() != null) {
            where.append(" AND category = :c");
        }
        if (Boolean.TRUE.equals(f.unreadOnly())) {
            where.append(" AND read_at IS NULL");
        }
        var count = jdbc.sql("SELECT COUNT(*) FROM notification" + where).param("r", recipient);
        var list = jdbc.sql("SELECT " + COLUMNS + " FROM notification" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("r", recipient);
        if (f.module() != null) {
            count = count.param("m", f.module());
            list = list.param("m", f.module());
        }
        if (f.category() != null) {
            count = count.param("c", f.category().name());
            list = list.param("c", f.category().name());
        }
        long total = count.query(Long.class).single();
        List<Notification> content = list.param("limit", page.size())
                .param("offset", page.offset())
                .query(NotificationRecords::map)
                .list();
        return new PageResult<>(content, total, page.page(), page.size());
    }

    List<String> modules(long recipient) {
        return jdbc.sql("SELECT DISTINCT module FROM notification WHERE recipient_id = :r ORDER BY module")
                .param("r", recipient)
                .query(String.class)
                .list();
    }

    long unread(long recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :r AND read_at IS NULL")
                .param("r", recipient)
                .query(Long.class)
                .single();
    }

    Optional<Notification> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = :id")
                .param("id", id)
                .query(NotificationRecords::map)
                .optional();
    }

    int markRead(long recipient, long id, Instant now) {
        return jdbc.sql(
                        "UPDATE notification SET read_at = :now WHERE id = :id AND recipient_id = :r AND read_at IS NULL")
                .param("now", Sql.timestamp(now))
                .param("id", id)
                .param("r", recipient)
                .update();
    }

    int markAllRead(long recipient, Instant now) {
        return jdbc.sql("UPDATE notification SET read_at = :now WHERE recipient_id = :r AND read_at IS NULL")
                .param("now", Sql.timestamp(now))
                .param("r", recipient)
                .update();
    }

    // mail

    List<Notification> mailDue(String status, Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE mail_status = :s AND mail_next_at <= :now"
                        + " ORDER BY id LIMIT :limit")
                .param("s", status)
                .param("now", Sql.timestamp(now))
                .param("limit", limit)
                .query(NotificationRecords::map)
                .list();
    }

    void mailSent(long id) {
        jdbc.sql("UPDATE notification SET mail_status = 'SENT', mail_attempts = mail_attempts + 1, mail_error = NULL"
                        + " WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** A failed attempt: retried at {@code next}, or given up (FAILED) when {@code next} is null. */
    void mailFailed(long id, String error, Instant next) {
        jdbc.sql(
                        "UPDATE notification SET mail_status = CASE WHEN CAST(:next AS TIMESTAMP WITH TIME ZONE) IS NULL THEN 'FAILED' ELSE mail_status END,"
                                + " mail_attempts = mail_attempts + 1, mail_error = :e, mail_next_at = :next WHERE id = :id")
                .param("next", Sql.timestamp(next))
                .param("e", error == null ? "error" : error.length() > 480 ? error.substring(0, 480) : error)
                .param("id", id)
                .update();
    }

    // settings

    Optional<NotificationSettings> settings(long userId) {
        return jdbc.sql("SELECT user_id, digest, email FROM notification_setting WHERE user_id = :u")
                .param("u", userId)
                .query((rs, n) ->
                        new NotificationSettings(rs.getLong(1), Digest.valueOf(rs.getString(2)), rs.getString(3)))
                .optional();
    }

    void saveSettings(NotificationSettings s, Instant now) {
        int n = jdbc.sql(
                        "UPDATE notification_setting SET digest = :d, email = :e, updated_at = :now WHERE user_id = :u")
                .param("d", s.digest().name())
                .param("e", s.email())
                .param("now", Sql.timestamp(now))
                .param("u", s.userId())
                .update();
        if (n == 0) {
            jdbc.sql("INSERT INTO notification_setting (user_id, digest, email, updated_at) VALUES (:u, :d, :e, :now)")
                    .param("d", s.digest().name())
                    .param("e", s.email())
                    .param("now", Sql.timestamp(now))
                    .param("u", s.userId())
                    .update();
        }
    }

    static Notification map(ResultSet rs, int n) throws SQLException {
        String args = rs.getString("args");
        return new Notification(
                rs.getLong("id"),
                rs.getLong("recipient_id"),
                rs.getString("module"),
                NotificationRequested.Category.valueOf(rs.getString("category")),
                rs.getString("message_code"),
                args == null ? List.of() : Arrays.asList(args.split(SEP, -1)),
                null,
                rs.getString("link"),
                Sql.instant(rs, "due_at"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "read_at"),
                rs.getString("mail_status"),
                rs.getInt("mail_attempts"),
                rs.getString("mail_error"));
    }
}
