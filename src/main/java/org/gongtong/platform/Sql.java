package org.gongtong.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    /**
     * One page of rows, ids first: {@code idsSql} (one id column, ending with its ORDER BY) is cut
     * to the page, then {@code rowsSql} reads those rows with the ids bound to {@code :ids} (it
     * orders them the same way). The database walks an index in the list's order and stops at the
     * page, where joining first made it join and sort every matching row to keep twenty. A page of
     * size 0 (a figure asking for its total only) runs no query.
     */
    public static <T> List<T> pageByIds(
            JdbcClient jdbc,
            String idsSql,
            Map<String, ?> params,
            PageRequest page,
            String rowsSql,
            RowMapper<T> rows) {
        if (page.size() == 0) {
            return List.of();
        }
        List<Long> ids = jdbc.sql(idsSql + " OFFSET :pageOffset ROWS FETCH NEXT :pageSize ROWS ONLY")
                .params(params)
                .param("pageOffset", page.offset())
                .param("pageSize", page.size())
                .query(Long.class)
                .list();
        return ids.isEmpty()
                ? List.of()
                : jdbc.sql(rowsSql).param("ids", ids).query(rows).list();
    }
}
