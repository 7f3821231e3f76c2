package org.gongtong;

import org.gongtong.search.MatchEvaluation;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Gongtong platform: one modular monolith, one module per business capability. No bean
 * method proxies (nothing here calls a {@code @Bean} method), no {@code @ConfigurationProperties}
 * scan (there are no such classes) and no {@code @EnableAsync} (nothing is {@code @Async}): each
 * was work at every start for nothing (ADR 0065). Started from the jar, it runs the context Spring
 * AOT generated when the jar was built and loads the classes a start needs ahead (ADR 0067).
 */
@SpringBootApplication(proxyBeanMethods = false)
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
        startUpDefaults();
        if (startedFromTheJar()) {
            StartUpClasses.loadAheadInBackground(GongtongApplication.class.getClassLoader());
            // the bean definitions generated when the jar was built (Spring AOT, ADR 0067)
            setIfAbsent("spring.aot.enabled", "true");
        }
        UnpackedLibraries.removeLeftoversInBackground();
        SpringApplication.run(GongtongApplication.class, args);
    }

    /**
     * Start-up settings that Spring and commons-logging read only from system properties, set
     * unless the operator set them (ADR 0064): commons-logging is told its bridge (SLF4J, which its
     * own discovery would pick too) instead of probing the class path and initialising Log4j's API
     * to find out; Boot's background pre-initialisation is off, because on two cores its thread
     * competes with the start itself, mostly warming things that are never used (Bean Validation,
     * Jackson 2 message converters).
     */
    static void startUpDefaults() {
        setIfAbsent("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.Slf4jLogFactory");
        setIfAbsent("spring.backgroundpreinitializer.ignore", "true");
    }

    /**
     * True when running from the packaged jar ({@code java -jar target/gongtong.jar}), false from
     * {@code mvn spring-boot:run} or a test's class path: only the jar carries the code Spring AOT
     * generated at build time (a {@code target/classes} left by an earlier build may hold an out-of-date
     * copy) and the list of start-up classes recorded from it.
     */
    static boolean startedFromTheJar() {
        java.net.URL self = GongtongApplication.class.getResource("GongtongApplication.class");
        java.net.URL generated =
                GongtongApplication.class.getResource("GongtongApplication__ApplicationContextInitializer.class");
        return self != null && "jar".equals(self.getProtocol()) && generated != null;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
