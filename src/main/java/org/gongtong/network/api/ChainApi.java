package org.gongtong.network.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.network.ChainService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/chains")
@Tag(name = "Industry chains", description = "The nine industries' chains: nodes, status 强链/补链/延链, local organisations")
class ChainApi {

    private final ChainService chains;

    ChainApi(ChainService chains) {
        this.chains = chains;
    }

    record StatusBody(String status, String bottlenecks, String supply) {}

    record LinkBody(Long organisationId, Long institutionId) {}

    @GetMapping("/{industry}")
    @Operation(summary = "The chain of one industry (code or name) with live counts per node")
    List<ChainService.Node> chain(@PathVariable String industry) {
        return chains.chain(industry);
    }

    @PostMapping("/{industry}/nodes")
    Map<String, Long> addNode(@PathVariable String industry, @RequestBody ChainService.NodeForm form) {
        return Map.of("id", chains.addNode(industry, form, Actor.current().orElseThrow()));
    }

    @PutMapping("/nodes/{id}")
    void update(@PathVariable long id, @RequestBody StatusBody body) {
        chains.updateNode(
                id,
                body.status(),
                body.bottlenecks(),
                body.supply(),
                Actor.current().orElseThrow());
    }

    @PostMapping("/nodes/{id}/members")
    void link(@PathVariable long id, @RequestBody LinkBody body) {
        chains.link(
                id, body.organisationId(), body.institutionId(), Actor.current().orElseThrow());
    }
}
