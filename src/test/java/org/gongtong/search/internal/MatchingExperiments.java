package org.gongtong.search.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.gongtong.search.MatchEvaluation;
import org.gongtong.search.SearchDocument;

/**
 * The measurements of docs/matching.md (not a test; run by hand): every query set of a folder under
 * each ranker configuration, with the MRR@10 difference to the anchor configuration and its 95%
 * paired-bootstrap confidence interval.
 *
 * <pre>java -cp target/classes:target/test-classes:CP org.gongtong.search.internal.MatchingExperiments DIR name=k1,b,catWeight,catTemp ...</pre>
 */
public final class MatchingExperiments {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String[] sets = System.getProperty("sets", "title,keywords,keywords_absent,needs")
                .split(",");
        List<SearchDocument> docs = MatchEvaluation.readCorpusForExperiments(dir.resolve("corpus.jsonl"));
        Map<String, Map<String, Integer>> rel = MatchEvaluation.readQrelsForExperiments(dir.resolve("qrels.tsv"));
        Map<String, Ranker.Config> configs = new LinkedHashMap<>();
        configs.put("anchor", Ranker.Config.ANCHOR);
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=");
            String[] p = kv[1].split(",");
            configs.put(
                    kv[0],
                    new Ranker.Config(
                            Double.parseDouble(p[2]),
                            Double.parseDouble(p[3]),
                            100,
                            Float.parseFloat(p[0]),
                            Float.parseFloat(p[1]),
                            p.length > 4 ? Double.parseDouble(p[4]) : 0,
                            p.length > 5 ? Double.parseDouble(p[5]) : 0));
        }
        Map<String, Map<String, double[]>> rr = new LinkedHashMap<>();
        for (Map.Entry<String, Ranker.Config> c : configs.entrySet()) {
            try (LuceneEngine engine = LuceneEngine.inMemory(new Ranker(c.getValue()))) {
                engine.addAllNew(docs);
                engine.commit(Map.of());
                for (String set : sets) {
                    List<String[]> qs =
                            MatchEvaluation.readQueriesForExperiments(dir.resolve("queries_" + set + ".tsv"));
                    List<Double> v = new ArrayList<>();
                    for (String[] q : qs) {
                        Map<String, Integer> j = rel.get(q[0]);
                        if (j == null) {
                            continue;
                        }
                        List<String> ids = engine.rankIds(q[1], 10);
                        double r = 0;
                        for (int k = 0; k < ids.size(); k++) {
                            if (j.getOrDefault(ids.get(k), 0) > 0) {
                                r = 1.0 / (k + 1);
                                break;
                            }
                        }
                        v.add(r);
                    }
                    rr.computeIfAbsent(c.getKey(), k -> new HashMap<>())
                            .put(
                                    set,
                                    v.stream().mapToDouble(Double::doubleValue).toArray());
                }
            }
        }
        for (String name : configs.keySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-14s", name));
            for (String set : sets) {
                double[] a = rr.get("anchor").get(set);
                double[] b = rr.get(name).get(set);
                double[] ci = bootstrap(a, b);
                line.append(String.format(
                        Locale.ROOT,
                        " | %s %.4f (Δ %+.4f [%+.4f, %+.4f])",
                        set,
                        mean(b),
                        mean(b) - mean(a),
                        ci[0],
                        ci[1]));
            }
            System.out.println(line);
        }
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? 0 : s / x.length;
    }

    /** 95% paired bootstrap interval of mean(b) − mean(a), 2,000 resamples, fixed seed. */
    static double[] bootstrap(double[] a, double[] b) {
        Random rnd = new Random(42);
        int n = a.length;
        double[] d = new double[2000];
        for (int r = 0; r < d.length; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                int k = rnd.nextInt(n);
                s += b[k] - a[k];
            }
            d[r] = s / n;
        }
        java.util.Arrays.sort(d);
        return new double[] {d[(int) (d.length * 0.025)], d[(int) (d.length * 0.975)]};
    }
}
