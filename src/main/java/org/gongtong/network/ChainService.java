package org.gongtong.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nine industries' chains (S14): nodes upstream → midstream → downstream, each with its local
 * enterprises and R&D institutions, open bottlenecks, known supply and a status 强链/补链/延链
 * ({@code STRONG / GAP / EXTEND}). Anyone signed in reads them; the office and the institute edit.
 */
@Service
public class ChainService {

    public enum Stage {
        UPSTREAM,
        MIDSTREAM,
        DOWNSTREAM
    }

    public enum NodeStatus {
        STRONG,
        GAP,
        EXTEND
    }

    /** A node with the live counts of the organisations and institutions on it. */
    public record Node(
            long id,
            String industry,
            Stage stage,
            String name,
            NodeStatus status,
            String bottlenecks,
            String supply,
            int sortOrder,
            long enterprises,
            long institutions,
            List<String> members) {}

    public record NodeForm(
            String stage, String name, String status, String bottlenecks, String supply, Integer sortOrder) {}

    private final JdbcClient jdbc;
    private final InstitutionService lookups;
    private final AuditLog audit;
    private final Messages messages;

    ChainService(JdbcClient jdbc, InstitutionService lookups, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.lookups = lookups;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public List<Node> chain(String industry) {
        String code = lookups.industryCode(industry);
        if (code == null) {
            throw DomainException.invalid("industry", "network.required");
        }
        Map<Long, List<String>> names = new LinkedHashMap<>();
        Map<Long, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT m.node_id, m.organisation_id, m.institution_id, o.name, i.name
                        FROM chain_node_member m JOIN chain_node n ON n.id = m.node_id
                        LEFT JOIN organisation o ON o.id = m.organisation_id
                        LEFT JOIN rnd_institution i ON i.id = m.institution_id
                        WHERE n.industry_code = :ind ORDER BY m.node_id""").param("ind", code).query(rs -> {
            long node = rs.getLong(1);
            long[] c = counts.computeIfAbsent(node, k -> new long[2]);
            if (rs.getLong(2) != 0) {
                c[0]++;
                names.computeIfAbsent(node, k -> new ArrayList<>()).add(rs.getString(4));
            } else {
                c[1]++;
                names.computeIfAbsent(node, k -> new ArrayList<>()).add(rs.getString(5));
            }
        });
        return jdbc.sql("""
                        SELECT id, industry_code, stage, name, status, bottlenecks, supply, sort_order FROM chain_node
                        WHERE industry_code = :ind ORDER BY CASE stage WHEN 'UPSTREAM' THEN 0 WHEN 'MIDSTREAM' THEN 1
                          ELSE 2 END, sort_order, id""")
                .param("ind", code)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    long[] c = counts.getOrDefault(id, new long[2]);
                    return new Node(
                            id,
                            rs.getString(2),
                            Stage.valueOf(rs.getString(3)),
                            rs.getString(4),
                            NodeStatus.valueOf(rs.getString(5)),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getInt(8),
                            c[0],
                            c[1],
                            names.getOrDefault(id, List.of()));
                })
                .list();
    }

    @Transactional
    public long addNode(String industry, NodeForm form, Actor actor) {
        return addNode(industry, form, actor, false);
    }

    @Transactional
    public long addNode(String industry, NodeForm form, Actor actor, boolean demo) {
        NetworkAccess.requireManager(actor);
        String code = lookups.industryCode(industry);
        if (code == null) {
            throw DomainException.invalid("industry", "network.required");
        }
        Stage stage = InstitutionService.parse(Stage.class, form.stage(), "stage");
        NodeStatus status = InstitutionService.parse(NodeStatus.class, form.status(), "status");
        List<FieldError> errors = new ArrayList<>();
        if (form.name() == null || form.name().isBlank()) {
            errors.add(new FieldError("name", messages.get("network.required")));
        }
        if (stage == null) {
            errors.add(new FieldError("stage", messages.get("network.required")));
        }
        if (status == null) {
            errors.add(new FieldError("status", messages.get("network.required")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO chain_node (industry_code, stage, name, status, bottlenecks, supply, sort_order, demo)
                        VALUES (:ind, :stage, :name, :status, :b, :s, :o, :demo)""")
                .param("ind", code)
                .param("stage", stage.name())
                .param("name", form.name().strip())
                .param("status", status.name())
                .param("b", form.bottlenecks())
                .param("s", form.supply())
                .param("o", form.sortOrder() == null ? 0 : form.sortOrder())
                .param("demo", demo)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(
                "CHAIN_NODE_ADDED",
                "chain_node",
                id,
                null,
                Map.of("industry", code, "name", form.name().strip(), "status", status));
        return id;
    }

    /** Changes a node's status (强链/补链/延链), bottlenecks and supply. */
    @Transactional
    public void updateNode(long id, String status, String bottlenecks, String supply, Actor actor) {
        NetworkAccess.requireManager(actor);
        NodeStatus s = InstitutionService.parse(NodeStatus.class, status, "status");
        if (s == null) {
            throw DomainException.invalid("status", "network.required");
        }
        String before = jdbc.sql("SELECT status FROM chain_node WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("network.notFound"));
        jdbc.sql("UPDATE chain_node SET status = :s, bottlenecks = :b, supply = :p WHERE id = :id")
                .param("s", s.name())
                .param("b", bottlenecks)
                .param("p", supply)
                .param("id", id)
                .update();
        audit.record("CHAIN_NODE_STATUS", "chain_node", id, Map.of("status", before), Map.of("status", s));
    }

    /** Puts a registry organisation or an R&D institution on a node. */
    @Transactional
    public void link(long nodeId, Long organisationId, Long institutionId, Actor actor) {
        NetworkAccess.requireManager(actor);
        if ((organisationId == null) == (institutionId == null)) {
            throw DomainException.invalid("organisationId", "network.chain.oneOf");
        }
        long existing = jdbc.sql("""
                        SELECT COUNT(*) FROM chain_node_member WHERE node_id = :n AND organisation_id = :o
                          AND institution_id = :i""")
                .param("n", nodeId)
                .param("o", organisationId == null ? 0 : organisationId)
                .param("i", institutionId == null ? 0 : institutionId)
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        jdbc.sql("INSERT INTO chain_node_member (node_id, organisation_id, institution_id) VALUES (:n, :o, :i)")
                .param("n", nodeId)
                .param("o", organisationId == null ? 0 : organisationId)
                .param("i", institutionId == null ? 0 : institutionId)
                .update();
        audit.record(
                "CHAIN_NODE_LINKED",
                "chain_node",
                nodeId,
                null,
                Map.of(
                        "organisationId", organisationId == null ? 0 : organisationId,
                        "institutionId", institutionId == null ? 0 : institutionId));
    }

    boolean hasDemo() {
        return jdbc.sql("SELECT COUNT(*) FROM chain_node WHERE demo = TRUE")
                        .query(Long.class)
                        .single()
                > 0;
    }

    int deleteDemo() {
        jdbc.sql("DELETE FROM chain_node_member WHERE node_id IN (SELECT id FROM chain_node WHERE demo = TRUE)")
                .update();
        jdbc.sql(
                        "DELETE FROM chain_node_member WHERE organisation_id IN (SELECT id FROM organisation WHERE demo = TRUE)")
                .update();
        return jdbc.sql("DELETE FROM chain_node WHERE demo = TRUE").update();
    }
}
