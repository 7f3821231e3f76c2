package org.gongtong.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SearchHit;
import org.gongtong.search.SearchQuery;
import org.gongtong.search.SearchScope;
import org.gongtong.search.Visibility;
import org.junit.jupiter.api.Test;

/**
 * The incremental path (documents added, replaced and deleted one by one, as after each commit) and
 * the rebuild path (the final documents loaded at once) give the same hits, scores, order and
 * explanations (also through the learned category model, which forgets replaced documents).
 */
class RebuildConsistencyTest {

    private static final String[] WORDS = {
        "复合材料", "层合板", "有限元", "冷库", "保鲜", "果蔬", "分布式", "异常检测", "通信开销", "负载均衡",
        "减压贮藏", "乙烯", "缝合", "刚度", "网格", "算法", "集群", "聚类", "传感器", "光伏"
    };

    @Test
    void incrementalUpdatesAndAFullRebuildRankAlike() {
        Random rnd = new Random(7);
        Map<String, SearchDocument> current = new LinkedHashMap<>();
        try (LuceneEngine incremental = LuceneEngine.inMemory(new Ranker());
                LuceneEngine rebuilt = LuceneEngine.inMemory(new Ranker())) {
            for (int step = 0; step < 200; step++) {
                String id = String.valueOf(rnd.nextInt(120));
                if (rnd.nextInt(10) == 0 && current.containsKey(id)) {
                    current.remove(id);
                    incremental.delete("result", id);
                } else {
                    SearchDocument d = doc(id, rnd);
                    current.put(id, d);
                    incremental.add(d);
                }
                incremental.expungeDeletesIfSmall(); // what LuceneSearchIndex does after each commit
            }
            rebuilt.addAllNew(new ArrayList<>(current.values()));
            rebuilt.commit(Map.of());
            assertThat(incremental.size()).isEqualTo(rebuilt.size()).isEqualTo(current.size());
            for (int q = 0; q < 30; q++) {
                String text = WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)];
                SearchQuery query = SearchQuery.of(text, SearchScope.PUBLIC, 20);
                assertThat(hits(incremental
                                .search(query, LuceneEngine.Agreement.NONE, true)
                                .hits()))
                        .as(text)
                        .isEqualTo(hits(rebuilt.search(query, LuceneEngine.Agreement.NONE, true)
                                .hits()));
                assertThat(incremental.count(query)).isEqualTo(rebuilt.count(query));
            }
        }
    }

    @Test
    void anIndexOfAnotherAnalysisVersionIsEmptiedSoNewDocumentsFit(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // an index as written before ADR 0063: the text field with positions, and its version in the commit data
        try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(dir);
                org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(
                        d, new org.apache.lucene.index.IndexWriterConfig(new ChineseAnalyzer()))) {
            org.apache.lucene.document.Document old = new org.apache.lucene.document.Document();
            old.add(new org.apache.lucene.document.TextField(
                    LuceneEngine.TEXT, "传感器网格", org.apache.lucene.document.Field.Store.NO));
            w.addDocument(old);
            w.setLiveCommitData(Map.of("gongtong.analysis", "cjk-uni-bi-1/old").entrySet());
            w.commit();
        }
        SearchDocument d = doc("1", new Random(1));
        try (LuceneEngine engine = LuceneEngine.open(dir, new Ranker())) {
            // without emptying, Lucene refuses the changed field options
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> engine.add(d));
        }
        try (LuceneEngine engine = LuceneEngine.open(dir, new Ranker())) {
            assertThat(engine.discardIfVersionDiffers("gongtong.analysis")).isTrue();
            engine.add(d);
            engine.refresh();
            assertThat(engine.size()).isEqualTo(1);
            assertThat(engine.discardIfVersionDiffers("no.such.key")).isFalse();
        }
    }

    /**
     * The hits as id@score[terms]; records with equal scores in id order, since the two indexes hold
     * the records in different internal orders, which is how Lucene breaks ties.
     */
    private static List<String> hits(List<SearchHit> hits) {
        return hits.stream()
                .sorted(java.util.Comparator.comparing((SearchHit h) -> -h.score())
                        .thenComparing(SearchHit::id))
                .map(h -> h.id() + "@" + String.format("%.4f", h.score())
                        + h.explanation().matchedTerms())
                .toList();
    }

    private static SearchDocument doc(String id, Random rnd) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            body.append(WORDS[rnd.nextInt(WORDS.length)]).append(i % 3 == 0 ? "，" : "");
        }
        Visibility v = Visibility.values()[rnd.nextInt(3)];
        return new SearchDocument(
                "result",
                id,
                WORDS[rnd.nextInt(WORDS.length)] + "技术",
                body.toString(),
                1L,
                v,
                "新材料",
                "ZONE-HTZ",
                Map.of("field", List.of(WORDS[rnd.nextInt(4)])),
                Map.of("trl", (long) (1 + rnd.nextInt(9))));
    }
}
