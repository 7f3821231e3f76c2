package org.gongtong.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SearchHit;

/**
 * How text is indexed and how a query is turned into a ranked list: the one configuration of the
 * product and of {@code match-eval} (docs/matching.md records how it was chosen).
 */
public class Ranker {

    /**
     * The tunable parts. {@link #DEFAULT} is the one configuration of the product and of
     * {@code match-eval}; the others exist for the measurements in docs/matching.md.
     *
     * @param categoryWeight weight of the category (discipline/field/industry) posterior in the
     *     second pass; 0 = off
     * @param categoryTemperature divides the naive-Bayes log-likelihood
     * @param pool first-pass hits the second pass re-orders
     * @param k1 BM25 k1
     * @param b BM25 b
     */
    public record Config(
            double categoryWeight,
            double categoryTemperature,
            int pool,
            float k1,
            float b,
            double wordWeight,
            double associationWeight) {
        public static final Config ANCHOR = new Config(0, 1, 0, 1.2f, 0.75f, 0, 0);
        public static final Config DEFAULT = new Config(0.05, 1, 100, 1.2f, 0.75f, 0, 0);

        public Config(double categoryWeight, double categoryTemperature, int pool, float k1, float b) {
            this(categoryWeight, categoryTemperature, pool, k1, b, 0, 0);
        }
    }

    static final String WORDS = "words";

    private final org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer words =
            new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer();
    private final Associations associations;

    static final String CATEGORY = "cat";

    /** Per record, the frequencies of its common terms ({@link CommonTerms}): long queries score those from here. */
    static final String FORWARD = "fwd";

    private final CommonTerms common = CommonTerms.shipped();

    private final ChineseAnalyzer analyzer = new ChineseAnalyzer();
    private final Config config;
    private final Similarity similarity;
    private final CategoryModel categories = new CategoryModel();

    public Ranker() {
        this(Config.DEFAULT);
    }

    public Ranker(Config config) {
        this.config = config;
        this.associations = config.associationWeight() > 0 ? Associations.load() : Associations.EMPTY;
        this.similarity = new TextSimilarity(new BM25Similarity(config.k1(), config.b()));
    }

    /**
     * Loads the word segmenter's dictionaries now (a one-off cost of the first analysed text, which
     * would otherwise be charged to the first document indexed or query run).
     */
    public void warmUp() {
        analyzer.terms("预热 warm-up");
        if (config.wordWeight() > 0) {
            termsOf(words, "预热分词词典");
        }
    }

    public Config config() {
        return config;
    }

    /** The category a record is modelled under: its discipline, else its technical field, else its industry. */
    static String category(SearchDocument d) {
        for (String f : List.of("discipline", "field")) {
            List<String> v = d.fields().get(f);
            if (v != null && !v.isEmpty() && v.get(0) != null && !v.get(0).isBlank()) {
                return f + ":" + v.get(0);
            }
        }
        return d.industry() == null || d.industry().isBlank() ? null : "industry:" + d.industry();
    }

    /** Learns (sign +1) or forgets (sign -1) a record in the category model. */
    public void learn(SearchDocument d, int sign) {
        if (config.categoryWeight() > 0 && category(d) != null) {
            learn(d, bag(d), sign);
        }
    }

    /** As {@link #learn(SearchDocument, int)}, from the record's tokens analysed once for indexing. */
    public void learn(SearchDocument d, ChineseAnalyzer.Bag bag, int sign) {
        if (config.categoryWeight() > 0) {
            String c = category(d);
            if (c != null) {
                categories.learn(c, bag, sign);
            }
        }
    }

    /** The text of a record as indexed: title and body. */
    static String text(SearchDocument d) {
        return d.title().isEmpty() ? d.body() : d.title() + "\n" + d.body();
    }

    /** The record's text analysed once (CJK uni+bigrams), for {@link #learn} and {@link #addText}. */
    public ChineseAnalyzer.Tokens analyse(SearchDocument d) {
        return analyzer.analyse(text(d));
    }

    /** The record's text as a bag of its terms, for {@link #learn} and {@link #addText}. */
    public ChineseAnalyzer.Bag bag(SearchDocument d) {
        return analyzer.bag(text(d));
    }

    /** Forgets everything learned (before a rebuild). */
    public void forget() {
        categories.clear();
    }

    /** Whether a query scores only the main text field's terms (no word field, no associations). */
    boolean textTermsOnly() {
        return config.wordWeight() <= 0 && config.associationWeight() <= 0;
    }

    /** First-pass hits needed to fill {@code n} after the second pass. */
    public int pool(int n) {
        return Math.max(n, config.pool());
    }

    /**
     * The ranker for an index over these documents (associations may be learned from the corpus
     * at hand; the product passes its own records at rebuild).
     */
    public static Ranker forCorpus(java.util.Collection<SearchDocument> corpus) {
        return new Ranker(Config.DEFAULT);
    }

    /** Per-field analysis: CJK uni+bigrams, and smartcn words for the optional word field. */
    public Analyzer analyzer() {
        return new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(analyzer, Map.of(WORDS, words));
    }

    public ChineseAnalyzer chinese() {
        return analyzer;
    }

    public Similarity similarity() {
        return similarity;
    }

    CommonTerms common() {
        return common;
    }

    /**
     * BM25 everywhere; the main text field, indexed as a bag of terms with frequencies, takes its
     * length from the position its tokens advanced (each term advances by its count of
     * position-advancing occurrences): the same number Lucene counts for the analysed text (tokens
     * minus the overlapping pairs), so norms and scores are those of the plain field.
     */
    static final class TextSimilarity extends org.apache.lucene.search.similarities.PerFieldSimilarityWrapper {
        private final BM25Similarity bm25;
        private final Similarity text;

        TextSimilarity(BM25Similarity bm25) {
            this.bm25 = bm25;
            this.text = new Similarity() {
                @Override
                public long computeNorm(org.apache.lucene.index.FieldInvertState state) {
                    return org.apache.lucene.util.SmallFloat.intToByte4(state.getPosition() + 1);
                }

                @Override
                public SimScorer scorer(
                        float boost,
                        org.apache.lucene.search.CollectionStatistics collectionStats,
                        org.apache.lucene.search.TermStatistics... termStats) {
                    return bm25.scorer(boost, collectionStats, termStats);
                }
            };
        }

        @Override
        public Similarity get(String field) {
            return LuceneEngine.TEXT.equals(field) ? text : bm25;
        }
    }

    /** Identifies the analysis and indexed fields; an index built with another version is rebuilt. */
    public String version() {
        return ChineseAnalyzer.VERSION + "/" + Integer.toHexString(config.hashCode()); // short: stored in search_state
    }

    /**
     * The main text field: terms with frequencies and norms, no positions — only term queries run
     * on it (BM25 needs frequencies and lengths), and positions were a fifth of its postings work.
     */
    static final org.apache.lucene.document.FieldType TEXT_TYPE = textType();

    private static org.apache.lucene.document.FieldType textType() {
        org.apache.lucene.document.FieldType t = new org.apache.lucene.document.FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS);
        t.freeze();
        return t;
    }

    /**
     * Adds the analysed text fields of a document: the main one from its tokens analysed once, as
     * their bag (each term once with its frequency), and the forward list of its common terms.
     */
    public void addText(Document doc, SearchDocument d, ChineseAnalyzer.Bag bag) {
        String text = text(d);
        doc.add(new org.apache.lucene.document.Field(LuceneEngine.TEXT, bag.stream(), TEXT_TYPE));
        doc.add(new org.apache.lucene.document.BinaryDocValuesField(FORWARD, common.encode(bag.terms(), bag.freqs())));
        if (config.wordWeight() > 0) {
            doc.add(new TextField(WORDS, text, org.apache.lucene.document.Field.Store.NO));
        }
        String c = category(d);
        if (c != null) {
            doc.add(new org.apache.lucene.document.SortedDocValuesField(
                    CATEGORY, new org.apache.lucene.util.BytesRef(c)));
        }
    }

    /** Turns a query text into a Lucene query (and remembers what it used, for explanations). */
    public Prepared prepare(String text, IndexSearcher searcher) throws IOException {
        ChineseAnalyzer.Tokens query = analyzer.analyse(text);
        List<String> terms = query.list();
        if (terms.isEmpty()) {
            return new Prepared(null, List.of(), Map.of(), Map.of());
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Map.Entry<String, Integer> t : counted(terms).entrySet()) {
            b.add(weighted(LuceneEngine.TEXT, t.getKey(), t.getValue()), Occur.SHOULD);
        }
        if (config.wordWeight() > 0) {
            for (Map.Entry<String, Integer> w : counted(termsOf(words, text)).entrySet()) {
                b.add(weighted(WORDS, w.getKey(), config.wordWeight() * w.getValue()), Occur.SHOULD);
            }
        }
        Map<String, List<String>> related = new java.util.LinkedHashMap<>();
        if (config.associationWeight() > 0) {
            java.util.Set<String> seen = new java.util.HashSet<>(terms);
            for (String t : new java.util.LinkedHashSet<>(terms)) {
                for (Associations.Related r : associations.of(t)) {
                    if (seen.add(r.term())) {
                        b.add(
                                new org.apache.lucene.search.BoostQuery(
                                        new TermQuery(new Term(LuceneEngine.TEXT, r.term())),
                                        (float) (config.associationWeight() * r.weight())),
                                Occur.SHOULD);
                        related.computeIfAbsent(t, k -> new ArrayList<>()).add(r.term());
                    }
                }
            }
        }
        Map<String, Double> posterior = config.categoryWeight() > 0
                ? categories.posterior(query.unigrams(), 2000, config.categoryTemperature())
                : Map.of();
        return new Prepared(b.build(), terms, related, posterior);
    }

    /** Each distinct term once, with how often it occurs (in first-occurrence order). */
    static Map<String, Integer> counted(List<String> terms) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (String t : terms) {
            out.merge(t, 1, Integer::sum);
        }
        return out;
    }

    /**
     * One clause for a term that occurs {@code weight} times (or with that boost): BM25 is linear
     * in the boost, so this scores as the repeated clauses did, with one posting list walk instead
     * of one per repeat.
     */
    static Query weighted(String field, String term, double weight) {
        Query q = new TermQuery(new Term(field, term));
        return weight == 1.0 ? q : new org.apache.lucene.search.BoostQuery(q, (float) weight);
    }

    static List<String> termsOf(Analyzer a, String text) {
        List<String> out = new ArrayList<>();
        try (org.apache.lucene.analysis.TokenStream ts = a.tokenStream(WORDS, text)) {
            org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
                    ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** Raises records that agree on industry and fields (matching only; plain search passes none). */
    public void addAgreement(BooleanQuery.Builder b, LuceneEngine.Agreement agree) {
        if (agree.industry() != null && !agree.industry().isBlank()) {
            b.add(
                    new org.apache.lucene.search.BoostQuery(
                            new org.apache.lucene.search.ConstantScoreQuery(
                                    new TermQuery(new Term(LuceneEngine.INDUSTRY, agree.industry()))),
                            INDUSTRY_BOOST),
                    Occur.SHOULD);
        }
        agree.fields().forEach((k, values) -> {
            for (String v : values) {
                b.add(
                        new org.apache.lucene.search.BoostQuery(
                                new org.apache.lucene.search.ConstantScoreQuery(
                                        new TermQuery(new Term(LuceneEngine.FIELD_PREFIX + k, v))),
                                FIELD_BOOST),
                        Occur.SHOULD);
            }
        });
    }

    static final float INDUSTRY_BOOST = 2.0f;
    static final float FIELD_BOOST = 1.0f;

    /**
     * The second pass: text score (relative to the best) plus the weighted posterior of the
     * record's category given the query.
     */
    public ScoreDoc[] rerank(ScoreDoc[] hits, Prepared prepared, IndexSearcher searcher) throws IOException {
        if (hits.length < 2 || prepared.categories().isEmpty() || config.categoryWeight() <= 0) {
            return hits;
        }
        float max = 0;
        for (ScoreDoc h : hits) {
            max = Math.max(max, h.score);
        }
        if (max <= 0) {
            return hits;
        }
        // categories read in index order, one doc-values iterator per segment
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(hits[x].doc, hits[y].doc));
        List<org.apache.lucene.index.LeafReaderContext> leaves =
                searcher.getIndexReader().leaves();
        org.apache.lucene.index.LeafReaderContext leaf = null;
        org.apache.lucene.index.SortedDocValues dv = null;
        ScoreDoc[] out = new ScoreDoc[hits.length];
        for (int i : order) {
            ScoreDoc h = hits[i];
            if (leaf == null || h.doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(h.doc, leaves));
                dv = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), CATEGORY);
            }
            double p = 0;
            if (dv.advanceExact(h.doc - leaf.docBase)) {
                p = prepared.categories()
                        .getOrDefault(dv.lookupOrd(dv.ordValue()).utf8ToString(), 0.0);
            }
            out[i] = new ScoreDoc(h.doc, (float) (h.score / max + config.categoryWeight() * p), h.shardIndex);
        }
        java.util.Arrays.sort(
                out, (x, y) -> x.score != y.score ? Float.compare(y.score, x.score) : Integer.compare(x.doc, y.doc));
        return out;
    }

    /** Why a document matched a prepared query. */
    public SearchHit.Explanation explain(
            Prepared prepared, SearchDocument d, String industry, Map<String, List<String>> agreeFields) {
        Set<String> docTerms = new LinkedHashSet<>(analyzer.terms(d.title() + "\n" + d.body()));
        List<String> matched = readable(prepared.terms(), docTerms);
        List<String> related = new ArrayList<>();
        prepared.related().forEach((from, tos) -> {
            for (String to : tos) {
                if (docTerms.contains(to)) {
                    related.add(from + " → " + to);
                }
            }
        });
        boolean industryMatch = industry != null && industry.equals(d.industry());
        List<String> fieldMatches = new ArrayList<>();
        agreeFields.forEach((k, values) -> {
            for (String v : values) {
                if (d.fields().getOrDefault(k, List.of()).contains(v)) {
                    fieldMatches.add(k + "=" + v);
                }
            }
        });
        return new SearchHit.Explanation(matched, related, industryMatch, fieldMatches, Map.of());
    }

    /** Matched query terms for people: pairs first, then single characters not inside a matched pair. */
    static List<String> readable(List<String> queryTerms, Set<String> docTerms) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : queryTerms) {
            if (t.codePointCount(0, t.length()) > 1 && docTerms.contains(t)) {
                out.add(t);
            }
        }
        for (String t : queryTerms) {
            if (t.codePointCount(0, t.length()) == 1 && docTerms.contains(t)) {
                boolean covered = out.stream().anyMatch(p -> p.contains(t));
                if (!covered) {
                    out.add(t);
                }
            }
        }
        return merge(new ArrayList<>(out));
    }

    /** Joins overlapping pairs in query order into longer phrases (控制+制系 → 控制系). */
    static List<String> merge(List<String> terms) {
        List<String> out = new ArrayList<>();
        for (String t : terms) {
            if (!out.isEmpty()) {
                String last = out.get(out.size() - 1);
                if (t.length() == 2
                        && last.length() >= 2
                        && last.endsWith(t.substring(0, 1))
                        && Character.isIdeographic(t.codePointAt(0))) {
                    out.set(out.size() - 1, last + t.substring(1));
                    continue;
                }
            }
            out.add(t);
        }
        return out;
    }

    /**
     * A query ready to run.
     *
     * @param query the Lucene query, null when the text had no terms
     * @param terms the analysed query terms
     * @param related learned associations used: query term → document terms
     * @param categories posterior of the record categories given the query (empty: not used)
     */
    public record Prepared(
            Query query, List<String> terms, Map<String, List<String>> related, Map<String, Double> categories) {

        public boolean isEmpty() {
            return query == null;
        }

        public Prepared {
            Objects.requireNonNull(terms);
        }
    }
}
