package org.gongtong.market;

import java.time.LocalDate;
import java.util.List;
import org.gongtong.insight.CollaborationEdges;
import org.springframework.stereotype.Component;

/** Registered technology contracts as seller → buyer edges of the collaboration graph. */
@Component
class ContractEdges implements CollaborationEdges {

    private final TechContracts contracts;

    ContractEdges(TechContracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public List<Edge> edges(LocalDate from, LocalDate to) {
        return contracts.edges(from, to);
    }
}
