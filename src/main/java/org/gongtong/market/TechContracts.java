package org.gongtong.market;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.OrganisationDirectory;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.Totals;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.gongtong.platform.SummedPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Technology contract registration (技术合同认定登记, RULES.md §5): the seller registers within 30
 * days of signing (later is refused with the reason); the office classifies it, states the
 * technology transaction amount separately from the contract amount, numbers and certifies it.
 */
@Service
public class TechContracts {

    /** Days after signing within which the seller must register. */
    public static final int REGISTRATION_DAYS = 30;

    static final String SELECT = """
            SELECT c.*, o.name AS seller_name, o.county_code AS seller_county
            FROM tech_contract c JOIN organisation o ON o.id = c.seller_organisation_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final OrganisationDirectory directory;
    private final Clock clock;
    private final Totals totals;

    TechContracts(JdbcClient jdbc, AuditLog audit, OrganisationDirectory directory, Clock clock, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
    }

    /** What the seller registers. */
    public record Registration(
            Long brokerageId,
            Long sellerOrganisationId,
            Long buyerOrganisationId,
            ContractType type,
            String title,
            BigDecimal contractAmount,
            LocalDate signedOn) {}

    @Transactional
    public TechContract register(Registration r, Actor actor) {
        if (r.type() == null) {
            throw DomainException.invalid("type", "market.error.notTechnologyContract");
        }
        if (r.title() == null || r.title().isBlank()) {
            throw DomainException.invalid("title", "market.error.required");
        }
        if (r.contractAmount() == null || r.contractAmount().signum() <= 0) {
            throw DomainException.invalid("contractAmount", "market.error.positive");
        }
        if (r.signedOn() == null) {
            throw DomainException.invalid("signedOn", "market.error.required");
        }
        long seller = r.sellerOrganisationId() != null ? r.sellerOrganisationId() : orZero(actor.organisationId());
        if (!actor.citywide() && (actor.organisationId() == null || actor.organisationId() != seller)) {
            throw DomainException.forbidden("market.error.sellerRegisters");
        }
        if (r.buyerOrganisationId() == null
                || directory.lookup(r.buyerOrganisationId()).isEmpty()
                || directory.lookup(seller).isEmpty()) {
            throw DomainException.invalid("buyerOrganisationId", "market.error.organisationUnknown");
        }
        if (r.buyerOrganisationId() == seller) {
            throw DomainException.invalid("buyerOrganisationId", "market.error.sameParties");
        }
        if (r.brokerageId() != null) {
            checkParties(r.brokerageId(), seller, r.buyerOrganisationId());
        }
        LocalDate today = LocalDate.now(clock);
        long days = ChronoUnit.DAYS.between(r.signedOn(), today);
        if (r.signedOn().isAfter(today)) {
            throw DomainException.invalid("signedOn", "market.error.signedInFuture");
        }
        if (days > REGISTRATION_DAYS) {
            throw DomainException.conflict("market.error.registrationLate", days, REGISTRATION_DAYS);
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO tech_contract (brokerage_id, seller_organisation_id, buyer_organisation_id, contract_type,
                          title, contract_amount, signed_on, registered_on, status, created_at)
                        VALUES (:b, :seller, :buyer, :type, :title, :amount, :signed, :registered, 'REGISTERED', :at)""")
                .param("b", r.brokerageId())
                .param("seller", seller)
                .param("buyer", r.buyerOrganisationId())
                .param("type", r.type().name())
                .param("title", r.title().strip())
                .param("amount", r.contractAmount())
                .param("signed", r.signedOn())
                .param("registered", today)
                .param("at", Sql.timestamp(clock.instant()))
                .update(keys, "id");
        totals.changed("tech_contract");
        long id = keys.getKey().longValue();
        audit.record(
                "market.contract.register",
                "tech_contract",
                id,
                null,
                r.contractAmount().toPlainString());
        return find(id);
    }

    /**
     * A contract out of a brokerage is between its parties: the seller is the supplier of the
     * matched result (when one was matched) and the buyer the organisation of the need.
     */
    private void checkParties(long brokerageId, long seller, long buyer) {
        var parties = jdbc.sql("SELECT b.supplier_organisation_id, n.organisation_id FROM brokerage b"
                        + " JOIN tech_need n ON n.id = b.need_id WHERE b.id = :id")
                .param("id", brokerageId)
                .query((rs, i) -> {
                    long s = rs.getLong(1);
                    return new Long[] {rs.wasNull() ? null : s, rs.getLong(2)};
                })
                .optional()
                .orElseThrow(
                        () -> DomainException.invalid("brokerageId", "market.error.brokerageNotFound", brokerageId));
        if ((parties[0] != null && parties[0] != seller) || parties[1] != buyer) {
            throw DomainException.invalid("brokerageId", "market.error.contractParties");
        }
    }

    /**
     * The office classifies and certifies: type, technology transaction amount (≤ contract amount),
     * a registration number. Only institute/city staff; only once.
     */
    @Transactional
    public TechContract certify(long id, ContractType type, BigDecimal technologyAmount, Actor actor) {
        if (!actor.citywide()) {
            throw DomainException.forbidden("market.error.officeOnly");
        }
        TechContract c = find(id);
        if (!"REGISTERED".equals(c.status())) {
            throw DomainException.conflict("market.error.alreadyCertified");
        }
        if (technologyAmount == null
                || technologyAmount.signum() < 0
                || technologyAmount.compareTo(c.contractAmount()) > 0) {
            throw DomainException.invalid("technologyAmount", "market.error.technologyAmount");
        }
        ContractType t = type == null ? c.type() : type;
        long seq = jdbc.sql("SELECT COUNT(*) FROM tech_contract WHERE registration_number IS NOT NULL")
                        .query(Long.class)
                        .single()
                + 1;
        String number;
        do {
            number = String.format("3715%dJS%06d", LocalDate.now(clock).getYear(), seq++);
        } while (jdbc.sql("SELECT COUNT(*) FROM tech_contract WHERE registration_number = :n")
                        .param("n", number)
                        .query(Long.class)
                        .single()
                > 0);
        jdbc.sql("UPDATE tech_contract SET contract_type = :t, technology_amount = :ta, registration_number = :n,"
                        + " status = 'CERTIFIED' WHERE id = :id AND status = 'REGISTERED'")
                .param("t", t.name())
                .param("ta", technologyAmount)
                .param("n", number)
                .param("id", id)
                .update();
        totals.changed("tech_contract");
        audit.record(
                "market.contract.certify",
                "tech_contract",
                id,
                "REGISTERED",
                "CERTIFIED " + number + " " + technologyAmount.toPlainString());
        return find(id);
    }

    @Transactional(readOnly = true)
    public TechContract find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id")
                .param("id", id)
                .query(TechContracts::map)
                .optional()
                .orElseThrow(() -> DomainException.notFound("market.error.contractNotFound", id));
    }

    /** Filters of the contract list (and of the technology transaction amount indicator). */
    public record ContractCriteria(String county, String status) {}

    /** How many contracts {@code sellerId} sold (registered in {@code [from, to)}) and their amounts. */
    record Sold(long contracts, BigDecimal amount) {}

    Sold soldBy(long sellerId, LocalDate from, LocalDate to, boolean transfersOnly) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(contract_amount), 0) FROM tech_contract"
                        + " WHERE seller_organisation_id = :o AND registered_on >= :from AND registered_on < :to"
                        + (transfersOnly ? " AND contract_type IN ('TRANSFER', 'LICENCE')" : ""))
                .param("o", sellerId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Sold(rs.getLong(1), rs.getBigDecimal(2).setScale(2)))
                .single();
    }

    static String where(ContractCriteria c, Actor actor, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (actor != null && !actor.citywide()) {
            w.append(" AND (c.seller_organisation_id = :me OR c.buyer_organisation_id = :me");
            if (actor.county() != null) {
                w.append(" OR o.county_code = :mycounty");
                p.put("mycounty", actor.county());
            }
            w.append(")");
            p.put("me", actor.organisationId() == null ? -1L : actor.organisationId());
        }
        if (c.county() != null && !c.county().isBlank()) {
            w.append(" AND o.county_code = :county");
            p.put("county", c.county());
        }
        if (c.status() != null && !c.status().isBlank()) {
            w.append(" AND c.status = :status");
            p.put("status", c.status());
        }
        return w.toString();
    }

    /** Contracts the actor may see, with the summed technology transaction amount of all matching rows. */
    @Transactional(readOnly = true)
    public SummedPage<TechContract> page(ContractCriteria c, Actor actor, PageRequest page) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = where(c, actor, p);
        String from = " FROM tech_contract c JOIN organisation o ON o.id = c.seller_organisation_id";
        Totals.CountAndSum head = totals.countAndSum(
                "SELECT COUNT(*), COALESCE(SUM(c.technology_amount), 0)" + from + where, p, "tech_contract");
        long total = head.count();
        BigDecimal sum = head.sum();
        List<TechContract> rows = page.size() == 0 || total == 0
                ? List.of()
                : jdbc.sql(SELECT + where + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset")
                        .params(p)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query(TechContracts::map)
                        .list();
        return SummedPage.of(new PageResult<>(rows, total, page.page(), page.size()), sum);
    }

    /** Edges seller → buyer for the collaboration graph. */
    List<CollaborationEdges.Edge> edges(LocalDate from, LocalDate to) {
        List<CollaborationEdges.Edge> out = new ArrayList<>();
        for (TechContract c : jdbc.sql(SELECT).query(TechContracts::map).list()) {
            if ((from == null || !c.signedOn().isBefore(from))
                    && (to == null || !c.signedOn().isAfter(to))) {
                out.add(new CollaborationEdges.Edge(
                        c.sellerOrganisationId(),
                        c.buyerOrganisationId(),
                        "CONTRACT",
                        c.technologyAmount() != null ? c.technologyAmount() : c.contractAmount(),
                        c.signedOn()));
            }
        }
        return out;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    static TechContract map(ResultSet rs, int row) throws SQLException {
        long b = rs.getLong("brokerage_id");
        Long br = rs.wasNull() ? null : b;
        return new TechContract(
                rs.getLong("id"),
                br,
                rs.getLong("seller_organisation_id"),
                rs.getString("seller_name"),
                rs.getString("seller_county"),
                rs.getLong("buyer_organisation_id"),
                ContractType.valueOf(rs.getString("contract_type")),
                rs.getString("title"),
                rs.getBigDecimal("contract_amount"),
                rs.getBigDecimal("technology_amount"),
                rs.getDate("signed_on").toLocalDate(),
                rs.getDate("registered_on").toLocalDate(),
                rs.getString("status"),
                rs.getString("registration_number"),
                rs.getBoolean("demo"));
    }
}
