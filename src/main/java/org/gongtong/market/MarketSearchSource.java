package org.gongtong.market;

import java.util.Set;
import java.util.function.Consumer;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SearchDocumentSource;
import org.springframework.stereotype.Component;

/** Needs, results and experts for full index rebuilds. */
@Component
class MarketSearchSource implements SearchDocumentSource {

    private final Needs needs;
    private final Results results;
    private final Experts experts;

    MarketSearchSource(Needs needs, Results results, Experts experts) {
        this.needs = needs;
        this.results = results;
        this.experts = experts;
    }

    @Override
    public Set<String> types() {
        return Set.of(Market.NEED, Market.RESULT, Market.EXPERT);
    }

    @Override
    public long count() {
        return needs.count() + results.count() + experts.count();
    }

    @Override
    public void forEach(Consumer<SearchDocument> sink) {
        needs.forEach(n -> sink.accept(Market.document(n)));
        results.forEach(r -> sink.accept(Market.document(r)));
        experts.forEach(e -> sink.accept(Market.document(e)));
    }
}
