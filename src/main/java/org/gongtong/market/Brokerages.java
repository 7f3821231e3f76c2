package org.gongtong.market;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.Totals;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Sql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brokerage (对接): a match taken up and followed proposed → contacted → negotiating → signed →
 * completed, or dropped with a reason; every move audited and notified to both parties.
 */
@Service
public class Brokerages implements CollaborationEdges {

    private static final String SELECT = """
            SELECT b.*, n.title AS need_title, n.organisation_id AS need_org, n.industry AS need_industry,
              r.title AS result_title
            FROM brokerage b JOIN tech_need n ON n.id = b.need_id LEFT JOIN tech_result r ON r.id = b.result_id""";

    private final JdbcClient jdbc;
    private final Market market;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Totals totals;

    Brokerages(
            JdbcClient jdbc,
            Market market,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.market = market;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Takes up a match: the need with a result (or an expert). Brokers, staff and the need's owner may. */
    @Transactional
    public Brokerage propose(long needId, Long resultId, Long expertId, String notes, Actor actor) {
        TechNeed need = market.need(needId, actor);
        if (resultId == null && expertId == null) {
            throw DomainException.invalid("resultId", "market.error.brokerageTarget");
        }
        Long supplier = null;
        if (resultId != null) {
            supplier = market.result(resultId, actor).organisationId();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO brokerage (need_id, result_id, expert_id, supplier_organisation_id, broker_user_id,
                          status, notes, created_at, updated_at)
                        VALUES (:need, :result, :expert, :supplier, :broker, 'PROPOSED', :notes, :at, :at)""")
                .param("need", need.id())
                .param("result", resultId)
                .param("expert", expertId)
                .param("supplier", supplier)
                .param("broker", actor.userId() == 0 ? null : actor.userId())
                .param("notes", notes)
                .param("at", Sql.timestamp(clock.instant()))
                .update(keys, "id");
        totals.changed("brokerage");
        long id = keys.getKey().longValue();
        audit.record("market.brokerage.propose", "brokerage", id, null, BrokerageStatus.PROPOSED.name());
        notifyParties(find(id), "market.notify.brokerageMoved");
        return find(id);
    }

    /** Moves a brokerage; illegal moves are refused (409); dropping needs a reason. */
    @Transactional
    public Brokerage move(long id, BrokerageStatus to, String reason, String note, Actor actor) {
        Brokerage b = find(id);
        market.need(b.needId(), actor); // visibility check
        if (to == null || !b.status().next().contains(to)) {
            throw DomainException.conflict(
                    "market.error.brokerageMove", b.status().name(), String.valueOf(to));
        }
        if (to == BrokerageStatus.DROPPED && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason", "market.error.dropReason");
        }
        String notes = b.notes() == null ? "" : b.notes();
        if (note != null && !note.isBlank()) {
            notes = (notes.isEmpty() ? "" : notes + "\n") + clock.instant() + " " + note.strip();
        }
        // the first conversation and the signature are kept when the brokerage is dropped later
        String milestones = (to.introduced() ? ", contacted_at = COALESCE(contacted_at, :at)" : "")
                + (to == BrokerageStatus.SIGNED ? ", signed_at = COALESCE(signed_at, :at)" : "");
        jdbc.sql("UPDATE brokerage SET status = :s, drop_reason = :r, notes = :n, updated_at = :at" + milestones
                        + " WHERE id = :id")
                .param("s", to.name())
                .param("r", to == BrokerageStatus.DROPPED ? reason.strip() : b.dropReason())
                .param("n", notes.length() > 4000 ? notes.substring(notes.length() - 4000) : notes)
                .param("at", Sql.timestamp(clock.instant()))
                .param("id", id)
                .update();
        totals.changed("brokerage");
        audit.record("market.brokerage.move", "brokerage", id, b.status().name(), to.name(), reason);
        Brokerage after = find(id);
        notifyParties(after, "market.notify.brokerageMoved");
        return after;
    }

    private void notifyParties(Brokerage b, String code) {
        List<Long> orgs = new ArrayList<>(List.of(b.needOrganisationId()));
        if (b.supplierOrganisationId() != null && !orgs.contains(b.supplierOrganisationId())) {
            orgs.add(b.supplierOrganisationId());
        }
        for (Long org : orgs) {
            events.publishEvent(new NotificationRequested(
                    "market",
                    NotificationRequested.Category.TASK,
                    NotificationRequested.Audience.organisation(org),
                    code,
                    List.of(b.needTitle(), b.status().name()),
                    "/market/brokerages/" + b.id(),
                    null,
                    "market.brokerage." + b.id() + "." + b.status() + "." + org));
        }
    }

    @Transactional(readOnly = true)
    public Brokerage find(long id) {
        return jdbc.sql(SELECT + " WHERE b.id = :id")
                .param("id", id)
                .query(Brokerages::map)
                .optional()
                .orElseThrow(() -> DomainException.notFound("market.error.brokerageNotFound", id));
    }

    /** Brokerages of needs the actor may see. */
    @Transactional(readOnly = true)
    public List<Brokerage> list(Actor actor) {
        return jdbc.sql(SELECT + " ORDER BY b.id DESC").query(Brokerages::map).list().stream()
                .filter(b -> visible(b, actor))
                .toList();
    }

    private boolean visible(Brokerage b, Actor actor) {
        try {
            market.need(b.needId(), actor);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    /**
     * Brokerages (the matches taken up) per county of the need's organisation; {@code introduced}
     * keeps those that reached a conversation (even if dropped later). Scoped like needs.
     */
    @Transactional(readOnly = true)
    public org.gongtong.platform.PageResult<Brokerage> page(
            String county, boolean introduced, Actor actor, org.gongtong.platform.PageRequest page) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        w.append(Needs.visible(org.gongtong.search.SearchScope.of(actor), p));
        if (county != null && !county.isBlank()) {
            w.append(" AND o.county_code = :county");
            p.put("county", county);
        }
        if (introduced) {
            w.append(" AND b.contacted_at IS NOT NULL");
        }
        String join = " JOIN organisation o ON o.id = n.organisation_id";
        long total = totals.count(
                "SELECT COUNT(*) FROM brokerage b JOIN tech_need n ON n.id = b.need_id" + join + w,
                p,
                "brokerage",
                "tech_need");
        List<Brokerage> rows = page.size() == 0 || total == 0
                ? List.of()
                : jdbc.sql(SELECT + join + w + " ORDER BY b.id DESC LIMIT :limit OFFSET :offset")
                        .params(p)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query(Brokerages::map)
                        .list();
        return new org.gongtong.platform.PageResult<>(rows, total, page.page(), page.size());
    }

    /**
     * Introduction rate (matches that led to a conversation) and conversion (matches that led to a
     * signed contract), grouped by the need's industry or by broker; a brokerage dropped after a
     * conversation still counts as an introduction.
     */
    public record Funnel(String group, long matches, long introductions, long contracts) {
        public double introductionRate() {
            return matches == 0 ? 0 : (double) introductions / matches;
        }

        public double conversion() {
            return matches == 0 ? 0 : (double) contracts / matches;
        }
    }

    @Transactional(readOnly = true)
    public List<Funnel> funnel(boolean byBroker) {
        String group = byBroker ? "CAST(b.broker_user_id AS VARCHAR(20))" : "n.industry";
        return jdbc.sql("SELECT " + group + " AS g, COUNT(*) AS m,"
                        + " SUM(CASE WHEN b.contacted_at IS NOT NULL THEN 1 ELSE 0 END) AS i,"
                        + " SUM(CASE WHEN b.signed_at IS NOT NULL THEN 1 ELSE 0 END) AS c"
                        + " FROM brokerage b JOIN tech_need n ON n.id = b.need_id GROUP BY " + group
                        + " ORDER BY 2 DESC")
                .query((rs, i) -> new Funnel(rs.getString("g"), rs.getLong("m"), rs.getLong("i"), rs.getLong("c")))
                .list();
    }

    @Override
    public List<Edge> edges(LocalDate from, LocalDate to) {
        List<Edge> out = new ArrayList<>();
        jdbc.sql(SELECT + " WHERE b.supplier_organisation_id IS NOT NULL")
                .query(Brokerages::map)
                .list()
                .forEach(b -> {
                    LocalDate d = LocalDate.ofInstant(b.createdAt(), ZoneId.of("Asia/Shanghai"));
                    if ((from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to))) {
                        out.add(new Edge(
                                b.needOrganisationId(), b.supplierOrganisationId(), "BROKERAGE", (BigDecimal) null, d));
                    }
                });
        return out;
    }

    static Brokerage map(ResultSet rs, int row) throws SQLException {
        long result = rs.getLong("result_id");
        Long r = rs.wasNull() ? null : result;
        long expert = rs.getLong("expert_id");
        Long e = rs.wasNull() ? null : expert;
        long supplier = rs.getLong("supplier_organisation_id");
        Long s = rs.wasNull() ? null : supplier;
        long broker = rs.getLong("broker_user_id");
        Long br = rs.wasNull() ? null : broker;
        return new Brokerage(
                rs.getLong("id"),
                rs.getLong("need_id"),
                rs.getString("need_title"),
                rs.getLong("need_org"),
                r,
                rs.getString("result_title"),
                e,
                s,
                br,
                BrokerageStatus.valueOf(rs.getString("status")),
                rs.getString("drop_reason"),
                rs.getString("notes"),
                rs.getString("need_industry"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "contacted_at"),
                Sql.instant(rs, "signed_at"));
    }
}
