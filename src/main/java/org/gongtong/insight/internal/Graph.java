package org.gongtong.insight.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongtong.identity.Actor;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.OrganisationNodes;
import org.gongtong.platform.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The collaboration graph: the edges every module contributes ({@link CollaborationEdges}),
 * merged per pair of organisations and relation kind (count and amount summed), and the
 * organisations they touch as nodes coloured by element. Filters: industry (either end in it) and
 * period (the edge's date).
 */
@Service
public class Graph {

    /** A merged relation between two organisations: how many records, how much money. */
    public record Link(long source, long target, String kind, long count, BigDecimal amount) {

        /** The weight drawn: the amount in ten-thousands of yuan when there is money, else the count. */
        public double weight() {
            return amount.signum() > 0 ? amount.doubleValue() / 10_000 : count;
        }
    }

    public record View(List<OrganisationNodes.Node> nodes, List<Link> links) {}

    public record PathView(List<OrganisationNodes.Node> path, List<Link> links) {}

    private final ObjectProvider<CollaborationEdges> sources;
    private final OrganisationNodes organisations;

    Graph(ObjectProvider<CollaborationEdges> sources, OrganisationNodes organisations) {
        this.sources = sources;
        this.organisations = organisations;
    }

    public View graph(Actor actor, String industry, LocalDate from, LocalDate to) {
        if (!Access.seesCity(actor)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Map<String, Link> merged = new LinkedHashMap<>();
        Set<Long> ids = new LinkedHashSet<>();
        for (CollaborationEdges source : sources.orderedStream().toList()) {
            for (CollaborationEdges.Edge e : source.edges(from, to)) {
                if (e.fromOrganisation() == e.toOrganisation()) {
                    continue;
                }
                long a = Math.min(e.fromOrganisation(), e.toOrganisation());
                long b = Math.max(e.fromOrganisation(), e.toOrganisation());
                String key = a + "-" + b + "-" + e.kind();
                Link old = merged.get(key);
                BigDecimal amount = e.amount() == null ? BigDecimal.ZERO : e.amount();
                merged.put(
                        key,
                        old == null
                                ? new Link(a, b, e.kind(), 1, amount)
                                : new Link(
                                        a,
                                        b,
                                        e.kind(),
                                        old.count() + 1,
                                        old.amount().add(amount)));
                ids.add(a);
                ids.add(b);
            }
        }
        Map<Long, OrganisationNodes.Node> nodes = new HashMap<>();
        organisations.nodes(ids).forEach(n -> nodes.put(n.id(), n));
        List<Link> links = new ArrayList<>();
        for (Link l : merged.values()) {
            OrganisationNodes.Node s = nodes.get(l.source());
            OrganisationNodes.Node t = nodes.get(l.target());
            if (s == null || t == null) {
                continue;
            }
            if (industry != null
                    && !industry.isBlank()
                    && !industry.equals(s.industry())
                    && !industry.equals(t.industry())) {
                continue;
            }
            links.add(l);
        }
        Set<Long> used = new LinkedHashSet<>();
        links.forEach(l -> {
            used.add(l.source());
            used.add(l.target());
        });
        List<OrganisationNodes.Node> shown = used.stream()
                .map(nodes::get)
                .sorted(java.util.Comparator.comparing(OrganisationNodes.Node::id))
                .toList();
        return new View(shown, links);
    }

    /** The shortest path between two organisations in the (filtered) graph; empty when unconnected. */
    public PathView path(Actor actor, long from, long to, String industry, LocalDate since, LocalDate until) {
        View g = graph(actor, industry, since, until);
        List<long[]> pairs =
                g.links().stream().map(l -> new long[] {l.source(), l.target()}).toList();
        List<Long> ids = new PathFinder(pairs).shortestPath(from, to);
        Map<Long, OrganisationNodes.Node> byId = new HashMap<>();
        g.nodes().forEach(n -> byId.put(n.id(), n));
        List<Link> steps = new ArrayList<>();
        for (int i = 0; i + 1 < ids.size(); i++) {
            long a = Math.min(ids.get(i), ids.get(i + 1));
            long b = Math.max(ids.get(i), ids.get(i + 1));
            g.links().stream()
                    .filter(l -> l.source() == a && l.target() == b)
                    .findFirst()
                    .ifPresent(steps::add);
        }
        return new PathView(ids.stream().map(byId::get).toList(), steps);
    }

    public List<OrganisationNodes.Node> find(Actor actor, String q, int limit) {
        if (!Access.seesCity(actor)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return q == null || q.isBlank() ? List.of() : organisations.find(q.strip(), limit);
    }
}
