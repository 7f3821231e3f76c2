package org.gongtong;

import org.gongtong.search.MatchEvaluation;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/** The Gongtong platform: one modular monolith, one module per business capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class GongtongApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "match-eval".equals(args[0])) {
            // the matching evaluation: no Spring context, no web server, only a temporary folder
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            System.exit(MatchEvaluation.run(rest, System.out, System.err));
        }
        if (args.length > 0 && "search-bench".equals(args[0])) {
            // the search engine at scale (bench/search-1m.sh): no Spring context, only a temporary folder
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            System.exit(org.gongtong.search.SearchBenchmark.run(rest, System.out, System.err));
        }
        SpringApplication.run(GongtongApplication.class, args);
    }
}
