package org.gongtong.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongtong.search.internal.LuceneEngine;
import org.gongtong.search.internal.Ranker;

/**
 * {@code search-bench}: the search engine at scale through the product's own indexing and query
 * path ({@link LuceneEngine} with the default ranker, as {@code match-eval}). It indexes the dev
 * corpus plus synthetic records up to {@code --docs} (each a real title from {@code train/} and
 * 3–7 sentences drawn at random from the dev and train abstracts, seed 42), then runs the dev
 * query sets and prints one JSON line per phase: indexing rate (wall and per CPU-second), query
 * latency p50/p99 (wall and thread CPU time), how often the first 50 queries of a set have the
 * same top 10 and the same first record as when run as one Lucene query (ADR 0066), MRR@10 against
 * the dev qrels (the relevant paper is now among near-duplicates made of its own sentences:
 * informative only), heap, RSS, index size, and the 1-minute load average. Writes only under {@code --dir} (default: a temporary folder),
 * which it deletes.
 *
 * <pre>search-bench --data ../shared/data/matching --docs 1000000 [--per-set 250] [--dir target/x]</pre>
 */
public final class SearchBenchmark {

    /** Queries per set also run as one Lucene query, to measure agreement (a one-query need costs ~1 s at 1M). */
    static final int AGREEMENT_QUERIES = 50;

    private static final Pattern SENTENCE = Pattern.compile("(?<=[。．；;！？!?])");

    private SearchBenchmark() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].startsWith("--")) {
                opts.put(args[i].substring(2), args[++i]);
            }
        }
        if (!opts.containsKey("data")) {
            err.println(
                    "usage: search-bench --data DIR(with dev/ and train/) [--docs 1000000] [--per-set 250] [--dir DIR]");
            return 2;
        }
        try {
            Path data = Path.of(opts.get("data"));
            int docs = Integer.parseInt(opts.getOrDefault("docs", "1000000"));
            int perSet = Integer.parseInt(opts.getOrDefault("per-set", "250"));
            Path dir = opts.containsKey("dir")
                    ? Files.createDirectories(Path.of(opts.get("dir"))).resolve("search-bench-" + System.nanoTime())
                    : Files.createTempDirectory("search-bench");
            try {
                bench(data, docs, perSet, dir, out);
            } finally {
                org.springframework.util.FileSystemUtils.deleteRecursively(dir);
            }
            return 0;
        } catch (IOException e) {
            err.println("search-bench: " + e.getMessage());
            return 1;
        }
    }

    static void bench(Path data, int target, int perSet, Path dir, PrintStream out) throws IOException {
        Path dev = data.resolve("dev");
        List<SearchDocument> corpus = MatchEvaluation.readCorpus(dev.resolve("corpus.jsonl"));
        Synthesiser synth = new Synthesiser(corpus, data.resolve("train"));
        Ranker ranker = Ranker.forCorpus(corpus);
        ranker.warmUp();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (LuceneEngine engine = LuceneEngine.open(dir.resolve("index"), ranker)) {
            String load0 = load();
            long wall = 0;
            long cpu = 0;
            int indexed = 0;
            List<SearchDocument> batch = new ArrayList<>(corpus);
            int next = 0;
            while (true) {
                while (batch.size() < 20_000 && indexed + batch.size() < target) {
                    batch.add(synth.next(next++));
                }
                if (batch.isEmpty()) {
                    break;
                }
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                engine.addAllNew(batch);
                wall += System.nanoTime() - t0;
                cpu += os.getProcessCpuTime() - c0;
                indexed += batch.size();
                batch.clear();
                if (indexed >= target) {
                    break;
                }
            }
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            engine.commit(Map.of());
            wall += System.nanoTime() - t0;
            cpu += os.getProcessCpuTime() - c0;
            out.printf(
                    Locale.ROOT,
                    "{\"phase\":\"index\",\"docs\":%d,\"seconds\":%.1f,\"docs_per_s\":%.0f,\"cpu_seconds\":%.1f,"
                            + "\"docs_per_cpu_s\":%.0f,\"threads\":%d,\"cores\":%d,\"load1_before\":%s,\"load1_after\":%s}%n",
                    indexed,
                    wall / 1e9,
                    indexed / (wall / 1e9),
                    cpu / 1e9,
                    indexed / (cpu / 1e9),
                    LuceneEngine.bulkThreads(),
                    Runtime.getRuntime().availableProcessors(),
                    load0,
                    load());
            out.flush();

            Map<String, Map<String, Integer>> rel = MatchEvaluation.readQrels(dev.resolve("qrels.tsv"));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            List<long[]> all = new ArrayList<>();
            for (String set : List.of("title", "keywords", "keywords_absent", "needs")) {
                Path qf = dev.resolve("queries_" + set + ".tsv");
                if (!Files.exists(qf)) {
                    continue;
                }
                List<String[]> qs = MatchEvaluation.readQueries(qf);
                qs = qs.subList(0, Math.min(perSet, qs.size()));
                String before = load();
                for (String[] q : qs.subList(0, Math.min(50, qs.size()))) {
                    engine.rankIds(q[1], 100); // warm-up: a running server is warm
                }
                long[] w = new long[qs.size()];
                long[] c = new long[qs.size()];
                double mrr = 0;
                for (int i = 0; i < qs.size(); i++) {
                    long cs = threads.getCurrentThreadCpuTime();
                    long s = System.nanoTime();
                    List<String> ids = engine.rankIds(qs.get(i)[1], 100);
                    w[i] = System.nanoTime() - s;
                    c[i] = threads.getCurrentThreadCpuTime() - cs;
                    Map<String, Integer> judged = rel.getOrDefault(qs.get(i)[0], Map.of());
                    for (int k = 0; k < Math.min(10, ids.size()); k++) {
                        if (judged.getOrDefault(ids.get(k), 0) > 0) {
                            mrr += 1.0 / (k + 1);
                            break;
                        }
                    }
                }
                all.add(w);
                // agreement with the one-query ranking (long queries run in two stages, ADR 0066)
                int compared = Math.min(qs.size(), AGREEMENT_QUERIES);
                int sameTop10 = 0;
                int sameFirst = 0;
                for (int i = 0; i < compared; i++) {
                    List<String> two = engine.rankIds(qs.get(i)[1], 100);
                    List<String> one = engine.rankIds(qs.get(i)[1], 100, false);
                    if (two.subList(0, Math.min(10, two.size())).equals(one.subList(0, Math.min(10, one.size())))) {
                        sameTop10++;
                    }
                    if (!two.isEmpty() && !one.isEmpty() && two.get(0).equals(one.get(0))) {
                        sameFirst++;
                    }
                }
                out.printf(
                        Locale.ROOT,
                        "{\"phase\":\"query\",\"set\":\"%s\",\"docs\":%d,\"queries\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f,"
                                + "\"cpu_p50_ms\":%.2f,\"cpu_p99_ms\":%.2f,\"mrr@10\":%.4f,"
                                + "\"same_top10_as_one_query\":\"%d/%d\",\"same_first\":\"%d/%d\",\"load1_before\":%s,\"load1_after\":%s}%n",
                        set,
                        indexed,
                        qs.size(),
                        pct(w, 0.50),
                        pct(w, 0.99),
                        pct(c, 0.50),
                        pct(c, 0.99),
                        qs.isEmpty() ? 0 : mrr / qs.size(),
                        sameTop10,
                        compared,
                        sameFirst,
                        compared,
                        before,
                        load());
                out.flush();
            }
            long[] merged = all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            out.printf(
                    Locale.ROOT,
                    "{\"phase\":\"memory\",\"docs\":%d,\"all_queries_p50_ms\":%.2f,\"all_queries_p99_ms\":%.2f,"
                            + "\"heap_used_after_gc_mb\":%d,\"heap_max_mb\":%d,\"rss_mb\":%d,\"rss_peak_mb\":%d,\"index_mb\":%d}%n",
                    indexed,
                    pct(merged, 0.50),
                    pct(merged, 0.99),
                    (rt.totalMemory() - rt.freeMemory()) >> 20,
                    rt.maxMemory() >> 20,
                    procStatus("VmRSS") >> 10,
                    procStatus("VmHWM") >> 10,
                    folderSize(dir) >> 20);
        }
    }

    /**
     * Synthetic records: a real title (with its category) from {@code train/title_category.jsonl}
     * and 3–7 sentences drawn from the dev and train abstracts; the discipline is the first
     * sentence's when it comes from a dev record, else the title's category.
     */
    static final class Synthesiser {
        private final List<String> sentences = new ArrayList<>();
        private final List<String> sentenceDiscipline = new ArrayList<>();
        private final List<String[]> titles = new ArrayList<>();

        Synthesiser(List<SearchDocument> corpus, Path train) throws IOException {
            for (SearchDocument d : corpus) {
                List<String> disc = d.fields().getOrDefault("discipline", List.of());
                split(d.body(), disc.isEmpty() ? null : disc.get(0));
            }
            ObjectMapper json = new ObjectMapper();
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode n : lines(json, train.resolve("abstract_keywords.jsonl"))) {
                String a = n.path("abstract").asText("");
                if (seen.add(a)) {
                    split(a, null);
                }
            }
            for (JsonNode n : lines(json, train.resolve("title_category.jsonl"))) {
                titles.add(new String[] {
                    n.path("title").asText(""), n.path("category").asText("")
                });
            }
            if (sentences.isEmpty() || titles.isEmpty()) {
                throw new IllegalStateException("no texts to synthesise from");
            }
        }

        private void split(String text, String discipline) {
            for (String s : SENTENCE.split(text)) {
                if (s.strip().length() >= 6) {
                    sentences.add(s.strip());
                    sentenceDiscipline.add(discipline);
                }
            }
        }

        SearchDocument next(int i) {
            Random rnd = new Random(42L * 1_000_003L + i);
            String[] title = titles.get(rnd.nextInt(titles.size()));
            StringBuilder body = new StringBuilder();
            String discipline = null;
            int n = 3 + rnd.nextInt(5);
            for (int k = 0; k < n; k++) {
                int s = rnd.nextInt(sentences.size());
                if (k == 0) {
                    discipline = sentenceDiscipline.get(s);
                }
                body.append(sentences.get(s));
            }
            if (discipline == null) {
                discipline = title[1];
            }
            return new SearchDocument(
                    "doc",
                    "syn" + i,
                    title[0],
                    body.toString(),
                    null,
                    Visibility.PUBLIC,
                    null,
                    null,
                    Map.of("discipline", List.of(discipline)),
                    Map.of());
        }
    }

    private static List<JsonNode> lines(ObjectMapper json, Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
        }
        return out;
    }

    static double pct(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        long[] l = values.clone();
        java.util.Arrays.sort(l);
        return l[Math.min(l.length - 1, (int) Math.ceil(l.length * p) - 1)] / 1e6;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "null";
        }
    }

    /** A value in kB from /proc/self/status (0 where there is none). */
    private static long procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    private static long folderSize(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }
}
