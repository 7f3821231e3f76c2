package org.gongtong.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.gongtong.search.MatchEvaluation;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SynthesisedCorpus;

/**
 * Query-speed experiments for long queries (not a test; run by hand): an index of the dev corpus
 * plus synthetic records, then several ways of ranking each query, timed, with their top-10
 * agreement with the product's ranking and MRR@10.
 *
 * <pre>java -cp target/classes:target/test-classes:CP org.gongtong.search.internal.SearchSpeedExperiments DATA INDEXDIR DOCS PER_SET strategy...</pre>
 */
public final class SearchSpeedExperiments {

    interface Strategy {
        ScoreDoc[] rank(IndexSearcher s, Ranker ranker, String text) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        int docs = Integer.parseInt(args[2]);
        int perSet = Integer.parseInt(args[3]);
        Ranker ranker = new Ranker();
        ranker.warmUp();
        try (LuceneEngine engine = LuceneEngine.open(dir, ranker)) {
            if (engine.size() < docs || engine.size() == 0) {
                engine.deleteAll();
                List<SearchDocument> all = SynthesisedCorpus.of(data, docs);
                long t0 = System.nanoTime();
                for (int i = 0; i < all.size(); i += 20_000) {
                    engine.addAllNew(all.subList(i, Math.min(all.size(), i + 20_000)));
                }
                engine.commit(Map.of());
                System.out.printf(Locale.ROOT, "# indexed %d in %.1f s%n", all.size(), (System.nanoTime() - t0) / 1e9);
            } else {
                long t0 = System.nanoTime();
                engine.relearn();
                System.out.printf(
                        Locale.ROOT, "# relearned %d in %.1f s%n", engine.size(), (System.nanoTime() - t0) / 1e9);
            }
        }
        Map<String, Map<String, Integer>> rel = MatchEvaluation.readQrelsForExperiments(data.resolve("dev/qrels.tsv"));
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher s = new IndexSearcher(reader);
            s.setSimilarity(ranker.similarity());
            Map<String, Strategy> strategies = new java.util.LinkedHashMap<>();
            strategies.put("full100", (x, r, t) -> full(x, r, t, 100));
            for (int i = 4; i < args.length; i++) {
                String[] p = args[i].split(":");
                switch (p[0]) {
                    case "full" -> strategies.put(args[i], (x, r, t) -> full(x, r, t, Integer.parseInt(p[1])));
                    case "qr" ->
                        strategies.put(
                                args[i],
                                (x, r, t) ->
                                        candidates(x, r, t, Integer.parseInt(p[1]), Integer.parseInt(p[2]), false));
                    case "df" ->
                        strategies.put(
                                args[i],
                                (x, r, t) -> selective(
                                        x, r, t, Double.parseDouble(p[1]), Integer.parseInt(p[2]), p.length > 3));
                    case "agg" ->
                        strategies.put(
                                args[i],
                                (x, r, t) -> aggressive(x, r, t, Float.parseFloat(p[1]), Integer.parseInt(p[2])));
                    case "budget" ->
                        strategies.put(
                                args[i],
                                (x, r, t) ->
                                        selective(x, r, t, -Double.parseDouble(p[1]), Integer.parseInt(p[2]), false));
                    case "lq" ->
                        strategies.put(args[i], (x, r, t) -> {
                            Ranker.Prepared pp = r.prepare(t, x);
                            ScoreDoc[] top = LongQuery.top(
                                    x,
                                    r,
                                    Ranker.counted(pp.terms()),
                                    new org.apache.lucene.search.MatchAllDocsQuery(),
                                    100);
                            return top == null ? full(x, r, t, 100) : r.rerank(top, pp, x);
                        });
                    case "fwd" ->
                        strategies.put(
                                args[i],
                                (x, r, t) -> candidates(x, r, t, Integer.parseInt(p[1]), Integer.parseInt(p[2]), true));
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
            for (String set : System.getProperty("sets", "title,keywords,keywords_absent,needs")
                    .split(",")) {
                List<String[]> qs =
                        MatchEvaluation.readQueriesForExperiments(data.resolve("dev/queries_" + set + ".tsv"));
                qs = qs.subList(0, Math.min(perSet, qs.size()));
                Map<String, ScoreDoc[][]> results = new HashMap<>();
                for (Map.Entry<String, Strategy> st : strategies.entrySet()) {
                    for (String[] q : qs.subList(0, Math.min(30, qs.size()))) {
                        st.getValue().rank(s, ranker, q[1]);
                    }
                    long[] w = new long[qs.size()];
                    ScoreDoc[][] got = new ScoreDoc[qs.size()][];
                    for (int i = 0; i < qs.size(); i++) {
                        long t0 = System.nanoTime();
                        got[i] = st.getValue().rank(s, ranker, qs.get(i)[1]);
                        w[i] = System.nanoTime() - t0;
                    }
                    results.put(st.getKey(), got);
                    ScoreDoc[][] base = results.get("full100");
                    double mrr = 0;
                    int same10 = 0;
                    int sameTop = 0;
                    for (int i = 0; i < qs.size(); i++) {
                        List<String> ids = LuceneEngine.ids(s, got[i], Math.min(10, got[i].length));
                        Map<String, Integer> j = rel.getOrDefault(qs.get(i)[0], Map.of());
                        for (int k = 0; k < ids.size(); k++) {
                            if (j.getOrDefault(ids.get(k), 0) > 0) {
                                mrr += 1.0 / (k + 1);
                                break;
                            }
                        }
                        if (Arrays.equals(docs(got[i], 10), docs(base[i], 10))) {
                            same10++;
                        }
                        if (got[i].length > 0 && base[i].length > 0 && got[i][0].doc == base[i][0].doc) {
                            sameTop++;
                        }
                    }
                    if (genNanos > 0) {
                        System.out.printf(
                                Locale.ROOT,
                                "   first pass %.2f ms/query, rescoring %.2f ms/query%n",
                                genNanos / 1e6 / (qs.size() + 30),
                                rescoreNanos / 1e6 / (qs.size() + 30));
                        genNanos = 0;
                        rescoreNanos = 0;
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "%-16s %-16s p50 %7.2f p90 %7.2f p99 %7.2f ms  mrr@10 %.4f  same top-10 %d/%d  same first %d%n",
                            set,
                            st.getKey(),
                            pct(w, .5),
                            pct(w, .9),
                            pct(w, .99),
                            mrr / qs.size(),
                            same10,
                            qs.size(),
                            sameTop);
                }
            }
        }
    }

    static int[] docs(ScoreDoc[] d, int n) {
        return Arrays.stream(d).limit(n).mapToInt(x -> x.doc).toArray();
    }

    static double pct(long[] v, double p) {
        long[] l = v.clone();
        Arrays.sort(l);
        return l[Math.min(l.length - 1, (int) Math.ceil(l.length * p) - 1)] / 1e6;
    }

    static ScoreDoc[] full(IndexSearcher s, Ranker r, String text, int k) throws IOException {
        Ranker.Prepared p = r.prepare(text, s);
        TopDocs td = s.search(p.query(), k);
        return r.rerank(td.scoreDocs, p, s);
    }

    /** First pass on the K rarest distinct terms (top N), then the full query scores those N exactly. */
    static ScoreDoc[] candidates(IndexSearcher s, Ranker r, String text, int k, int n, boolean forward)
            throws IOException {
        Ranker.Prepared p = r.prepare(text, s);
        Map<String, Integer> counted = Ranker.counted(p.terms());
        List<Map.Entry<String, Integer>> terms = new ArrayList<>(counted.entrySet());
        Map<String, Integer> df = new HashMap<>();
        for (Map.Entry<String, Integer> t : terms) {
            df.put(t.getKey(), s.getIndexReader().docFreq(new Term(LuceneEngine.TEXT, t.getKey())));
        }
        terms.removeIf(t -> df.get(t.getKey()) == 0);
        if (terms.size() <= k) {
            return full(s, r, text, 100);
        }
        terms.sort(Comparator.comparingInt(t -> df.get(t.getKey())));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Map.Entry<String, Integer> t : terms.subList(0, k)) {
            b.add(Ranker.weighted(LuceneEngine.TEXT, t.getKey(), t.getValue()), Occur.SHOULD);
        }
        TopDocs cand = s.search(b.build(), n);
        TopDocs exact;
        if (!forward) {
            exact = new QueryRescorer(p.query()) {
                @Override
                protected float combine(float first, boolean matches, float second) {
                    return matches ? second : 0;
                }
            }.rescore(s, cand, 100);
        } else {
            exact = ForwardRescorer.rescore(s, r, counted, cand, 100);
        }
        return r.rerank(exact.scoreDocs, p, s);
    }

    /** Top k by the full query, with every threshold the scorer is told multiplied by {@code factor} (aggressive pruning). */
    static ScoreDoc[] aggressive(IndexSearcher s, Ranker r, String text, float factor, int k) throws IOException {
        Ranker.Prepared p = r.prepare(text, s);
        org.apache.lucene.search.TopScoreDocCollector top = org.apache.lucene.search.TopScoreDocCollector.create(k, k);
        org.apache.lucene.search.Collector c = new org.apache.lucene.search.Collector() {
            @Override
            public org.apache.lucene.search.LeafCollector getLeafCollector(
                    org.apache.lucene.index.LeafReaderContext ctx) throws IOException {
                org.apache.lucene.search.LeafCollector in = top.getLeafCollector(ctx);
                return new org.apache.lucene.search.FilterLeafCollector(in) {
                    @Override
                    public void setScorer(org.apache.lucene.search.Scorable scorer) throws IOException {
                        in.setScorer(new org.apache.lucene.search.FilterScorable(scorer) {
                            @Override
                            public void setMinCompetitiveScore(float min) throws IOException {
                                scorer.setMinCompetitiveScore(min * factor);
                            }
                        });
                    }
                };
            }

            @Override
            public org.apache.lucene.search.ScoreMode scoreMode() {
                return top.scoreMode();
            }
        };
        s.search(p.query(), c);
        return r.rerank(top.topDocs().scoreDocs, p, s);
    }

    static long genNanos;
    static long rescoreNanos;

    /**
     * First pass on the distinct terms in at most {@code maxDf} of the records (a fraction), top N; then the
     * candidates are scored exactly on every term, term at a time over their postings.
     */
    static ScoreDoc[] selective(IndexSearcher s, Ranker r, String text, double maxDf, int n, boolean bigramsOnly)
            throws IOException {
        long t0 = System.nanoTime();
        Ranker.Prepared p = r.prepare(text, s);
        Map<String, Integer> counted = Ranker.counted(p.terms());
        int limit = (int) Math.ceil(maxDf * s.getIndexReader().numDocs());
        if (maxDf < 0) {
            // a budget of postings: the rarest terms until their document frequencies add up to -maxDf
            List<Integer> dfs = new ArrayList<>();
            for (String t : Ranker.counted(r.prepare(text, s).terms()).keySet()) {
                int df = s.getIndexReader().docFreq(new Term(LuceneEngine.TEXT, t));
                if (df > 0) {
                    dfs.add(df);
                }
            }
            java.util.Collections.sort(dfs);
            long sum = 0;
            limit = 0;
            for (int df : dfs) {
                if (sum + df > -maxDf) {
                    break;
                }
                sum += df;
                limit = df;
            }
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int kept = 0;
        for (Map.Entry<String, Integer> t : counted.entrySet()) {
            int df = s.getIndexReader().docFreq(new Term(LuceneEngine.TEXT, t.getKey()));
            if (df > 0 && df <= limit && (!bigramsOnly || t.getKey().length() > 1)) {
                b.add(Ranker.weighted(LuceneEngine.TEXT, t.getKey(), t.getValue()), Occur.SHOULD);
                kept++;
            }
        }
        if (kept == counted.size()) {
            return full(s, r, text, 100);
        }
        TopDocs cand = s.search(b.build(), n);
        long t1 = System.nanoTime();
        TopDocs exact = TermAtATime.rescore(s, r, counted, cand, 100);
        long t2 = System.nanoTime();
        genNanos += t1 - t0;
        rescoreNanos += t2 - t1;
        return r.rerank(exact.scoreDocs, p, s);
    }

    /** Exact BM25 of candidates, term at a time: each query term's postings advanced over the sorted candidates. */
    static final class TermAtATime {
        static TopDocs rescore(IndexSearcher s, Ranker r, Map<String, Integer> query, TopDocs cand, int n)
                throws IOException {
            org.apache.lucene.search.CollectionStatistics cs = s.collectionStatistics(LuceneEngine.TEXT);
            ScoreDoc[] hits = cand.scoreDocs.clone();
            Arrays.sort(hits, Comparator.comparingInt(h -> h.doc));
            double[] score = new double[hits.length];
            List<org.apache.lucene.index.LeafReaderContext> leaves =
                    s.getIndexReader().leaves();
            // per leaf: the candidates' range and norms
            int[] leafOf = new int[hits.length];
            long[] norm = new long[hits.length];
            for (int i = 0; i < hits.length; i++) {
                leafOf[i] = org.apache.lucene.index.ReaderUtil.subIndex(hits[i].doc, leaves);
            }
            for (int i = 0; i < hits.length; ) {
                int l = leafOf[i];
                org.apache.lucene.index.LeafReaderContext leaf = leaves.get(l);
                org.apache.lucene.index.NumericDocValues nv = leaf.reader().getNormValues(LuceneEngine.TEXT);
                int j = i;
                while (j < hits.length && leafOf[j] == l) {
                    norm[j] = nv.advanceExact(hits[j].doc - leaf.docBase) ? nv.longValue() : 0;
                    j++;
                }
                i = j;
            }
            for (Map.Entry<String, Integer> t : query.entrySet()) {
                Term term = new Term(LuceneEngine.TEXT, t.getKey());
                org.apache.lucene.index.TermStates ts = org.apache.lucene.index.TermStates.build(s, term, true);
                if (ts.docFreq() == 0) {
                    continue;
                }
                org.apache.lucene.search.similarities.Similarity.SimScorer scorer = r.similarity()
                        .scorer(t.getValue(), cs, s.termStatistics(term, ts.docFreq(), ts.totalTermFreq()));
                for (int i = 0; i < hits.length; ) {
                    int l = leafOf[i];
                    org.apache.lucene.index.LeafReaderContext leaf = leaves.get(l);
                    int j = i;
                    while (j < hits.length && leafOf[j] == l) {
                        j++;
                    }
                    org.apache.lucene.index.TermState state = ts.get(leaf);
                    if (state != null) {
                        org.apache.lucene.index.TermsEnum te =
                                leaf.reader().terms(LuceneEngine.TEXT).iterator();
                        te.seekExact(term.bytes(), state);
                        org.apache.lucene.index.PostingsEnum pe =
                                te.postings(null, org.apache.lucene.index.PostingsEnum.FREQS);
                        int cur = -1;
                        for (int k = i; k < j; k++) {
                            int target = hits[k].doc - leaf.docBase;
                            if (cur < target) {
                                cur = pe.advance(target);
                            }
                            if (cur == org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
                                break;
                            }
                            if (cur == target) {
                                score[k] += scorer.score(pe.freq(), norm[k]);
                            }
                        }
                    }
                    i = j;
                }
            }
            ScoreDoc[] out = new ScoreDoc[hits.length];
            for (int i = 0; i < hits.length; i++) {
                out[i] = new ScoreDoc(hits[i].doc, (float) score[i]);
            }
            Arrays.sort(
                    out,
                    (x, y) -> x.score != y.score ? Float.compare(y.score, x.score) : Integer.compare(x.doc, y.doc));
            return new TopDocs(cand.totalHits, Arrays.copyOf(out, Math.min(n, out.length)));
        }
    }

    /** Exact BM25 of candidates from their stored text analysed again, with Lucene's own norms and scorers. */
    static final class ForwardRescorer {
        static TopDocs rescore(IndexSearcher s, Ranker r, Map<String, Integer> query, TopDocs cand, int n)
                throws IOException {
            org.apache.lucene.search.CollectionStatistics cs = s.collectionStatistics(LuceneEngine.TEXT);
            Map<String, org.apache.lucene.search.similarities.Similarity.SimScorer> scorers = new HashMap<>();
            for (Map.Entry<String, Integer> t : query.entrySet()) {
                Term term = new Term(LuceneEngine.TEXT, t.getKey());
                org.apache.lucene.index.TermStates ts = org.apache.lucene.index.TermStates.build(s, term, true);
                if (ts.docFreq() == 0) {
                    continue;
                }
                org.apache.lucene.search.TermStatistics stats =
                        s.termStatistics(term, ts.docFreq(), ts.totalTermFreq());
                scorers.put(t.getKey(), r.similarity().scorer(t.getValue(), cs, stats));
            }
            ScoreDoc[] hits = cand.scoreDocs.clone();
            Arrays.sort(hits, Comparator.comparingInt(h -> h.doc));
            List<org.apache.lucene.index.LeafReaderContext> leaves =
                    s.getIndexReader().leaves();
            org.apache.lucene.index.StoredFields stored = s.storedFields();
            ScoreDoc[] out = new ScoreDoc[hits.length];
            for (int i = 0; i < hits.length; i++) {
                int doc = hits[i].doc;
                org.apache.lucene.index.LeafReaderContext leaf =
                        leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
                org.apache.lucene.index.NumericDocValues norms = leaf.reader().getNormValues(LuceneEngine.TEXT);
                norms.advanceExact(doc - leaf.docBase);
                long norm = norms.longValue();
                org.apache.lucene.document.Document d =
                        stored.document(doc, java.util.Set.of(LuceneEngine.TITLE, LuceneEngine.BODY));
                String title = d.get(LuceneEngine.TITLE);
                String body = d.get(LuceneEngine.BODY);
                String text = title == null || title.isEmpty() ? body : title + "\n" + body;
                Map<String, Integer> tf =
                        Ranker.counted(r.chinese().analyse(text).list());
                double score = 0;
                for (Map.Entry<String, org.apache.lucene.search.similarities.Similarity.SimScorer> e :
                        scorers.entrySet()) {
                    Integer f = tf.get(e.getKey());
                    if (f != null) {
                        score += e.getValue().score(f, norm);
                    }
                }
                out[i] = new ScoreDoc(doc, (float) score);
            }
            Arrays.sort(
                    out,
                    (x, y) -> x.score != y.score ? Float.compare(y.score, x.score) : Integer.compare(x.doc, y.doc));
            return new TopDocs(cand.totalHits, Arrays.copyOf(out, Math.min(n, out.length)));
        }
    }
}
