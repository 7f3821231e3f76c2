package org.gongtong.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small pieces every module's plain SQL needs the same way on H2 and PostgreSQL. */
public final class Sql {

    private Sql() {}

    /** An instant as a {@code TIMESTAMP WITH TIME ZONE} parameter, in UTC; null stays null. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * A LIKE pattern matching values that contain {@code text} literally: {@code %}, {@code _} and
     * the escape character are escaped (backslash, the default escape of both databases).
     */
    public static String contains(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
