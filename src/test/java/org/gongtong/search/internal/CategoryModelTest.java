package org.gongtong.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sparse per-term category model gives the same posterior as the straightforward
 * categories × terms computation it replaced (kept here as the reference), also after records
 * are forgotten.
 */
class CategoryModelTest {

    @Test
    void sparsePosteriorEqualsTheDenseComputation() {
        Random rnd = new Random(11);
        CategoryModel sparse = new CategoryModel();
        Dense dense = new Dense();
        List<Object[]> learned = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String category = "c" + rnd.nextInt(30); // enough for common terms to pass TermCounts.SPARSE
            List<String> terms = randomTerms(rnd, 5 + rnd.nextInt(30));
            sparse.learn(category, terms, 1);
            dense.learn(category, terms, 1);
            learned.add(new Object[] {category, terms});
        }
        for (int i = 0; i < 120; i++) { // forget some (replaced or deleted records)
            Object[] f = learned.remove(rnd.nextInt(learned.size()));
            @SuppressWarnings("unchecked")
            List<String> terms = (List<String>) f[1];
            sparse.learn((String) f[0], terms, -1);
            dense.learn((String) f[0], terms, -1);
        }
        int compared = 0;
        for (int q = 0; q < 200; q++) {
            List<String> query = randomTerms(rnd, 1 + rnd.nextInt(12));
            query.add("未见词"); // unknown terms carry no evidence in either
            Map<String, Double> expected = dense.posterior(query, 2000, 4);
            Map<String, Double> actual = sparse.posterior(query, 2000, 4);
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            double sum = 0;
            for (Map.Entry<String, Double> e : expected.entrySet()) {
                assertThat(actual.get(e.getKey())).isCloseTo(e.getValue(), within(1e-9));
                sum += actual.get(e.getKey());
                compared++;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-9));
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void emptyWithoutTwoCategoriesOrKnownTerms() {
        CategoryModel m = new CategoryModel();
        assertThat(m.posterior(List.of("冷"), 2000, 4)).isEmpty();
        m.learn("a", List.of("冷", "库"), 1);
        assertThat(m.posterior(List.of("冷"), 2000, 4)).isEmpty();
        m.learn("b", List.of("光", "伏"), 1);
        Map<String, Double> p = m.posterior(List.of("冷", "库"), 1, 1);
        assertThat(p.get("a")).isGreaterThan(p.get("b"));
        m.clear();
        assertThat(m.posterior(List.of("冷"), 2000, 4)).isEmpty();
    }

    private static List<String> randomTerms(Random rnd, int n) {
        String chars = "冷库保鲜果蔬光伏电池材料复合算法网络控制系统";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int a = rnd.nextInt(chars.length());
            out.add(
                    rnd.nextBoolean() || a == chars.length() - 1
                            ? chars.substring(a, a + 1)
                            : chars.substring(a, a + 2));
        }
        return out;
    }

    /** The previous implementation: every category × every query term, by map look-ups. */
    private static final class Dense {
        private final Map<String, Map<String, Integer>> counts = new HashMap<>();
        private final Map<String, Long> categoryTotals = new HashMap<>();
        private final Map<String, Integer> categoryDocs = new HashMap<>();
        private final Map<String, Long> termTotals = new HashMap<>();
        private long total;
        private long docs;

        void learn(String category, List<String> terms, int sign) {
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

        Map<String, Double> posterior(List<String> terms, double mu, double temperature) {
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
                        continue;
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
}
