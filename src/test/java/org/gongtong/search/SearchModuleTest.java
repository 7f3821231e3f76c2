package org.gongtong.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.market.Cooperation;
import org.gongtong.market.Market;
import org.gongtong.market.NeedForm;
import org.gongtong.market.ResultForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search module through its public API on the shared context: documents indexed, changed and
 * removed (directly, and by events applied only after their transaction commits), every query and
 * count scoped to the caller's visibility, and a full rebuild from the database giving the same
 * hits, scores and explanations as the incremental path.
 */
@IntegrationTest
class SearchModuleTest {

    @Autowired
    SearchIndex index;

    @Autowired
    Matching matching;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Market market;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    /** A word no other test's record contains (letters only, so the analyser keeps it whole). */
    private static String word() {
        StringBuilder sb = new StringBuilder("zq");
        String serial = Api.unique("w").substring(2);
        for (char c : serial.toCharArray()) {
            sb.append(Character.isDigit(c) ? (char) ('a' + (c - '0')) : c);
        }
        return sb.toString();
    }

    private static SearchDocument doc(String id, String title, String body, Long owner, Visibility v) {
        return new SearchDocument(
                "need", id, title, body, owner, v, "新材料", "ZONE-HTZ", Map.of("field", List.of("复合材料")), Map.of());
    }

    private List<String> ids(String text, SearchScope scope) {
        return index.search(SearchQuery.of(text, scope, 50, "need")).hits().stream()
                .map(SearchHit::id)
                .toList();
    }

    private void awaitRebuild() throws InterruptedException {
        long end = System.currentTimeMillis() + 120_000;
        while (index.status().rebuilding() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertThat(index.status().rebuilding()).as("rebuild finished").isFalse();
        assertThat(index.status().lastError()).isNull();
    }

    @Test
    void indexChangeAndRemoveAreVisibleToTheNextQuery() {
        String w = word();
        String id = w + "-1";
        index.index(doc(id, "碳纤维复合材料 " + w, "层合板缝合工艺", 1L, Visibility.PUBLIC));
        assertThat(ids(w, SearchScope.PUBLIC)).containsExactly(id);
        assertThat(index.get("need", id))
                .get()
                .extracting(SearchDocument::title)
                .isEqualTo("碳纤维复合材料 " + w);

        // changed: replaced, not added
        String w2 = word();
        index.index(doc(id, "玻璃纤维复合材料 " + w2, "层合板", 1L, Visibility.PUBLIC));
        assertThat(ids(w, SearchScope.PUBLIC)).isEmpty();
        assertThat(ids(w2, SearchScope.PUBLIC)).containsExactly(id);
        assertThat(index.count(SearchQuery.of(w2, SearchScope.PUBLIC, 10, "need")))
                .isEqualTo(1);

        index.delete("need", id);
        assertThat(ids(w2, SearchScope.PUBLIC)).isEmpty();
        assertThat(index.get("need", id)).isEmpty();
        index.delete("need", id); // absent: no-op
    }

    @Test
    void eventsApplyOnlyAfterTheirTransactionCommits() {
        String w = word();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            events.publishEvent(new SearchDocumentChanged(doc(w, "回滚 " + w, "正文", 1L, Visibility.PUBLIC)));
            assertThat(ids(w, SearchScope.PUBLIC)).as("not before the commit").isEmpty();
            status.setRollbackOnly();
        });
        assertThat(ids(w, SearchScope.PUBLIC)).as("never after a rollback").isEmpty();
        tx.executeWithoutResult(status ->
                events.publishEvent(new SearchDocumentChanged(doc(w, "提交 " + w, "正文", 1L, Visibility.PUBLIC))));
        assertThat(ids(w, SearchScope.PUBLIC)).containsExactly(w);
        tx.executeWithoutResult(status -> events.publishEvent(new SearchDocumentRemoved("need", w)));
        assertThat(ids(w, SearchScope.PUBLIC)).isEmpty();
    }

    @Test
    void queriesAndCountsAreScopedToTheCaller() {
        String w = word();
        long owner = 900_000_000L + (System.nanoTime() % 1_000_000L);
        index.index(doc(w + "-pub", "公开 " + w, "正文", owner, Visibility.PUBLIC));
        index.index(doc(w + "-mem", "会员 " + w, "正文", owner, Visibility.MEMBERS));
        index.index(doc(w + "-sec", "保密 " + w, "正文", owner, Visibility.INSTITUTE_ONLY));
        try {
            SearchScope anonymous = SearchScope.PUBLIC;
            SearchScope otherMember = new SearchScope(true, owner + 1, false);
            SearchScope ownOrganisation = new SearchScope(true, owner, false);
            SearchScope broker = SearchScope.of(new Actor(7, "b", "b", Role.SERVICE_USER, owner + 2, null));
            assertThat(ids(w, anonymous)).containsExactly(w + "-pub");
            assertThat(ids(w, otherMember)).containsExactlyInAnyOrder(w + "-pub", w + "-mem");
            assertThat(ids(w, ownOrganisation)).containsExactlyInAnyOrder(w + "-pub", w + "-mem", w + "-sec");
            assertThat(ids(w, broker)).containsExactlyInAnyOrder(w + "-pub", w + "-mem", w + "-sec");
            assertThat(index.count(SearchQuery.of(w, anonymous, 10, "need"))).isEqualTo(1);
            assertThat(index.count(SearchQuery.of(w, otherMember, 10, "need"))).isEqualTo(2);
            assertThat(index.search(SearchQuery.of(w, otherMember, 10, "need")).total())
                    .isEqualTo(2);
            assertThat(index.count(SearchQuery.of(w, SearchScope.ALL, 10, "need")))
                    .isEqualTo(3);
            // matching is scoped the same way
            assertThat(matching.match(Matching.MatchRequest.of(w, null, otherMember, 10, "need")))
                    .extracting(SearchHit::id)
                    .doesNotContain(w + "-sec");
            assertThat(matching.institutions(Matching.MatchRequest.of(w, null, anonymous, 10, "need")))
                    .allSatisfy(i ->
                            assertThat(i.records()).extracting(SearchHit::id).containsExactly(w + "-pub"));
        } finally {
            for (String s : List.of("-pub", "-mem", "-sec")) {
                index.delete("need", w + s);
            }
        }
    }

    @Test
    void aRebuildFromTheDatabaseGivesTheIncrementalResults() throws Exception {
        // start from the database's own state (other tests index documents without records)
        assertThat(index.rebuild() || index.status().rebuilding()).isTrue();
        awaitRebuild();

        long org = api.createOrganisation("ENTERPRISE", "ZONE-HTZ");
        long uni = api.createOrganisation("UNIVERSITY", "ZONE-HTZ");
        Actor admin = new Actor(1, "admin", "admin", Role.ADMIN, null, null);
        String w = word();
        String[] topics = {"冷库果蔬减压贮藏保鲜", "碳纤维复合材料层合板缝合", "分布式集群负载均衡", "光伏组件异常检测"};
        Visibility[] vis = Visibility.values();
        for (int i = 0; i < 12; i++) {
            String topic = topics[i % topics.length];
            market.createResult(
                    new ResultForm(
                            topic + " 成果" + i + " " + w,
                            topic + "技术，" + topics[(i + 1) % topics.length] + "，" + w,
                            1 + i % 9,
                            null,
                            i % 2 == 0 ? "新材料" : "现代高效农业",
                            "领域" + (i % 3),
                            List.of(Cooperation.values()[i % Cooperation.values().length]),
                            new BigDecimal("1000"),
                            null,
                            vis[i % vis.length],
                            uni),
                    admin);
            market.createNeed(
                    new NeedForm(
                            topic + " 需求" + i + " " + w,
                            "企业希望解决" + topic + "的问题 " + w,
                            i % 2 == 0 ? "新材料" : "现代高效农业",
                            "领域" + (i % 3),
                            null,
                            null,
                            List.of(Cooperation.TRANSFER),
                            null,
                            vis[(i + 1) % vis.length],
                            org),
                    admin);
        }
        List<SearchScope> scopes = List.of(
                SearchScope.PUBLIC,
                new SearchScope(true, org + 1, false),
                new SearchScope(true, org, false),
                SearchScope.ALL);
        List<String> incremental = snapshot(w, topics, scopes);
        assertThat(incremental).anyMatch(s -> s.contains("match ")); // there are hits to compare

        assertThat(index.rebuild()).isTrue();
        awaitRebuild();
        assertThat(snapshot(w, topics, scopes)).isEqualTo(incremental);
    }

    /**
     * Hits (id, score, matched terms) and totals of a set of queries, for each scope. Hits of equal
     * score are listed by id: their order among themselves follows Lucene's internal document
     * numbers, which differ between an index built record by record and one rebuilt at once. The
     * limits exceed the matching records, so no tie is cut at the end of a page.
     */
    private List<String> snapshot(String w, String[] topics, List<SearchScope> scopes) {
        List<String> out = new ArrayList<>();
        for (SearchScope scope : scopes) {
            for (String topic : topics) {
                SearchQuery q = new SearchQuery(
                        topic + " " + w, Set.of("need", "result"), null, null, Map.of(), List.of(), scope, 0, 100);
                SearchResults r = index.search(q);
                assertThat(r.total()).isLessThan(100);
                out.add(scope + " " + topic + " total=" + r.total() + " count=" + index.count(q));
                out.addAll(sorted(
                        r.hits(), h -> h.type() + ":" + h.id() + h.explanation().matchedTerms()));
                List<SearchHit> matched = matching.match(new Matching.MatchRequest(
                        topic + " " + w,
                        "新材料",
                        Map.of("field", List.of("领域1")),
                        Set.of("result"),
                        Map.of(),
                        List.of(),
                        null,
                        null,
                        scope,
                        100));
                out.addAll(sorted(matched, h -> "match " + h.id() + h.explanation()));
            }
        }
        return out;
    }

    /** Hits best first as "score text", equal scores in the order of their text. */
    private static List<String> sorted(List<SearchHit> hits, java.util.function.Function<SearchHit, String> text) {
        return hits.stream()
                .sorted(java.util.Comparator.comparingDouble((SearchHit h) -> -h.score())
                        .thenComparing(text))
                .map(h -> String.format("%.4f ", h.score()) + text.apply(h))
                .toList();
    }
}
