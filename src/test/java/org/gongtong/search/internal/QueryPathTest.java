package org.gongtong.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SearchHit;
import org.gongtong.search.SearchQuery;
import org.gongtong.search.SearchScope;
import org.gongtong.search.Visibility;
import org.junit.jupiter.api.Test;

/**
 * The faster query and indexing path ranks as the plain one did: one boosted clause per distinct
 * term scores as the repeated clauses, ids read from doc values are the stored ids, and a bulk
 * load in several threads gives the same hits and scores as adding one by one.
 */
class QueryPathTest {

    private static final String[] WORDS = {
        "复合材料", "层合板", "有限元", "冷库", "保鲜", "果蔬", "分布式", "异常检测", "通信开销", "负载均衡", "减压贮藏", "乙烯", "缝合", "刚度", "网格", "算法",
        "集群", "聚类", "传感器", "光伏", "的", "和"
    };

    /** First-pass scores only (no category re-ranking), so scores compare directly with plain Lucene. */
    private static final Ranker.Config FIRST_PASS = new Ranker.Config(0, 1, 100, 1.2f, 0.75f, 0.6, 0);

    private static final org.apache.lucene.search.similarities.BM25Similarity PLAIN_BM25 =
            new org.apache.lucene.search.similarities.BM25Similarity(1.2f, 0.75f);

    @Test
    void oneWeightedClausePerDistinctTermScoresAsRepeatedClauses() throws IOException {
        Random rnd = new Random(3);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            docs.add(doc(String.valueOf(i), rnd));
        }
        Ranker ranker = new Ranker(FIRST_PASS);
        try (LuceneEngine engine = LuceneEngine.inMemory(ranker);
                ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            engine.addAllNew(docs);
            engine.commit(Map.of());
            IndexWriterConfig config = new IndexWriterConfig(ranker.analyzer());
            // plain Lucene BM25 on the analysed text: the engine's bag of terms with its own norms must score the same
            config.setSimilarity(PLAIN_BM25);
            try (IndexWriter w = new IndexWriter(dir, config)) {
                for (SearchDocument d : docs) {
                    Document doc = new Document();
                    doc.add(new StringField(LuceneEngine.ID, d.id(), Field.Store.YES));
                    // analysed here from the text itself: the engine's replay of tokens analysed once must index the
                    // same
                    doc.add(new org.apache.lucene.document.TextField(
                            LuceneEngine.TEXT, Ranker.text(d), Field.Store.NO));
                    doc.add(new org.apache.lucene.document.TextField(Ranker.WORDS, Ranker.text(d), Field.Store.NO));
                    w.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher plain = new IndexSearcher(reader);
                plain.setSimilarity(PLAIN_BM25);
                int repeatedQueries = 0;
                for (int q = 0; q < 40; q++) {
                    String text = WORDS[rnd.nextInt(WORDS.length)] + WORDS[rnd.nextInt(WORDS.length)] + "的"
                            + WORDS[rnd.nextInt(WORDS.length)] + "和" + WORDS[rnd.nextInt(WORDS.length)];
                    // the query as it was built before: every token its own clause, repeats included
                    BooleanQuery.Builder b = new BooleanQuery.Builder();
                    List<String> terms = ranker.chinese().terms(text);
                    for (String t : terms) {
                        b.add(new TermQuery(new Term(LuceneEngine.TEXT, t)), Occur.SHOULD);
                    }
                    for (String t : Ranker.termsOf(ranker.analyzer(), text)) {
                        b.add(new BoostQuery(new TermQuery(new Term(Ranker.WORDS, t)), 0.6f), Occur.SHOULD);
                    }
                    if (terms.size() > Ranker.counted(terms).size()) {
                        repeatedQueries++;
                    }
                    ScoreDoc[] expected = plain.search(b.build(), 300).scoreDocs;
                    List<SearchHit> actual = engine.search(
                                    SearchQuery.of(text, SearchScope.ALL, 300), LuceneEngine.Agreement.NONE, false)
                            .hits();
                    assertThat(actual).hasSize(expected.length);
                    for (int i = 0; i < expected.length; i++) {
                        // same score (to float rounding) at every rank
                        assertThat((double) actual.get(i).score())
                                .as(text + " rank " + i)
                                .isCloseTo(expected[i].score, org.assertj.core.data.Percentage.withPercentage(1e-4));
                    }
                    List<String> expectedIds = new ArrayList<>();
                    for (ScoreDoc sd : expected) {
                        expectedIds.add(plain.storedFields().document(sd.doc).get(LuceneEngine.ID));
                    }
                    // and each document its own score
                    Map<String, Double> actualScores = new java.util.HashMap<>();
                    actual.forEach(h -> actualScores.put(h.id(), (double) h.score()));
                    assertThat(actualScores.keySet()).containsExactlyInAnyOrderElementsOf(expectedIds);
                    for (int i = 0; i < expected.length; i++) {
                        assertThat((double) actualScores.get(expectedIds.get(i)))
                                .isCloseTo(expected[i].score, org.assertj.core.data.Percentage.withPercentage(1e-4));
                    }
                }
                assertThat(repeatedQueries).isGreaterThan(10); // the merge of repeats was exercised
            }
        }
    }

    @Test
    void rankedIdsFromDocValuesAreTheStoredIdsInOrder() {
        Random rnd = new Random(5);
        try (LuceneEngine engine = LuceneEngine.inMemory(new Ranker())) {
            for (int i = 0; i < 200; i++) {
                engine.add(doc("r" + i, rnd));
                if (i % 50 == 49) {
                    engine.commit(Map.of()); // several segments
                }
            }
            engine.commit(Map.of());
            for (int q = 0; q < 20; q++) {
                String text = WORDS[rnd.nextInt(WORDS.length)] + WORDS[rnd.nextInt(WORDS.length)];
                List<String> fromSearch = engine
                        .search(SearchQuery.of(text, SearchScope.ALL, 100), LuceneEngine.Agreement.NONE, false)
                        .hits()
                        .stream()
                        .map(SearchHit::id)
                        .toList();
                assertThat(fromSearch).isNotEmpty();
                assertThat(engine.rankIds(text, 100)).as(text).isEqualTo(fromSearch);
            }
        }
    }

    @Test
    void bulkLoadInThreadsEqualsOneByOne() {
        Random rnd = new Random(9);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            docs.add(doc(String.valueOf(i), rnd));
        }
        try (LuceneEngine bulk = LuceneEngine.inMemory(new Ranker());
                LuceneEngine single = LuceneEngine.inMemory(new Ranker())) {
            bulk.addAllNew(docs);
            bulk.commit(Map.of());
            docs.forEach(single::addNew);
            single.commit(Map.of());
            assertThat(bulk.size()).isEqualTo(single.size()).isEqualTo(2500);
            for (int q = 0; q < 20; q++) {
                String text = WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)];
                SearchQuery query = SearchQuery.of(text, SearchScope.ALL, 2500);
                assertThat(byScoreThenId(bulk.search(query, LuceneEngine.Agreement.NONE, false)
                                .hits()))
                        .as(text)
                        .isEqualTo(byScoreThenId(single.search(query, LuceneEngine.Agreement.NONE, false)
                                .hits()));
            }
        }
    }

    /** Hits as "score id", ordered by score then id (ties may come in either index order). */
    private static List<String> byScoreThenId(List<SearchHit> hits) {
        return hits.stream()
                .sorted(Comparator.comparingDouble((SearchHit h) -> -h.score()).thenComparing(SearchHit::id))
                .map(h -> String.format("%.4f %s", h.score(), h.id()))
                .toList();
    }

    private static SearchDocument doc(String id, Random rnd) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            body.append(WORDS[rnd.nextInt(WORDS.length)]).append(i % 3 == 0 ? "，" : "");
        }
        return new SearchDocument(
                "result",
                id,
                WORDS[rnd.nextInt(WORDS.length)] + "技术",
                body.toString(),
                1L,
                Visibility.PUBLIC,
                "新材料",
                "ZONE-HTZ",
                Map.of("field", List.of(WORDS[rnd.nextInt(4)])),
                Map.of());
    }
}
