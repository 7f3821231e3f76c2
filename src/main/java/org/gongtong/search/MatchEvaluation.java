package org.gongtong.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongtong.search.internal.LuceneEngine;
import org.gongtong.search.internal.Ranker;

/**
 * {@code match-eval}: indexes a TREC/BEIR corpus through the product's own analysis, indexing and
 * query path (the same {@link LuceneEngine} and ranker as the running platform), runs every query
 * and prints one JSON line of MRR@10, recall@10/100, nDCG@10, latency and indexing rate. Starts no
 * web server and writes only into a temporary folder, which it deletes.
 */
public final class MatchEvaluation {

    private MatchEvaluation() {}

    /** Entry point: {@code --corpus corpus.jsonl --queries queries.tsv --qrels qrels.tsv}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].startsWith("--")) {
                opts.put(args[i].substring(2), args[++i]);
            }
        }
        if (!opts.containsKey("corpus") || !opts.containsKey("queries") || !opts.containsKey("qrels")) {
            err.println("usage: match-eval --corpus corpus.jsonl --queries queries.tsv --qrels qrels.tsv");
            return 2;
        }
        try {
            Result r = evaluate(Path.of(opts.get("corpus")), Path.of(opts.get("queries")), Path.of(opts.get("qrels")));
            out.println(r.json());
            return 0;
        } catch (IOException e) {
            err.println("match-eval: " + e.getMessage());
            return 1;
        }
    }

    /** The figures of one run. */
    public record Result(
            int queries,
            double mrr10,
            double recall10,
            double recall100,
            double ndcg10,
            double p50Ms,
            double p99Ms,
            double indexDocsPerS,
            Map<String, Integer> ranks) {

        public String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"queries\":%d,\"mrr@10\":%.4f,\"recall@10\":%.4f,\"recall@100\":%.4f,\"ndcg@10\":%.4f,"
                            + "\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"index_docs_per_s\":%.0f}",
                    queries,
                    mrr10,
                    recall10,
                    recall100,
                    ndcg10,
                    p50Ms,
                    p99Ms,
                    indexDocsPerS);
        }
    }

    /** Indexes and evaluates; {@code ranks} holds each query's rank of its first relevant document (0 = not in 100). */
    /** Queries run untimed before the timed run. */
    static final int WARM_UP = 1000;

    public static Result evaluate(Path corpus, Path queries, Path qrels) throws IOException {
        List<SearchDocument> docs = readCorpus(corpus);
        Map<String, Map<String, Integer>> rel = readQrels(qrels);
        Path tmp = Files.createTempDirectory("match-eval");
        try {
            Ranker ranker = Ranker.forCorpus(docs);
            ranker.warmUp(); // dictionaries load once per process: not part of the indexing rate
            long t0 = System.nanoTime();
            double rate;
            try (LuceneEngine engine = LuceneEngine.open(tmp.resolve("index"), ranker)) {
                engine.addAllNew(docs);
                engine.commit(Map.of());
                rate = docs.size() / ((System.nanoTime() - t0) / 1e9);
                List<String[]> qs = readQueries(queries);
                // warm-up, as a running server is warm: every query at least once and 1,000 queries
                // in all, untimed (a set of 100 long queries run once leaves the JIT half done)
                for (int done = 0; !qs.isEmpty() && (done < qs.size() || done < WARM_UP); done++) {
                    engine.rankIds(qs.get(done % qs.size())[1], 100);
                }
                List<Long> lat = new ArrayList<>();
                double mrr = 0;
                double r10 = 0;
                double r100 = 0;
                double ndcg = 0;
                int n = 0;
                Map<String, Integer> ranks = new LinkedHashMap<>();
                for (String[] q : qs) {
                    Map<String, Integer> judged = rel.get(q[0]);
                    if (judged == null || judged.values().stream().noneMatch(v -> v > 0)) {
                        continue;
                    }
                    long s = System.nanoTime();
                    List<String> ids = engine.rankIds(q[1], 100);
                    lat.add(System.nanoTime() - s);
                    n++;
                    int first = 0;
                    int relevant =
                            (int) judged.values().stream().filter(v -> v > 0).count();
                    int found10 = 0;
                    int found100 = 0;
                    double dcg = 0;
                    for (int i = 0; i < ids.size(); i++) {
                        int g = judged.getOrDefault(ids.get(i), 0);
                        if (g > 0) {
                            if (first == 0) {
                                first = i + 1;
                            }
                            found100++;
                            if (i < 10) {
                                found10++;
                                dcg += (Math.pow(2, g) - 1) / (Math.log(i + 2) / Math.log(2));
                            }
                        }
                    }
                    int[] gains = judged.values().stream()
                            .filter(v -> v > 0)
                            .mapToInt(Integer::intValue)
                            .sorted()
                            .toArray();
                    double idcg = 0;
                    for (int i = 0; i < Math.min(10, gains.length); i++) {
                        int g = gains[gains.length - 1 - i];
                        idcg += (Math.pow(2, g) - 1) / (Math.log(i + 2) / Math.log(2));
                    }
                    if (first > 0 && first <= 10) {
                        mrr += 1.0 / first;
                    }
                    r10 += (double) found10 / relevant;
                    r100 += (double) found100 / relevant;
                    ndcg += idcg > 0 ? dcg / idcg : 0;
                    ranks.put(q[0], first);
                }
                long[] l = lat.stream().mapToLong(Long::longValue).sorted().toArray();
                double p50 = l.length == 0 ? 0 : l[l.length / 2] / 1e6;
                double p99 = l.length == 0 ? 0 : l[Math.min(l.length - 1, (int) Math.ceil(l.length * 0.99) - 1)] / 1e6;
                return new Result(
                        n,
                        n == 0 ? 0 : mrr / n,
                        n == 0 ? 0 : r10 / n,
                        n == 0 ? 0 : r100 / n,
                        n == 0 ? 0 : ndcg / n,
                        p50,
                        p99,
                        rate,
                        ranks);
            }
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(tmp);
        }
    }

    /** For the measurements of docs/matching.md. */
    public static List<SearchDocument> readCorpusForExperiments(Path corpus) throws IOException {
        return readCorpus(corpus);
    }

    public static List<String[]> readQueriesForExperiments(Path queries) throws IOException {
        return readQueries(queries);
    }

    public static Map<String, Map<String, Integer>> readQrelsForExperiments(Path qrels) throws IOException {
        return readQrels(qrels);
    }

    static List<SearchDocument> readCorpus(Path corpus) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<SearchDocument> docs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                String id = n.path("doc_id").asText(n.path("_id").asText(""));
                String title = n.path("title").asText("");
                String text = n.path("text").asText("");
                String discipline = n.path("discipline").asText("");
                Map<String, List<String>> fields =
                        discipline.isEmpty() ? Map.of() : Map.of("discipline", List.of(discipline));
                docs.add(new SearchDocument(
                        "doc", id, title, text, null, Visibility.PUBLIC, null, null, fields, Map.of()));
            }
        }
        return docs;
    }

    static List<String[]> readQueries(Path queries) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
            String[] p = line.split("\t", 2);
            if (p.length == 2 && !p[0].isBlank()) {
                out.add(p);
            }
        }
        return out;
    }

    static Map<String, Map<String, Integer>> readQrels(Path qrels) throws IOException {
        Map<String, Map<String, Integer>> rel = new HashMap<>();
        for (String line : Files.readAllLines(qrels, StandardCharsets.UTF_8)) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 4 && !p[0].equals("query-id") && !p[0].equals("query_id")) {
                try {
                    rel.computeIfAbsent(p[0], k -> new HashMap<>()).put(p[2], Integer.parseInt(p[3]));
                } catch (NumberFormatException ignored) {
                    // header line
                }
            }
        }
        return rel;
    }
}
