package org.gongtong.cultivation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.Sql;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy library (免申即享): policies with conditions over platform data; for an enterprise the
 * policies it qualifies for now and those it nearly qualifies for; for officers, who qualifies.
 */
@Service
public class Policies {

    private static final TypeReference<List<PolicyCondition>> CONDITIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Registry registry;
    private final Enterprises enterprises;
    private final Figures figures;
    private final Records records;
    private final AuditLog audit;
    private final Messages messages;
    private final Clock clock;

    Policies(
            JdbcClient jdbc,
            JsonMapper json,
            Registry registry,
            Enterprises enterprises,
            Figures figures,
            Records records,
            AuditLog audit,
            Messages messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.registry = registry;
        this.enterprises = enterprises;
        this.figures = figures;
        this.records = records;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Policy> all() {
        return jdbc.sql("SELECT * FROM cultivation_policy ORDER BY demo, id")
                .query(this::map)
                .list();
    }

    @Transactional(readOnly = true)
    public Policy find(long id) {
        return jdbc.sql("SELECT * FROM cultivation_policy WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> DomainException.notFound("cultivation.policy.notFound", id));
    }

    /** Adds a policy (city-wide officers); audited. */
    @Transactional
    public Policy create(Policy p, Actor actor) {
        if (!actor.citywide()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return insert(p);
    }

    @Transactional
    Policy insert(Policy p) {
        List<FieldError> errors = check(p);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO cultivation_policy (title, issuer, document_number, valid_from, valid_to, benefit,
                          conditions, demo, version, created_at)
                        VALUES (:title, :issuer, :doc, :from, :to, :benefit, :conditions, :demo, 0, :at)""")
                .param("title", p.title().strip())
                .param("issuer", p.issuer().strip())
                .param(
                        "doc",
                        p.demo()
                                        || p.documentNumber() == null
                                        || p.documentNumber().isBlank()
                                ? null
                                : p.documentNumber().strip())
                .param("from", p.validFrom())
                .param("to", p.validTo())
                .param("benefit", p.benefit().strip())
                .param("conditions", json.writeValueAsString(p.conditions()))
                .param("demo", p.demo())
                .param("at", Sql.timestamp(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        Policy created = find(id);
        audit.record("CULTIVATION_POLICY_ADDED", "cultivation_policy", id, null, created);
        return created;
    }

    /** For one enterprise: the in-force policies it qualifies for, and those it misses by one condition. */
    public record ForEnterprise(List<PolicyMatch> qualifies, List<PolicyMatch> nearly) {}

    @Transactional(readOnly = true)
    public ForEnterprise forEnterprise(long id, Actor actor) {
        Organisation o = enterprises.enterprise(id, actor);
        Map<String, Object> facts = facts(o);
        List<PolicyMatch> yes = new ArrayList<>();
        List<PolicyMatch> nearly = new ArrayList<>();
        LocalDate today = enterprises.today();
        for (Policy p : all()) {
            if (!p.inForce(today)) {
                continue;
            }
            PolicyMatch m = PolicyMatch.check(p, facts);
            if (m.qualifies()) {
                yes.add(m);
            } else if (m.nearly()) {
                nearly.add(m);
            }
        }
        return new ForEnterprise(yes, nearly);
    }

    /** An enterprise that qualifies (or nearly) for a policy, for the officer's view. */
    public record Qualifier(
            long organisationId, String name, String county, boolean qualifies, List<PolicyMatch.Unmet> unmet) {}

    /** Who qualifies without anyone applying: the enterprises the officer may see, qualifying or one short. */
    @Transactional(readOnly = true)
    public List<Qualifier> qualifiers(long policyId, Actor actor) {
        if (!(actor.citywide() || actor.role() == Role.COUNTY_OFFICER)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Policy p = find(policyId);
        String county = actor.role() == Role.COUNTY_OFFICER ? actor.county() : null;
        List<Qualifier> list = new ArrayList<>();
        registry.forEach(new OrganisationCriteria(null, OrganisationKind.ENTERPRISE, county, null, null), o -> {
            PolicyMatch m = PolicyMatch.check(p, facts(o));
            if (m.qualifies() || m.nearly()) {
                list.add(new Qualifier(o.id(), o.name(), o.county(), m.qualifies(), m.unmet()));
            }
        });
        list.sort(
                java.util.Comparator.comparing((Qualifier q) -> !q.qualifies()).thenComparing(Qualifier::name));
        return list;
    }

    /** The condition in words, in the caller's language. */
    public String say(PolicyCondition c) {
        return messages.get(
                "cultivation.policy.condition",
                messages.get("cultivation.policy.field." + c.field()),
                messages.get("cultivation.policy.op." + c.op()),
                c.value());
    }

    private Map<String, Object> facts(Organisation o) {
        List<YearFigures> years = figures.of(o.id());
        Stage stage = records.find(o.id()).map(CultivationRecord::stage).orElse(Stage.CANDIDATE);
        return PolicyMatch.facts(
                o.kind().name(), o.county(), o.industry(), stage, years.isEmpty() ? null : years.get(0));
    }

    private List<FieldError> check(Policy p) {
        List<FieldError> e = new ArrayList<>();
        if (p.title() == null || p.title().isBlank()) {
            e.add(new FieldError("title", messages.get("cultivation.input.required")));
        }
        if (p.issuer() == null || p.issuer().isBlank()) {
            e.add(new FieldError("issuer", messages.get("cultivation.input.required")));
        }
        if (p.benefit() == null || p.benefit().isBlank()) {
            e.add(new FieldError("benefit", messages.get("cultivation.input.required")));
        }
        if (p.validFrom() != null && p.validTo() != null && p.validTo().isBefore(p.validFrom())) {
            e.add(new FieldError("validTo", messages.get("cultivation.policy.validToBeforeFrom")));
        }
        if (p.conditions() == null || p.conditions().isEmpty()) {
            e.add(new FieldError("conditions", messages.get("cultivation.input.required")));
        } else {
            for (int i = 0; i < p.conditions().size(); i++) {
                String problem = p.conditions().get(i) == null
                        ? "cultivation.input.required"
                        : p.conditions().get(i).problem();
                if (problem != null) {
                    e.add(new FieldError("conditions[" + i + "]", messages.get(problem)));
                }
            }
        }
        return e;
    }

    private Policy map(ResultSet rs, int n) throws SQLException {
        return new Policy(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("issuer"),
                rs.getString("document_number"),
                date(rs, "valid_from"),
                date(rs, "valid_to"),
                rs.getString("benefit"),
                json.readValue(rs.getString("conditions"), CONDITIONS),
                rs.getBoolean("demo"),
                rs.getInt("version"));
    }

    private static LocalDate date(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }
}
