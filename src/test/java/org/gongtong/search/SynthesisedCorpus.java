package org.gongtong.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The records of {@code search-bench} (dev corpus + synthetic records), for experiments. */
public final class SynthesisedCorpus {

    private SynthesisedCorpus() {}

    public static List<SearchDocument> of(Path data, int docs) throws IOException {
        List<SearchDocument> corpus = MatchEvaluation.readCorpus(data.resolve("dev/corpus.jsonl"));
        SearchBenchmark.Synthesiser synth = new SearchBenchmark.Synthesiser(corpus, data.resolve("train"));
        List<SearchDocument> out = new ArrayList<>(corpus);
        for (int i = 0; out.size() < docs; i++) {
            out.add(synth.next(i));
        }
        return out;
    }
}
