package org.gongtong.search.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.search.IndexStatus;
import org.gongtong.search.SearchIndex;
import org.gongtong.search.SearchQuery;
import org.gongtong.search.SearchResults;
import org.gongtong.search.SearchScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Full-text search over every module's records, scoped to the caller")
class SearchApi {

    private final SearchIndex index;

    SearchApi(SearchIndex index) {
        this.index = index;
    }

    @GetMapping
    @Operation(summary = "Hits with explanations; filters type (repeatable), industry, county; paging offset/limit")
    SearchResults search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Set<String> type,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String county,
            @RequestParam(required = false, defaultValue = "0") int offset,
            @RequestParam(required = false, defaultValue = "20") int limit) {
        return index.search(new SearchQuery(
                q,
                type,
                industry,
                county,
                null,
                null,
                SearchScope.of(Actor.current().orElse(null)),
                offset,
                Math.min(limit, 200)));
    }

    @GetMapping("/status")
    IndexStatus status() {
        admin();
        return index.status();
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Starts a full rebuild in the background (administrators); false if one is running")
    boolean rebuild() {
        admin();
        return index.rebuild();
    }

    private static void admin() {
        if (!Actor.current().map(Actor::isAdmin).orElse(false)) {
            throw DomainException.forbidden("problem.forbidden");
        }
    }
}
