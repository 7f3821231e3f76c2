package org.gongtong.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.OrganisationNodes;
import org.gongtong.platform.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's part of the collaboration graph: organisations as nodes, and group seats as
 * MEMBERSHIP edges from the member's organisation to the organisation hosting the group's office
 * (the leading group's members to 市科技局, say).
 */
@Component
class RegistryGraph implements OrganisationNodes, CollaborationEdges {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final Registry registry;

    RegistryGraph(JdbcClient jdbc, Registry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Node> nodes(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.addAll(jdbc.sql(
                            "SELECT id, name, kind, county_code, industry_code FROM organisation WHERE id IN (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .query((rs, n) ->
                            new Node(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                    .list());
        }
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Node> find(String q, int limit) {
        return registry
                .search(new OrganisationCriteria(q, null, null, null, null), PageRequest.of(0, limit))
                .content()
                .stream()
                .map(o -> new Node(o.id(), o.name(), o.kind().name(), o.county(), o.industry()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Edge> edges(LocalDate from, LocalDate to) {
        String sql = """
                SELECT p.organisation_id, o.host_organisation_id, m.term_start
                FROM group_membership m
                JOIN person p ON p.id = m.person_id
                JOIN group_office o ON o.group_id = m.group_id
                WHERE p.organisation_id IS NOT NULL AND o.host_organisation_id IS NOT NULL
                  AND p.organisation_id <> o.host_organisation_id"""
                + (from == null ? "" : " AND (m.term_start IS NULL OR m.term_start >= :from)")
                + (to == null ? "" : " AND (m.term_start IS NULL OR m.term_start <= :to)");
        var spec = jdbc.sql(sql);
        if (from != null) {
            spec = spec.param("from", from);
        }
        if (to != null) {
            spec = spec.param("to", to);
        }
        return spec.query((rs, n) ->
                        new Edge(rs.getLong(1), rs.getLong(2), "MEMBERSHIP", null, rs.getObject(3, LocalDate.class)))
                .list();
    }
}
