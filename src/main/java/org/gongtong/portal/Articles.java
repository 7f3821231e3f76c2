package org.gongtong.portal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The portal_article and portal_article_version tables. */
@Repository
class Articles {

    static final String COLUMNS = "id, section, slug, title, summary, body_html, issuer, doc_number, issued_on,"
            + " applied_by, attachments, event_starts_at, event_place, event_capacity, featured, status, publish_at,"
            + " published_at, unpublish_reason, version, demo, created_by, created_at, updated_at";

    /** Public at :now: published, or scheduled and due. */
    static final String PUBLIC = "(status = 'PUBLISHED' OR (status = 'SCHEDULED' AND publish_at <= :now))";

    private final JdbcClient jdbc;

    Articles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ArticleForm f, String slug, String body, boolean demo, String by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO portal_article (section, slug, title, summary, body_html, issuer, doc_number, issued_on,
                          applied_by, attachments, event_starts_at, event_place, event_capacity, featured, status, version,
                          demo, created_by, created_at, updated_at)
                        VALUES (:section, :slug, :title, :summary, :body, :issuer, :doc, :issued, :applied, :att, :start,
                          :place, :cap, :featured, 'DRAFT', 0, :demo, :by, :now, :now)""")
                .param("section", f.section().name())
                .param("slug", slug)
                .param("title", f.title())
                .param("summary", f.summary())
                .param("body", body)
                .param("issuer", f.issuer())
                .param("doc", f.docNumber())
                .param("issued", f.issuedOn() == null ? null : Date.valueOf(f.issuedOn()))
                .param("applied", f.appliedBy())
                .param("att", f.attachments())
                .param("start", Sql.timestamp(f.eventStartsAt()))
                .param("place", f.eventPlace())
                .param("cap", f.eventCapacity())
                .param("featured", f.featured())
                .param("demo", demo)
                .param("by", by)
                .param("now", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean update(long id, ArticleForm f, String slug, String body, ArticleStatus status, int expected, Instant now) {
        return jdbc.sql("""
                        UPDATE portal_article SET slug = :slug, title = :title, summary = :summary, body_html = :body,
                          issuer = :issuer, doc_number = :doc, issued_on = :issued, applied_by = :applied,
                          attachments = :att, event_starts_at = :start, event_place = :place, event_capacity = :cap,
                          featured = :featured, status = :status, version = version + 1, updated_at = :now
                        WHERE id = :id AND version = :expected""")
                        .param("slug", slug)
                        .param("title", f.title())
                        .param("summary", f.summary())
                        .param("body", body)
                        .param("issuer", f.issuer())
                        .param("doc", f.docNumber())
                        .param("issued", f.issuedOn() == null ? null : Date.valueOf(f.issuedOn()))
                        .param("applied", f.appliedBy())
                        .param("att", f.attachments())
                        .param("start", Sql.timestamp(f.eventStartsAt()))
                        .param("place", f.eventPlace())
                        .param("cap", f.eventCapacity())
                        .param("featured", f.featured())
                        .param("status", status.name())
                        .param("now", Sql.timestamp(now))
                        .param("id", id)
                        .param("expected", expected)
                        .update()
                == 1;
    }

    /** A guarded transition: only from the expected status and version. */
    boolean transition(
            long id,
            ArticleStatus from,
            int expected,
            ArticleStatus to,
            Instant publishAt,
            Instant publishedAt,
            String reason,
            Instant now) {
        return jdbc.sql("""
                        UPDATE portal_article SET status = :to, publish_at = :publishAt, published_at = :publishedAt,
                          unpublish_reason = :reason, version = version + 1, updated_at = :now
                        WHERE id = :id AND status = :from AND version = :expected""")
                        .param("to", to.name())
                        .param("publishAt", Sql.timestamp(publishAt))
                        .param("publishedAt", Sql.timestamp(publishedAt))
                        .param("reason", reason)
                        .param("now", Sql.timestamp(now))
                        .param("id", id)
                        .param("from", from.name())
                        .param("expected", expected)
                        .update()
                == 1;
    }

    void recordVersion(Article a, String action, String note, String by, Instant now) {
        jdbc.sql("""
                        INSERT INTO portal_article_version (article_id, version, status, title, summary, body_html, action,
                          note, changed_by, changed_at)
                        VALUES (:id, :v, :status, :title, :summary, :body, :action, :note, :by, :now)""")
                .param("id", a.id())
                .param("v", a.version())
                .param("status", a.status().name())
                .param("title", a.title())
                .param("summary", a.summary())
                .param("body", a.bodyHtml())
                .param("action", action)
                .param("note", note)
                .param("by", by)
                .param("now", Sql.timestamp(now))
                .update();
    }

    List<ArticleVersion> versions(long id) {
        return jdbc.sql("SELECT version, status, title, summary, body_html, action, note, changed_by, changed_at"
                        + " FROM portal_article_version WHERE article_id = :id ORDER BY version DESC, id DESC")
                .param("id", id)
                .query((rs, n) -> new ArticleVersion(
                        rs.getInt(1),
                        ArticleStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        Sql.instant(rs, "changed_at")))
                .list();
    }

    Optional<Article> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal_article WHERE id = :id")
                .param("id", id)
                .query(Articles::map)
                .optional();
    }

    Optional<Article> findBySlug(Section s, String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal_article WHERE section = :s AND slug = :slug")
                .param("s", s.name())
                .param("slug", slug)
                .query(Articles::map)
                .optional();
    }

    boolean slugTaken(Section s, String slug, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM portal_article WHERE section = :s AND slug = :slug AND id <> :id")
                        .param("s", s.name())
                        .param("slug", slug)
                        .param("id", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Public articles of a section (null: all), text filter on title and summary, newest first. */
    PageResult<Article> published(Section s, String q, Instant now, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE " + PUBLIC);
        if (s != null) {
            where.append(" AND section = :s");
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND (title LIKE :q OR summary LIKE :q OR body_html LIKE :q)");
        }
        var count = jdbc.sql("SELECT COUNT(*) FROM portal_article" + where).param("now", Sql.timestamp(now));
        var list = jdbc.sql("SELECT " + COLUMNS + " FROM portal_article" + where
                        + " ORDER BY COALESCE(published_at, publish_at) DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("now", Sql.timestamp(now));
        if (s != null) {
            count = count.param("s", s.name());
            list = list.param("s", s.name());
        }
        if (q != null && !q.isBlank()) {
            count = count.param("q", Sql.contains(q));
            list = list.param("q", Sql.contains(q));
        }
        long total = count.query(Long.class).single();
        List<Article> content = list.param("limit", page.size())
                .param("offset", page.offset())
                .query(Articles::map)
                .list();
        return new PageResult<>(content, total, page.page(), page.size());
    }

    /** Public events starting at or after :from, soonest first. */
    List<Article> upcomingEvents(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal_article WHERE " + PUBLIC
                        + " AND section = 'EVENT' AND event_starts_at >= :now ORDER BY event_starts_at LIMIT :limit")
                .param("now", Sql.timestamp(now))
                .param("limit", limit)
                .query(Articles::map)
                .list();
    }

    long countPublished(Section s, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM portal_article WHERE " + PUBLIC + " AND section = :s")
                .param("now", Sql.timestamp(now))
                .param("s", s.name())
                .query(Long.class)
                .single();
    }

    /** Every article for the editors, optionally of one section and status. */
    PageResult<Article> all(Section s, ArticleStatus status, String q, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        if (s != null) {
            where.append(" AND section = :s");
        }
        if (status != null) {
            where.append(" AND status = :st");
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND title LIKE :q");
        }
        var count = jdbc.sql("SELECT COUNT(*) FROM portal_article" + where);
        var list = jdbc.sql("SELECT " + COLUMNS + " FROM portal_article" + where
                + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset");
        if (s != null) {
            count = count.param("s", s.name());
            list = list.param("s", s.name());
        }
        if (status != null) {
            count = count.param("st", status.name());
            list = list.param("st", status.name());
        }
        if (q != null && !q.isBlank()) {
            count = count.param("q", Sql.contains(q));
            list = list.param("q", Sql.contains(q));
        }
        long total = count.query(Long.class).single();
        return new PageResult<>(
                list.param("limit", page.size())
                        .param("offset", page.offset())
                        .query(Articles::map)
                        .list(),
                total,
                page.page(),
                page.size());
    }

    // event registrations

    void register(long articleId, String name, String organisation, String phone, Instant now) {
        jdbc.sql("INSERT INTO portal_event_registration (article_id, name, organisation, phone, created_at)"
                        + " VALUES (:a, :n, :o, :p, :now)")
                .param("a", articleId)
                .param("n", name)
                .param("o", organisation)
                .param("p", phone)
                .param("now", Sql.timestamp(now))
                .update();
    }

    long registrations(long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM portal_event_registration WHERE article_id = :a")
                .param("a", articleId)
                .query(Long.class)
                .single();
    }

    List<EventRegistration> registrationList(long articleId) {
        return jdbc.sql("SELECT name, organisation, phone, created_at FROM portal_event_registration"
                        + " WHERE article_id = :a ORDER BY id")
                .param("a", articleId)
                .query((rs, n) -> new EventRegistration(
                        rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, "created_at")))
                .list();
    }

    /** Locks the article row, so capacity checks of concurrent registrations are serialised. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM portal_article WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    boolean exists(Section s, String title) {
        return jdbc.sql("SELECT COUNT(*) FROM portal_article WHERE section = :s AND title = :t")
                        .param("s", s.name())
                        .param("t", title)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Long> demoIds() {
        return jdbc.sql("SELECT id FROM portal_article WHERE demo = TRUE")
                .query(Long.class)
                .list();
    }

    int deleteDemo() {
        return jdbc.sql("DELETE FROM portal_article WHERE demo = TRUE").update();
    }

    static Article map(ResultSet rs, int n) throws SQLException {
        Date issued = rs.getDate("issued_on");
        int cap = rs.getInt("event_capacity");
        Integer capacity = rs.wasNull() ? null : cap;
        return new Article(
                rs.getLong("id"),
                Section.valueOf(rs.getString("section")),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("body_html"),
                rs.getString("issuer"),
                rs.getString("doc_number"),
                issued == null ? null : issued.toLocalDate(),
                rs.getString("applied_by"),
                rs.getString("attachments"),
                Sql.instant(rs, "event_starts_at"),
                rs.getString("event_place"),
                capacity,
                rs.getBoolean("featured"),
                ArticleStatus.valueOf(rs.getString("status")),
                Sql.instant(rs, "publish_at"),
                Sql.instant(rs, "published_at"),
                rs.getString("unpublish_reason"),
                rs.getInt("version"),
                rs.getBoolean("demo"),
                rs.getString("created_by"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
