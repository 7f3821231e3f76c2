package org.gongtong.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Term associations shipped in the jar ({@code search/associations.tsv}, learned from
 * {@code train/abstract_keywords.jsonl} by {@code bench/learn-associations.py}): an asker's term →
 * terms that documents about the same thing use, with a weight normalised to at most 1.
 */
final class Associations {

    static final Associations EMPTY = new Associations(Map.of());

    record Related(String term, double weight) {}

    private final Map<String, List<Related>> map;

    private Associations(Map<String, List<Related>> map) {
        this.map = map;
    }

    static Associations load() {
        Map<String, List<Related>> m = new HashMap<>();
        double max = 0;
        try (InputStream in = Associations.class.getResourceAsStream("/search/associations.tsv")) {
            if (in == null) {
                return EMPTY;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] p = line.split("\t");
                double w = Double.parseDouble(p[2]);
                max = Math.max(max, w);
                m.computeIfAbsent(p[0], k -> new ArrayList<>()).add(new Related(p[1], w));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final double z = max <= 0 ? 1 : max;
        m.replaceAll((k, v) ->
                v.stream().map(x -> new Related(x.term(), x.weight() / z)).toList());
        return new Associations(m);
    }

    List<Related> of(String term) {
        return map.getOrDefault(term, List.of());
    }
}
