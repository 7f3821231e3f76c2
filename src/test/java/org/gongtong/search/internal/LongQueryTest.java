package org.gongtong.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.assertj.core.data.Percentage;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.Visibility;
import org.junit.jupiter.api.Test;

/**
 * Long queries in two stages score every record they return with its full BM25 score, rank as the
 * single Lucene query does when every record is a candidate, and keep to the filter; forward lists
 * read back what was written.
 */
class LongQueryTest {

    /** Common characters (in most records) and rarer words (in a few). */
    private static final String COMMON = "的是在和了有技术研究方法分析系统设计数据应用";

    /** Rare words: 1,500 random pairs of characters (each in ~1 % of the records). */
    private static final String[] RARE = rareWords();

    private static String[] rareWords() {
        Random rnd = new Random(1);
        String[] out = new String[1500];
        for (int i = 0; i < out.length; i++) {
            out[i] = new String(new char[] {(char) (0x5000 + rnd.nextInt(4000)), (char) (0x5000 + rnd.nextInt(4000))});
        }
        return out;
    }

    @Test
    void everyScoreIsTheFullQueryScoreAndWithAllCandidatesTheRankingIsTheSame() {
        Random rnd = new Random(11);
        try (LuceneEngine engine = committed(1500, 3, rnd)) {
            int[] stages = new int[1];
            int checked = engine.withSearcher(s -> {
                int queries = 0;
                int twoStages = 0;
                for (int q = 0; q < 15; q++) {
                    String text = text(rnd, 24);
                    Ranker.Prepared p = engine.ranker().prepare(text, s);
                    Map<String, Integer> counted = Ranker.counted(p.terms());
                    assertThat(counted.size()).isGreaterThanOrEqualTo(LongQuery.MIN_TERMS);
                    Map<Integer, Float> exact = new HashMap<>();
                    for (ScoreDoc d : s.search(p.query(), 1500).scoreDocs) {
                        exact.put(d.doc, d.score);
                    }
                    // 300 candidates of 1,500: each returned record carries its full score
                    ScoreDoc[] some = LongQuery.top(s, engine.ranker(), counted, new MatchAllDocsQuery(), 100, 300);
                    assertThat(some).as("two stages ran").isNotNull().hasSize(100);
                    for (ScoreDoc d : some) {
                        assertThat((double) d.score)
                                .as(text)
                                .isCloseTo(exact.get(d.doc), Percentage.withPercentage(1e-4));
                    }
                    // more candidates than records with a rare term: the exact top 100 of those records
                    ScoreDoc[] all = LongQuery.top(s, engine.ranker(), counted, new MatchAllDocsQuery(), 100, 1500);
                    BooleanQuery.Builder anyRare = new BooleanQuery.Builder();
                    for (String t : counted.keySet()) {
                        Term term = new Term(LuceneEngine.TEXT, t);
                        int df = s.getIndexReader().docFreq(term);
                        if (df > 0 && LongQuery.rare(df, s.getIndexReader().numDocs())) {
                            anyRare.add(new TermQuery(term), Occur.SHOULD);
                        }
                    }
                    BooleanQuery.Builder restricted = new BooleanQuery.Builder();
                    restricted.add(p.query(), Occur.MUST);
                    restricted.add(anyRare.build(), Occur.FILTER);
                    ScoreDoc[] expected = s.search(restricted.build(), 100).scoreDocs;
                    assertThat(all).hasSameSizeAs(expected);
                    for (int i = 0; i < expected.length; i++) {
                        assertThat((double) all[i].score).isCloseTo(expected[i].score, Percentage.withPercentage(1e-4));
                        if (i + 1 < expected.length
                                && expected[i].score - expected[i + 1].score > 1e-3 * expected[i].score) {
                            assertThat(all[i].doc).as(text + " rank " + i).isEqualTo(expected[i].doc);
                        }
                    }
                    // and as the product calls it: either the two stages (a full list) or the one query
                    ScoreDoc[] product = LongQuery.top(s, engine.ranker(), counted, new MatchAllDocsQuery(), 100);
                    if (product != null) {
                        assertThat(product).hasSize(100);
                        twoStages++;
                    }
                    queries++;
                }
                stages[0] = twoStages;
                return queries;
            });
            assertThat(checked).isEqualTo(15);
            assertThat(stages[0]).as("queries the product ran in two stages").isPositive();
        }
    }

    @Test
    void onlyRecordsThatPassTheFilterAndAreLive() {
        Random rnd = new Random(12);
        try (LuceneEngine engine = committed(1200, 2, rnd)) {
            for (int i = 0; i < 1200; i += 5) {
                engine.delete(i % 2 == 0 ? "need" : "result", String.valueOf(i));
            }
            engine.refresh();
            engine.withSearcher(s -> {
                String text = text(rnd, 24);
                Ranker.Prepared p = engine.ranker().prepare(text, s);
                BooleanQuery.Builder f = new BooleanQuery.Builder();
                f.add(new TermQuery(new Term(LuceneEngine.TYPE, "result")), Occur.FILTER);
                ScoreDoc[] top = LongQuery.top(s, engine.ranker(), Ranker.counted(p.terms()), f.build(), 50, 60);
                assertThat(top).hasSize(50);
                for (ScoreDoc d : top) {
                    org.apache.lucene.document.Document stored =
                            s.storedFields().document(d.doc);
                    assertThat(stored.get(LuceneEngine.TYPE)).isEqualTo("result");
                    assertThat(Integer.parseInt(stored.get(LuceneEngine.ID)) % 5)
                            .isNotZero();
                }
                return null;
            });
        }
    }

    @Test
    void shortQueriesAndSmallIndexesRunAsOneLuceneQuery() {
        Random rnd = new Random(13);
        try (LuceneEngine engine = LuceneEngine.inMemory(new Ranker())) {
            for (int i = 0; i < 200; i++) {
                engine.addNew(doc(String.valueOf(i), "result", rnd));
            }
            engine.commit(Map.of());
            engine.withSearcher(s -> {
                Map<String, Integer> longQuery =
                        Ranker.counted(engine.ranker().prepare(text(rnd, 12), s).terms());
                assertThat(LongQuery.top(s, engine.ranker(), longQuery, new MatchAllDocsQuery(), 10))
                        .as("200 records: small")
                        .isNull();
                return null;
            });
        }
    }

    @Test
    void forwardListsReadBackTheCommonTermsInIdOrder() {
        CommonTerms common = CommonTerms.shipped();
        assertThat(common.id("研")).isEqualTo('研' - CommonTerms.FIRST_HAN);
        assertThat(common.id("研究")).isGreaterThanOrEqualTo(CommonTerms.HAN);
        assertThat(common.id("x")).isEqualTo(-1);
        assertThat(common.id("聊城市")).isEqualTo(-1);
        BytesRef list = common.encode(new String[] {"研究", "x", "究", "研"}, new int[] {3, 9, 1, 200});
        // read back through the second stage's merge, with scorers that return freq × weight
        int[] ids = {common.id("研"), common.id("究"), common.id("研究")};
        org.apache.lucene.search.similarities.Similarity.SimScorer[] weights = {
            weight(1), weight(1_000), weight(1_000_000)
        };
        assertThat(LongQuery.forwardScore(list, ids, weights, 1L)).isEqualTo(200 + 1_000 + 3_000_000.0);
        // a query term the record lacks adds nothing; ids between the record's are skipped
        int[] some = {common.id("研") - 1, common.id("究"), common.id("研究") + 1};
        assertThat(LongQuery.forwardScore(list, some, weights, 1L)).isEqualTo(1_000.0);
    }

    private static org.apache.lucene.search.similarities.Similarity.SimScorer weight(double w) {
        return new org.apache.lucene.search.similarities.Similarity.SimScorer() {
            @Override
            public float score(float freq, long norm) {
                return (float) (freq * w);
            }
        };
    }

    private static String text(Random rnd, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(RARE[rnd.nextInt(RARE.length)]);
            b.append(COMMON.charAt(rnd.nextInt(COMMON.length())));
            b.append(COMMON.charAt(rnd.nextInt(COMMON.length())));
        }
        return b.toString();
    }

    /** An in-memory engine holding {@code n} random records, every {@code needEvery}-th a need. */
    private static LuceneEngine committed(int n, int needEvery, Random rnd) {
        LuceneEngine engine = LuceneEngine.inMemory(new Ranker());
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(doc(String.valueOf(i), i % needEvery == 0 ? "need" : "result", rnd));
        }
        engine.addAllNew(docs);
        engine.commit(Map.of());
        return engine;
    }

    private static SearchDocument doc(String id, String type, Random rnd) {
        return new SearchDocument(
                type,
                id,
                RARE[rnd.nextInt(RARE.length)] + "技术",
                text(rnd, 10 + rnd.nextInt(20)),
                1L,
                Visibility.PUBLIC,
                "新材料",
                null,
                Map.of("discipline", List.of("d" + rnd.nextInt(5))),
                Map.of());
    }
}
