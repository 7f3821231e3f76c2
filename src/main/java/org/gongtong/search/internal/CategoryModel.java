package org.gongtong.search.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multinomial naive-Bayes model of which category (discipline, technical field or industry)
 * a text belongs to, learned from the indexed records themselves as they are indexed. At query
 * time it gives the posterior over categories; the ranker raises records of likely categories —
 * the asker's words rarely are the document's words, but they usually point at its discipline.
 */
final class CategoryModel {

    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private final Map<String, Long> categoryTotals = new HashMap<>();
    private final Map<String, Integer> categoryDocs = new HashMap<>();
    private final Map<String, Long> termTotals = new HashMap<>();
    private long total;
    private long docs;

    synchronized void learn(String category, List<String> terms, int sign) {
        if (category == null || category.isBlank()) {
            return;
        }
        Map<String, Integer> c = counts.computeIfAbsent(category, k -> new HashMap<>());
        for (String t : terms) {
            c.merge(t, sign, Integer::sum);
            termTotals.merge(t, (long) sign, Long::sum);
        }
        categoryTotals.merge(category, (long) sign * terms.size(), Long::sum);
        categoryDocs.merge(category, sign, Integer::sum);
        total += (long) sign * terms.size();
        docs += sign;
    }

    synchronized void clear() {
        counts.clear();
        categoryTotals.clear();
        categoryDocs.clear();
        termTotals.clear();
        total = 0;
        docs = 0;
    }

    /**
     * Posterior over categories for the query terms, with Dirichlet smoothing {@code mu} and the
     * log-likelihood divided by {@code temperature} (naive Bayes is over-confident).
     */
    synchronized Map<String, Double> posterior(List<String> terms, double mu, double temperature) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (terms.isEmpty() || total <= 0 || counts.size() < 2) {
            return out;
        }
        Map<String, Double> logs = new HashMap<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
            long size = categoryTotals.getOrDefault(e.getKey(), 0L);
            int nd = categoryDocs.getOrDefault(e.getKey(), 0);
            if (nd <= 0) {
                continue;
            }
            double ll = 0;
            for (String t : terms) {
                long tt = termTotals.getOrDefault(t, 0L);
                if (tt <= 0) {
                    continue; // unknown everywhere: no evidence
                }
                double pc = (double) tt / total;
                int tf = e.getValue().getOrDefault(t, 0);
                ll += Math.log((tf + mu * pc) / (size + mu));
            }
            double v = ll / temperature + Math.log((double) nd / docs);
            logs.put(e.getKey(), v);
            best = Math.max(best, v);
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            double p = Math.exp(e.getValue() - best);
            out.put(e.getKey(), p);
            sum += p;
        }
        final double z = sum;
        out.replaceAll((k, v) -> v / z);
        return out;
    }
}
