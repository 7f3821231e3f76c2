package org.gongtong.network;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongtong.network.NetworkRecords.Community;
import org.gongtong.network.NetworkRecords.Extension;
import org.gongtong.network.NetworkRecords.Member;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Communities, their members and investors, and the extensions of their preparation periods. */
@Repository
class Communities {

    private static final String SELECT = """
            SELECT id, name, status, county_code, industry_code, lead_organisation_id, form, operating_model,
              preparation_deadline, uscc, registered_on, demo, version, created_at FROM community""";

    private final JdbcClient jdbc;

    Communities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The filters of the list and of the indicators (one definition for both); {@code overdue}
     * means still preparing after the deadline as of {@code today}.
     */
    record Criteria(
            String q, CommunityStatus status, String county, String industry, Boolean overdue, LocalDate today) {

        String where(Map<String, Object> params) {
            StringBuilder w = new StringBuilder(" WHERE 1 = 1");
            if (q != null && !q.isBlank()) {
                w.append(" AND name LIKE :q");
                params.put("q", Sql.contains(q));
            }
            if (status != null) {
                w.append(" AND status = :status");
                params.put("status", status.name());
            }
            if (county != null) {
                w.append(" AND county_code = :county");
                params.put("county", county);
            }
            if (industry != null) {
                w.append(" AND industry_code = :industry");
                params.put("industry", industry);
            }
            if (overdue != null) {
                w.append(
                        overdue
                                ? " AND status = 'PREPARING' AND preparation_deadline < :today"
                                : " AND NOT (status = 'PREPARING' AND preparation_deadline < :today)");
                params.put("today", today);
            }
            return w.toString();
        }
    }

    long insert(
            String name,
            CommunityStatus status,
            String county,
            String industry,
            Long lead,
            String form,
            String model,
            LocalDate deadline,
            boolean demo,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO community (name, status, county_code, industry_code, lead_organisation_id, form,
                          operating_model, preparation_deadline, demo, created_at, updated_at)
                        VALUES (:name, :status, :county, :industry, :lead, :form, :model, :deadline, :demo, :at, :at)""")
                .param("name", name)
                .param("status", status.name())
                .param("county", county)
                .param("industry", industry)
                .param("lead", lead)
                .param("form", form)
                .param("model", model)
                .param("deadline", deadline)
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean update(
            long id,
            int version,
            String name,
            String county,
            String industry,
            Long lead,
            String form,
            String model,
            Instant now) {
        return jdbc.sql("""
                                UPDATE community SET name = :name, county_code = :county, industry_code = :industry,
                                  lead_organisation_id = :lead, form = :form, operating_model = :model,
                                  version = version + 1, updated_at = :at
                                WHERE id = :id AND version = :version""")
                        .param("name", name)
                        .param("county", county)
                        .param("industry", industry)
                        .param("lead", lead)
                        .param("form", form)
                        .param("model", model)
                        .param("at", Sql.timestamp(now))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Moves the status only from the expected one; sets the deadline, USCC and registration date when given. */
    boolean moveStatus(
            long id,
            CommunityStatus from,
            CommunityStatus to,
            LocalDate deadline,
            String uscc,
            LocalDate registeredOn,
            Instant now) {
        return jdbc.sql("""
                                UPDATE community SET status = :to,
                                  preparation_deadline = COALESCE(:deadline, preparation_deadline),
                                  uscc = COALESCE(:uscc, uscc), registered_on = COALESCE(:reg, registered_on),
                                  version = version + 1, updated_at = :at
                                WHERE id = :id AND status = :from""")
                        .param("to", to.name())
                        .param("from", from.name())
                        .param("deadline", deadline, java.sql.Types.DATE)
                        .param("uscc", uscc, java.sql.Types.VARCHAR)
                        .param("reg", registeredOn, java.sql.Types.DATE)
                        .param("at", Sql.timestamp(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean extend(long id, LocalDate from, LocalDate to, String reason, String approvedBy, Instant now) {
        boolean moved = jdbc.sql("""
                                UPDATE community SET preparation_deadline = :to, version = version + 1, updated_at = :at
                                WHERE id = :id AND status = 'PREPARING' AND preparation_deadline = :from""")
                        .param("to", to)
                        .param("from", from)
                        .param("at", Sql.timestamp(now))
                        .param("id", id)
                        .update()
                == 1;
        if (moved) {
            jdbc.sql("""
                            INSERT INTO community_extension (community_id, old_deadline, new_deadline, reason, approved_by,
                              approved_at) VALUES (:id, :from, :to, :reason, :by, :at)""")
                    .param("id", id)
                    .param("from", from)
                    .param("to", to)
                    .param("reason", reason)
                    .param("by", approvedBy)
                    .param("at", Sql.timestamp(now))
                    .update();
        }
        return moved;
    }

    /** Demo data only: sets a deadline directly (an overdue sample cannot be created through the service). */
    void extendForDemo(long id, LocalDate deadline) {
        jdbc.sql("UPDATE community SET preparation_deadline = :d WHERE id = :id AND demo = TRUE")
                .param("d", deadline)
                .param("id", id)
                .update();
    }

    List<Extension> extensions(long id) {
        return jdbc.sql("""
                        SELECT old_deadline, new_deadline, reason, approved_by, approved_at FROM community_extension
                        WHERE community_id = :id ORDER BY id""")
                .param("id", id)
                .query((rs, n) -> new Extension(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4),
                        Sql.instant(rs, "approved_at")))
                .list();
    }

    Optional<Community> find(long id, LocalDate today) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> community(rs, today))
                .optional();
    }

    PageResult<Community> search(Criteria c, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = c.where(params);
        long total = jdbc.sql("SELECT COUNT(*) FROM community" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Community> rows = jdbc.sql(SELECT + where + " ORDER BY id DESC OFFSET :off ROWS FETCH NEXT :n ROWS ONLY")
                .params(params)
                .param("off", page.offset())
                .param("n", page.size())
                .query((rs, n) -> community(rs, c.today()))
                .list();
        return new PageResult<>(rows, total, page.page(), page.size());
    }

    long count(Criteria c) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = c.where(params);
        return jdbc.sql("SELECT COUNT(*) FROM community" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Preparing communities whose deadline falls on or before {@code until}. */
    List<Community> preparingDueBy(LocalDate until, LocalDate today) {
        return jdbc.sql(SELECT + " WHERE status = 'PREPARING' AND preparation_deadline <= :until ORDER BY id")
                .param("until", until)
                .query((rs, n) -> community(rs, today))
                .list();
    }

    /** Counts of communities per year of creation, county, industry and status, for the 1+N plan. */
    List<Object[]> countsByYearCountyIndustryStatus() {
        return jdbc.sql("SELECT created_at, county_code, industry_code, status FROM community")
                .query((rs, n) ->
                        new Object[] {Sql.instant(rs, "created_at"), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
    }

    // members

    void addMember(long id, long organisationId, String role, BigDecimal share, LocalDate on) {
        jdbc.sql("""
                        INSERT INTO community_member (community_id, organisation_id, member_role, share_percent, joined_on)
                        VALUES (:id, :org, :role, :share, :on)""")
                .param("id", id)
                .param("org", organisationId)
                .param("role", role)
                .param("share", share, java.sql.Types.NUMERIC)
                .param("on", on)
                .update();
    }

    void removeMember(long id, long organisationId) {
        jdbc.sql("DELETE FROM community_member WHERE community_id = :id AND organisation_id = :org")
                .param("id", id)
                .param("org", organisationId)
                .update();
    }

    List<Member> members(long id) {
        return jdbc.sql("""
                        SELECT m.organisation_id, o.name, o.kind, m.member_role, m.share_percent
                        FROM community_member m LEFT JOIN organisation o ON o.id = m.organisation_id
                        WHERE m.community_id = :id ORDER BY m.id""")
                .param("id", id)
                .query((rs, n) -> new Member(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5)))
                .list();
    }

    /** (lead organisation, member organisation, joined on) for the collaboration graph. */
    List<Object[]> memberships() {
        return jdbc.sql("""
                        SELECT c.lead_organisation_id, m.organisation_id, m.joined_on FROM community_member m
                        JOIN community c ON c.id = m.community_id
                        WHERE c.lead_organisation_id IS NOT NULL AND c.lead_organisation_id <> m.organisation_id""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)})
                .list();
    }

    int deleteDemo() {
        List<Long> ids = jdbc.sql("SELECT id FROM community WHERE demo = TRUE")
                .query(Long.class)
                .list();
        for (Long id : ids) {
            for (String t : List.of("community_member", "community_extension")) {
                jdbc.sql("DELETE FROM " + t + " WHERE community_id = :id")
                        .param("id", id)
                        .update();
            }
            jdbc.sql("DELETE FROM network_transition WHERE entity_type = 'community' AND entity_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("DELETE FROM community WHERE id = :id").param("id", id).update();
        }
        return ids.size();
    }

    private static Community community(ResultSet rs, LocalDate today) throws SQLException {
        long lead = rs.getLong(6);
        Long leadId = rs.wasNull() ? null : lead;
        CommunityStatus status = CommunityStatus.valueOf(rs.getString(3));
        LocalDate deadline = rs.getObject(9, LocalDate.class);
        boolean overdue = status == CommunityStatus.PREPARING && deadline != null && deadline.isBefore(today);
        return new Community(
                rs.getLong(1),
                rs.getString(2),
                status,
                rs.getString(4),
                rs.getString(5),
                leadId,
                rs.getString(7),
                rs.getString(8),
                deadline,
                rs.getString(10),
                rs.getObject(11, LocalDate.class),
                overdue,
                rs.getBoolean(12),
                rs.getInt(13),
                Sql.instant(rs, "created_at"));
    }
}
