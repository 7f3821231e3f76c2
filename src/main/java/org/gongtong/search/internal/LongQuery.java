package org.gongtong.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.Bits;

/**
 * Long queries in two stages (ADR 0066). A need written in an enterprise's own words has ~170
 * distinct terms; most are common characters and pairs whose postings cover much of the index
 * (at 1,000,000 records their document frequencies add up to ~38 million), so one disjunction of
 * them costs time linear in the index however it is pruned. Here:
 *
 * <ol>
 *   <li>the query's <em>rare</em> terms (in at most {@link #RARE} of the records; ~55 terms and
 *       ~300,000 postings at 1M) are scored term at a time over their postings, and the
 *       {@link #candidates} best records by that partial score are kept;
 *   <li>each candidate then gets the rest of its BM25 score exactly: common terms from the
 *       record's forward list ({@link CommonTerms}), any other common term from its postings.
 * </ol>
 *
 * <p>Every returned score is the record's full BM25 score, with Lucene's own norms and scorers (only
 * the order of the float additions differs); the approximation is only which records become
 * candidates — a record that ranks high on common terms alone and has none of the rare ones.
 * Short queries, small indexes and queries with boosts other than their terms run as one Lucene
 * query as before.
 */
final class LongQuery {

    /** Distinct terms from which a query runs in two stages. */
    static final int MIN_TERMS = 24;

    /** A term in at most this share of the records is scored in the first stage. */
    static final double RARE = 0.02;

    private LongQuery() {}

    /** Candidates kept after the first stage: 0.3 % of the index, between 300 and 3,000. */
    static int candidates(int docs) {
        return Math.max(300, Math.min(3000, docs / 300));
    }

    private record Scored(String term, int id, SimScorer scorer, TermStates states) {}

    /**
     * The top {@code k} records of a query of these terms (each with its count) that match
     * {@code filter}, by full BM25 score, best first (ties: lower document first); null when the
     * query should run as one Lucene query: short, a small index, no rare or no common term, or
     * fewer records with a rare term than candidates wanted (then records with common terms only
     * could fill the list, and the one query finds them).
     */
    static ScoreDoc[] top(IndexSearcher s, Ranker ranker, Map<String, Integer> counted, Query filter, int k)
            throws IOException {
        int docs = s.getIndexReader().numDocs();
        int n = candidates(docs);
        if (counted.size() < MIN_TERMS || docs <= 2 * n || k > n) {
            return null;
        }
        Candidates c = run(s, ranker, counted, filter, n);
        return c == null || c.size < n ? null : c.top(k);
    }

    /**
     * As above with {@code n} candidates, whatever the query's length and the index's size, and
     * without falling back when fewer records have a rare term (tests: then the result is the
     * exact ranking of the records that have one).
     */
    static ScoreDoc[] top(IndexSearcher s, Ranker ranker, Map<String, Integer> counted, Query filter, int k, int n)
            throws IOException {
        Candidates c = run(s, ranker, counted, filter, n);
        return c == null ? null : c.top(k);
    }

    /** Whether a term counts as rare here (scored in the first stage). */
    static boolean rare(int docFreq, int docs) {
        return docFreq <= (long) Math.floor(RARE * docs);
    }

    private static Candidates run(IndexSearcher s, Ranker ranker, Map<String, Integer> counted, Query filter, int n)
            throws IOException {
        int docs = s.getIndexReader().numDocs();
        CollectionStatistics collection = s.collectionStatistics(LuceneEngine.TEXT);
        if (collection == null) {
            return null;
        }
        List<Scored> rare = new ArrayList<>();
        List<Scored> common = new ArrayList<>();
        CommonTerms forward = ranker.common();
        Map<String, TermStates> looked = lookUp(s, counted.keySet());
        for (Map.Entry<String, Integer> e : counted.entrySet()) {
            Term term = new Term(LuceneEngine.TEXT, e.getKey());
            TermStates states = looked.get(e.getKey());
            if (states.docFreq() == 0) {
                continue;
            }
            SimScorer scorer = ranker.similarity()
                    .scorer(e.getValue(), collection, s.termStatistics(term, states.docFreq(), states.totalTermFreq()));
            Scored scored = new Scored(e.getKey(), forward.id(e.getKey()), scorer, states);
            (rare(states.docFreq(), docs) ? rare : common).add(scored);
        }
        if (rare.isEmpty() || common.isEmpty()) {
            return null;
        }
        Candidates c = firstStage(s, rare, filter, n);
        secondStage(s, c, common);
        return c;
    }

    /**
     * Every term's state in every segment, with one terms enumeration per segment walked in term
     * order (what {@link TermStates#build} does with a new enumeration per term and segment: for
     * ~170 terms that was a third of a long query's time on a small index).
     */
    static Map<String, TermStates> lookUp(IndexSearcher s, java.util.Collection<String> terms) throws IOException {
        List<String> sorted = new ArrayList<>(terms);
        List<org.apache.lucene.util.BytesRef> bytes = new ArrayList<>(sorted.size());
        for (String t : sorted) {
            bytes.add(new org.apache.lucene.util.BytesRef(t));
        }
        // walked in the index's order (UTF-8 bytes), so each seek starts near the last one
        Integer[] order = new Integer[sorted.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> bytes.get(a).compareTo(bytes.get(b)));
        org.apache.lucene.index.IndexReaderContext top = s.getTopReaderContext();
        Map<String, TermStates> out = new java.util.HashMap<>();
        TermStates[] states = new TermStates[order.length];
        for (int i = 0; i < states.length; i++) {
            states[i] = new TermStates(top);
            out.put(sorted.get(i), states[i]);
        }
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Terms field = leaf.reader().terms(LuceneEngine.TEXT);
            if (field == null) {
                continue;
            }
            TermsEnum te = field.iterator();
            for (int i : order) {
                if (te.seekExact(bytes.get(i))) {
                    states[i].register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
                }
            }
        }
        return out;
    }

    /** The best {@code n} records by their score on the rare terms, with that score. */
    private static Candidates firstStage(IndexSearcher s, List<Scored> rare, Query filter, int n) throws IOException {
        Query rewritten = s.rewrite(filter);
        Weight filterWeight = rewritten instanceof MatchAllDocsQuery
                ? null
                : s.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        int largest = 0;
        for (LeafReaderContext leaf : leaves) {
            largest = Math.max(largest, leaf.reader().maxDoc());
        }
        double[] acc = new double[largest];
        Candidates heap = new Candidates(n);
        for (LeafReaderContext leaf : leaves) {
            int maxDoc = leaf.reader().maxDoc();
            Terms terms = leaf.reader().terms(LuceneEngine.TEXT);
            if (terms == null) {
                continue;
            }
            boolean any = false;
            for (Scored t : rare) {
                PostingsEnum postings = postings(terms, t, leaf);
                if (postings == null) {
                    continue;
                }
                any = true;
                NumericDocValues norms = leaf.reader().getNormValues(LuceneEngine.TEXT);
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    long norm = norms != null && norms.advanceExact(d) ? norms.longValue() : 1L;
                    acc[d] += t.scorer().score(postings.freq(), norm);
                }
            }
            if (!any) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator allowed = null;
            if (filterWeight != null) {
                Scorer fs = filterWeight.scorer(leaf);
                if (fs == null) {
                    Arrays.fill(acc, 0, maxDoc, 0);
                    continue;
                }
                allowed = fs.iterator();
            }
            for (int d = 0; d < maxDoc; d++) {
                double score = acc[d];
                if (score > 0 && heap.competitive(score) && (live == null || live.get(d))) {
                    if (allowed != null) {
                        if (allowed.docID() < d) {
                            allowed.advance(d);
                        }
                        if (allowed.docID() != d) {
                            continue;
                        }
                    }
                    heap.offer(leaf.docBase + d, score);
                }
            }
            Arrays.fill(acc, 0, maxDoc, 0);
        }
        return heap;
    }

    /** Adds each candidate's score on the common terms: from its forward list, or from postings. */
    private static void secondStage(IndexSearcher s, Candidates c, List<Scored> common) throws IOException {
        List<Scored> listed = new ArrayList<>();
        List<Scored> unlisted = new ArrayList<>();
        for (Scored t : common) {
            (t.id() >= 0 ? listed : unlisted).add(t);
        }
        listed.sort((x, y) -> Integer.compare(x.id(), y.id()));
        int[] ids = listed.stream().mapToInt(Scored::id).toArray();
        SimScorer[] scorers = listed.stream().map(Scored::scorer).toArray(SimScorer[]::new);

        c.sortByDoc();
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        int i = 0;
        while (i < c.size) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(c.docs[i], leaves));
            int end = i;
            int limit = leaf.docBase + leaf.reader().maxDoc();
            while (end < c.size && c.docs[end] < limit) {
                end++;
            }
            long[] norms = new long[end - i];
            NumericDocValues nv = leaf.reader().getNormValues(LuceneEngine.TEXT);
            BinaryDocValues lists = leaf.reader().getBinaryDocValues(Ranker.FORWARD);
            for (int j = i; j < end; j++) {
                int d = c.docs[j] - leaf.docBase;
                long norm = nv != null && nv.advanceExact(d) ? nv.longValue() : 1L;
                norms[j - i] = norm;
                if (lists != null && lists.advanceExact(d)) {
                    c.scores[j] += forwardScore(lists.binaryValue(), ids, scorers, norm);
                }
            }
            Terms terms = leaf.reader().terms(LuceneEngine.TEXT);
            if (terms != null) {
                for (Scored t : unlisted) {
                    PostingsEnum postings = postings(terms, t, leaf);
                    if (postings == null) {
                        continue;
                    }
                    for (int j = i; j < end; j++) {
                        int d = c.docs[j] - leaf.docBase;
                        int at = postings.docID() < d ? postings.advance(d) : postings.docID();
                        if (at == DocIdSetIterator.NO_MORE_DOCS) {
                            break;
                        }
                        if (at == d) {
                            c.scores[j] += t.scorer().score(postings.freq(), norms[j - i]);
                        }
                    }
                }
            }
            i = end;
        }
    }

    /** Merges a forward list (ascending ids) with the query's listed terms (ascending ids). */
    static double forwardScore(org.apache.lucene.util.BytesRef list, int[] ids, SimScorer[] scorers, long norm) {
        // the second stage's inner loop: a few hundred pairs per candidate, thousands of candidates
        org.apache.lucene.store.ByteArrayDataInput in =
                new org.apache.lucene.store.ByteArrayDataInput(list.bytes, list.offset, list.length);
        int id = 0;
        int j = 0;
        double sum = 0;
        while (!in.eof() && j < ids.length) {
            id += in.readVInt();
            int freq = in.readVInt();
            while (j < ids.length && ids[j] < id) {
                j++;
            }
            if (j < ids.length && ids[j] == id) {
                sum += scorers[j].score(freq, norm);
            }
        }
        return sum;
    }

    private static PostingsEnum postings(Terms terms, Scored t, LeafReaderContext leaf) throws IOException {
        TermState state = t.states().get(leaf);
        if (state == null) {
            return null;
        }
        TermsEnum te = terms.iterator();
        te.seekExact(new org.apache.lucene.util.BytesRef(t.term()), state);
        return te.postings(null, PostingsEnum.FREQS);
    }

    /** The best records so far: a bounded min-heap of (score, document), then a plain list. */
    static final class Candidates {
        final int[] docs;
        final double[] scores;
        int size;

        Candidates(int capacity) {
            docs = new int[capacity];
            scores = new double[capacity];
        }

        /** Whether a record with this score would enter (ties lose to the records already in). */
        boolean competitive(double score) {
            return size < docs.length || score > scores[0];
        }

        void offer(int doc, double score) {
            if (size < docs.length) {
                docs[size] = doc;
                scores[size] = score;
                up(size++);
            } else {
                docs[0] = doc;
                scores[0] = score;
                down(0);
            }
        }

        private boolean worse(int a, int b) {
            return scores[a] < scores[b] || (scores[a] == scores[b] && docs[a] > docs[b]);
        }

        private void up(int i) {
            while (i > 0) {
                int p = (i - 1) / 2;
                if (!worse(i, p)) {
                    return;
                }
                swap(i, p);
                i = p;
            }
        }

        private void down(int i) {
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    return;
                }
                int m = l + 1 < size && worse(l + 1, l) ? l + 1 : l;
                if (!worse(m, i)) {
                    return;
                }
                swap(i, m);
                i = m;
            }
        }

        private void swap(int a, int b) {
            int d = docs[a];
            docs[a] = docs[b];
            docs[b] = d;
            double s = scores[a];
            scores[a] = scores[b];
            scores[b] = s;
        }

        void sortByDoc() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
            int[] d = new int[size];
            double[] sc = new double[size];
            for (int i = 0; i < size; i++) {
                d[i] = docs[order[i]];
                sc[i] = scores[order[i]];
            }
            System.arraycopy(d, 0, docs, 0, size);
            System.arraycopy(sc, 0, scores, 0, size);
        }

        /** The best {@code k}, best first (ties: lower document first). */
        ScoreDoc[] top(int k) {
            ScoreDoc[] all = new ScoreDoc[size];
            for (int i = 0; i < size; i++) {
                all[i] = new ScoreDoc(docs[i], (float) scores[i]);
            }
            Arrays.sort(
                    all,
                    (x, y) -> x.score != y.score ? Float.compare(y.score, x.score) : Integer.compare(x.doc, y.doc));
            return Arrays.copyOf(all, Math.min(k, all.length));
        }
    }
}
