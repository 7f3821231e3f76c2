package org.gongtong.search.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multinomial naive-Bayes model of which category (discipline, technical field or industry)
 * a text belongs to, learned from the indexed records themselves as they are indexed. At query
 * time it gives the posterior over categories; the ranker raises records of likely categories —
 * the asker's words rarely are the document's words, but they usually point at its discipline.
 *
 * <p>The counts are kept per term (the categories a term occurs in, sparse), so a query costs one
 * look-up per query term plus one step per (term, category it occurs in), not terms × categories
 * map look-ups: the smoothed log-likelihood of a category is
 * {@code Σ_t log(tf+μp) − m·log(size+μ) = Σ_t log(μp) − m·log(size+μ) + Σ_{t: tf>0} [log(tf+μp) − log(μp)]},
 * and the first sum is the same for every category, so it cancels in the posterior.
 */
final class CategoryModel {

    /**
     * Per term: its total count and its counts in the categories it occurs in — a short list
     * while they are few, then an array indexed by category (a common term occurs in most of the
     * hundreds of categories, and scanning its list cost ~40 % of indexing CPU).
     */
    private static final class TermCounts {
        static final int SPARSE = 8;

        long total;
        int n;
        /** The categories of {@link #counts}, or null once counts is indexed by category. */
        int[] categories = new int[2];

        int[] counts = new int[2];

        void add(int category, int count) {
            if (categories == null) {
                if (category >= counts.length) {
                    counts = Arrays.copyOf(counts, Math.max(category + 1, counts.length * 2));
                }
                counts[category] += count;
                return;
            }
            for (int i = 0; i < n; i++) {
                if (categories[i] == category) {
                    counts[i] += count;
                    return;
                }
            }
            if (n == SPARSE) {
                int[] dense = new int[Math.max(category + 1, 2 * SPARSE)];
                for (int i = 0; i < n; i++) {
                    dense = dense.length > categories[i] ? dense : Arrays.copyOf(dense, categories[i] + 1);
                    dense[categories[i]] = counts[i];
                }
                categories = null;
                counts = dense;
                add(category, count);
                return;
            }
            if (n == categories.length) {
                categories = Arrays.copyOf(categories, n * 2);
                counts = Arrays.copyOf(counts, n * 2);
            }
            categories[n] = category;
            counts[n] = count;
            n++;
        }

        /** The i-th category of the list (or i itself once dense). */
        int category(int i) {
            return categories == null ? i : categories[i];
        }

        int size() {
            return categories == null ? counts.length : n;
        }
    }

    private final Map<String, Integer> categoryIndex = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private long[] categoryTotals = new long[16];
    private int[] categoryDocs = new int[16];
    private final Map<String, TermCounts> terms = new HashMap<>();
    /** Single-character terms (most of the tokens) by their character: no hashing. */
    private final TermCounts[] single = new TermCounts[Character.MAX_VALUE + 1];

    private long total;
    private long docs;

    void learn(String category, List<String> tokens, int sign) {
        if (category == null || category.isBlank()) {
            return;
        }
        // each distinct term once per record, counted outside the lock (bulk loads learn in threads)
        Map<String, int[]> counted = new HashMap<>(tokens.size() * 2);
        for (String t : tokens) {
            counted.computeIfAbsent(t, k -> new int[1])[0]++;
        }
        apply(category, counted, tokens.size(), sign);
    }

    /** Learns a record from its bag: the tokens that advance the position, with their counts. */
    void learn(String category, ChineseAnalyzer.Bag bag, int sign) {
        if (category == null || category.isBlank()) {
            return;
        }
        apply(category, bag.terms(), bag.advancing(), bag.length(), sign);
    }

    private synchronized void apply(String category, String[] terms, int[] counts, int size, int sign) {
        int c = category(category);
        for (int i = 0; i < terms.length; i++) {
            if (counts[i] > 0) {
                TermCounts tc = counts(terms[i], true);
                tc.total += (long) sign * counts[i];
                tc.add(c, sign * counts[i]);
            }
        }
        categoryTotals[c] += (long) sign * size;
        categoryDocs[c] += sign;
        total += (long) sign * size;
        docs += sign;
    }

    private int category(String category) {
        return categoryIndex.computeIfAbsent(category, k -> {
            names.add(k);
            if (names.size() > categoryTotals.length) {
                categoryTotals = Arrays.copyOf(categoryTotals, names.size() * 2);
                categoryDocs = Arrays.copyOf(categoryDocs, names.size() * 2);
            }
            return names.size() - 1;
        });
    }

    private synchronized void apply(String category, Map<String, int[]> counted, int size, int sign) {
        int c = category(category);
        for (Map.Entry<String, int[]> e : counted.entrySet()) {
            int n = sign * e.getValue()[0];
            TermCounts tc = counts(e.getKey(), true);
            tc.total += n;
            tc.add(c, n);
        }
        categoryTotals[c] += (long) sign * size;
        categoryDocs[c] += sign;
        total += (long) sign * size;
        docs += sign;
    }

    /** A term's counts (created when {@code create}), else null. */
    private TermCounts counts(String term, boolean create) {
        if (term.length() == 1) {
            TermCounts tc = single[term.charAt(0)];
            if (tc == null && create) {
                tc = new TermCounts();
                single[term.charAt(0)] = tc;
            }
            return tc;
        }
        return create ? terms.computeIfAbsent(term, k -> new TermCounts()) : terms.get(term);
    }

    synchronized void clear() {
        categoryIndex.clear();
        names.clear();
        Arrays.fill(categoryTotals, 0);
        Arrays.fill(categoryDocs, 0);
        terms.clear();
        Arrays.fill(single, null);
        total = 0;
        docs = 0;
    }

    /**
     * Posterior over categories for the query terms, with Dirichlet smoothing {@code mu} and the
     * log-likelihood divided by {@code temperature} (naive Bayes is over-confident).
     */
    synchronized Map<String, Double> posterior(List<String> query, double mu, double temperature) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (query.isEmpty() || total <= 0 || names.size() < 2) {
            return out;
        }
        int categories = names.size();
        double[] ll = new double[categories];
        int known = 0;
        for (String t : query) {
            TermCounts tc = counts(t, false);
            if (tc == null || tc.total <= 0) {
                continue; // unknown everywhere: no evidence
            }
            known++;
            double smoothing = mu * ((double) tc.total / total);
            double base = Math.log(smoothing);
            for (int i = 0; i < tc.size(); i++) {
                if (tc.counts[i] != 0) {
                    ll[tc.category(i)] += Math.log(tc.counts[i] + smoothing) - base;
                }
            }
        }
        double[] v = new double[categories];
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < categories; c++) {
            if (categoryDocs[c] <= 0) {
                v[c] = Double.NaN;
                continue;
            }
            v[c] = (ll[c] - known * Math.log(categoryTotals[c] + mu)) / temperature
                    + Math.log((double) categoryDocs[c] / docs);
            best = Math.max(best, v[c]);
        }
        double sum = 0;
        for (int c = 0; c < categories; c++) {
            if (!Double.isNaN(v[c])) {
                sum += Math.exp(v[c] - best);
            }
        }
        for (int c = 0; c < categories; c++) {
            if (!Double.isNaN(v[c])) {
                out.put(names.get(c), Math.exp(v[c] - best) / sum);
            }
        }
        return out;
    }
}
