package org.gongtong.insight.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.insight.OrganisationNodes;
import org.gongtong.insight.internal.Graph;
import org.gongtong.platform.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/insight/graph")
@Tag(name = "Collaboration graph", description = "Organisations and the relations every module records")
class GraphApi {

    private final Graph graph;

    GraphApi(Graph graph) {
        this.graph = graph;
    }

    @GetMapping
    @Operation(
            summary = "The collaboration graph",
            description = "Filters: industry (code; either end in it), from/to (ISO dates of the relations)."
                    + " Links are merged per pair and kind, with count and amount.")
    Graph.View graph(
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return graph.graph(Actor.current().orElseThrow(), industry, date("from", from), date("to", to));
    }

    @GetMapping("/path")
    @Operation(
            summary = "Shortest path between two organisations",
            description = "from, to: organisation ids; the same filters as the graph. An empty path means"
                    + " not connected.")
    Graph.PathView path(
            @RequestParam("from") long fromOrganisation,
            @RequestParam("to") long toOrganisation,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until) {
        return graph.path(
                Actor.current().orElseThrow(),
                fromOrganisation,
                toOrganisation,
                industry,
                date("since", since),
                date("until", until));
    }

    @GetMapping("/organisations")
    @Operation(summary = "Organisations by name, for picking the ends of a path")
    List<OrganisationNodes.Node> organisations(@RequestParam String q) {
        return graph.find(Actor.current().orElseThrow(), q, 20);
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "insight.dateInvalid", value);
        }
    }
}
