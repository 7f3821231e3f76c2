package org.gongtong.insight.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.insight.OrganisationNodes;
import org.gongtong.insight.internal.Graph;
import org.gongtong.platform.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The collaboration graph page (ECharts graph series) with the shortest-path finder. */
@Controller
@RequestMapping("/insight/graph")
class GraphPage {

    static final List<String> KINDS =
            List.of("GOVERNMENT", "ENTERPRISE", "UNIVERSITY", "RESEARCH", "FINANCE", "SERVICE", "USER");

    private final Graph graph;
    private final Messages messages;

    GraphPage(Graph graph, Messages messages) {
        this.graph = graph;
        this.messages = messages;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String a,
            @RequestParam(required = false) String b,
            Model model) {
        Actor actor = Actor.current().orElseThrow();
        LocalDate since = date(from);
        LocalDate until = date(to);
        Graph.View view = graph.graph(actor, industry, since, until);
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (OrganisationNodes.Node n : view.nodes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", String.valueOf(n.id()));
            m.put("name", n.name());
            m.put("category", Math.max(0, KINDS.indexOf(n.kind())));
            nodes.add(m);
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (Graph.Link l : view.links()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", String.valueOf(l.source()));
            m.put("target", String.valueOf(l.target()));
            m.put("value", l.weight());
            m.put("kind", l.kind());
            links.add(m);
        }
        model.addAttribute("nodes", nodes);
        model.addAttribute("links", links);
        model.addAttribute(
                "categories",
                KINDS.stream()
                        .map(k -> Map.of("name", messages.get("insight.kind." + k)))
                        .toList());
        model.addAttribute("view", view);
        model.addAttribute("industry", industry);
        model.addAttribute("from", since);
        model.addAttribute("to", until);
        model.addAttribute("a", a);
        model.addAttribute("b", b);
        if (a != null && !a.isBlank() && b != null && !b.isBlank()) {
            Long ia = pick(actor, a);
            Long ib = pick(actor, b);
            if (ia == null || ib == null) {
                model.addAttribute("pathError", messages.get("insight.path.unknown"));
            } else {
                Graph.PathView path = graph.path(actor, ia, ib, industry, since, until);
                model.addAttribute("path", path);
                model.addAttribute(
                        "pathIds",
                        path.path().stream().map(n -> String.valueOf(n.id())).toList());
            }
        }
        return "insight/graph";
    }

    /** An organisation id, or the first organisation whose name contains the text. */
    private Long pick(Actor actor, String text) {
        String t = text.strip();
        if (t.matches("\\d{1,18}")) {
            return Long.valueOf(t);
        }
        List<OrganisationNodes.Node> found = graph.find(actor, t, 1);
        return found.isEmpty() ? null : found.get(0).id();
    }

    private static LocalDate date(String v) {
        try {
            return v == null || v.isBlank() ? null : LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
