package org.gongtong.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SearchHit;
import org.gongtong.search.SearchQuery;
import org.gongtong.search.SearchScope;
import org.gongtong.search.Visibility;
import org.junit.jupiter.api.Test;

/** Confidential records never appear in others' hits or counts; filters and explanations work. */
class ScopeTest {

    @Test
    void visibilityFiltersAndExplanations() {
        try (LuceneEngine e = LuceneEngine.inMemory(new Ranker())) {
            e.add(doc("1", 10L, Visibility.PUBLIC, 7));
            e.add(doc("2", 10L, Visibility.MEMBERS, 4));
            e.add(doc("3", 10L, Visibility.INSTITUTE_ONLY, 8));
            e.refresh();
            assertThat(ids(e, SearchScope.PUBLIC)).containsExactlyInAnyOrder("1");
            assertThat(ids(e, new SearchScope(true, 99L, false))).containsExactlyInAnyOrder("1", "2");
            assertThat(ids(e, new SearchScope(true, 10L, false))).containsExactlyInAnyOrder("1", "2", "3");
            assertThat(ids(e, SearchScope.ALL)).containsExactlyInAnyOrder("1", "2", "3");
            assertThat(e.count(SearchQuery.of("冷库保鲜", new SearchScope(true, 99L, false), 10)))
                    .isEqualTo(2);
            SearchQuery trl = new SearchQuery(
                    "冷库保鲜",
                    null,
                    null,
                    null,
                    null,
                    List.of(new SearchQuery.Range("trl", 6L, null)),
                    SearchScope.ALL,
                    0,
                    10);
            assertThat(e.search(trl, LuceneEngine.Agreement.NONE, false).hits())
                    .extracting(SearchHit::id)
                    .containsExactlyInAnyOrder("1", "3");
            SearchHit hit = e.search(
                            SearchQuery.of("冷库果蔬保鲜期短", SearchScope.PUBLIC, 1),
                            new LuceneEngine.Agreement("农业", Map.of("field", List.of("保鲜")), null),
                            true)
                    .hits()
                    .get(0);
            assertThat(hit.explanation().matchedTerms()).contains("冷库");
            assertThat(String.join(" ", hit.explanation().matchedTerms())).contains("果蔬", "保鲜");
            assertThat(hit.explanation().industryMatch()).isTrue();
            assertThat(hit.explanation().fieldMatches()).containsExactly("field=保鲜");
            e.delete("result", "1");
            e.refresh();
            assertThat(ids(e, SearchScope.PUBLIC)).isEmpty();
        }
    }

    private static List<String> ids(LuceneEngine e, SearchScope scope) {
        return e.search(SearchQuery.of("冷库保鲜", scope, 10), LuceneEngine.Agreement.NONE, false).hits().stream()
                .map(SearchHit::id)
                .toList();
    }

    private static SearchDocument doc(String id, Long owner, Visibility v, long trl) {
        return new SearchDocument(
                "result",
                id,
                "果蔬冷库保鲜技术",
                "减压贮藏延长果蔬保鲜期",
                owner,
                v,
                "农业",
                null,
                Map.of("field", List.of("保鲜")),
                Map.of("trl", trl));
    }
}
