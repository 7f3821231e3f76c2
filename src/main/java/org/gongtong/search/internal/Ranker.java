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

    private final ChineseAnalyzer analyzer = new ChineseAnalyzer();
    private final Similarity similarity = new BM25Similarity();

    /**
     * The ranker for an index over these documents (associations may be learned from the corpus
     * at hand; the product passes its own records at rebuild).
     */
    public static Ranker forCorpus(java.util.Collection<SearchDocument> corpus) {
        return new Ranker();
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    public ChineseAnalyzer chinese() {
        return analyzer;
    }

    public Similarity similarity() {
        return similarity;
    }

    /** Identifies the analysis and indexed fields; an index built with another version is rebuilt. */
    public String version() {
        return ChineseAnalyzer.VERSION;
    }

    /** Adds the analysed text fields of a document. */
    public void addText(Document doc, SearchDocument d) {
        String text = d.title().isEmpty() ? d.body() : d.title() + "\n" + d.body();
        doc.add(new TextField(LuceneEngine.TEXT, text, org.apache.lucene.document.Field.Store.NO));
    }

    /** Turns a query text into a Lucene query (and remembers what it used, for explanations). */
    public Prepared prepare(String text, IndexSearcher searcher) throws IOException {
        List<String> terms = analyzer.terms(text);
        if (terms.isEmpty()) {
            return new Prepared(null, List.of(), Map.of());
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(new TermQuery(new Term(LuceneEngine.TEXT, t)), Occur.SHOULD);
        }
        return new Prepared(b.build(), terms, Map.of());
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

    /** A second ranking pass over the first-pass hits (none yet: identity). */
    public ScoreDoc[] rerank(ScoreDoc[] hits, Prepared prepared, IndexSearcher searcher) throws IOException {
        return hits;
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
     */
    public record Prepared(Query query, List<String> terms, Map<String, List<String>> related) {

        public boolean isEmpty() {
            return query == null;
        }

        public Prepared {
            Objects.requireNonNull(terms);
        }
    }
}
