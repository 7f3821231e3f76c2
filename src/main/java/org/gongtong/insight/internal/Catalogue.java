package org.gongtong.insight.internal;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.platform.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Every {@link Indicator} bean in the application, evaluated for a scope. Names and definitions
 * come from the owning module's bundle ({@code indicator.<id>.name/definition}); the definition
 * version is a hash of the Chinese definition text, so a snapshot says which wording it used.
 *
 * <p>{@link #figures} is exact (it asks each indicator); {@link #cachedFigures} serves the
 * dashboard pages from cached values: a value older than {@code gongtong.insight.cache-seconds} is
 * still served once more while one background thread computes the new one (stale while
 * revalidating), so a page never waits on a COUNT or SUM over a large table except for a figure
 * that has never been computed; {@link #warm} computes every figure of the given scopes in the
 * background (at start-up, see {@link DashboardWarmUp}). ADR 0061.
 */
@Service
public class Catalogue {

    private static final Logger log = LoggerFactory.getLogger(Catalogue.class);

    private final ObjectProvider<Indicator> indicators;
    private final Messages messages;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    /** One thread: background refreshes never take more than one core from the requests. */
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "insight-refresh");
        t.setDaemon(true);
        return t;
    });

    private record Cached(BigDecimal value, Instant at) {}

    Catalogue(
            ObjectProvider<Indicator> indicators,
            Messages messages,
            Clock clock,
            @Value("${gongtong.insight.cache-seconds:15}") long cacheSeconds) {
        this.indicators = indicators;
        this.messages = messages;
        this.clock = clock;
        this.ttl = Duration.ofSeconds(cacheSeconds);
    }

    /** All indicators, in family order then id (the beans are fixed once the context runs: looked up once). */
    public List<Indicator> all() {
        List<Indicator> list = sorted;
        if (list == null) {
            List<Indicator> l = new ArrayList<>(indicators.orderedStream().toList());
            l.sort(Comparator.comparing((Indicator i) -> i.family().ordinal()).thenComparing(Indicator::id));
            sorted = list = List.copyOf(l);
        }
        return list;
    }

    private volatile List<Indicator> sorted;

    public Optional<Indicator> find(String id) {
        return all().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Exact figures for the scope (each indicator's own query, now). */
    public List<Figure> figures(IndicatorScope scope) {
        return all().stream()
                .filter(i -> i.covers(scope))
                .map(i -> figure(i, scope, i.value(scope)))
                .toList();
    }

    /** Figures for the dashboard pages: values at most the cache's time-to-live old. */
    public List<Figure> cachedFigures(IndicatorScope scope) {
        return all().stream()
                .filter(i -> i.covers(scope))
                .map(i -> figure(i, scope, cachedValue(i, scope)))
                .toList();
    }

    public BigDecimal cachedValue(Indicator i, IndicatorScope scope) {
        if (ttl.isZero()) {
            return i.value(scope);
        }
        String key = key(i, scope);
        Instant now = clock.instant();
        Cached c = cache.get(key);
        if (c != null) {
            if (!fresh(c, now)) {
                refreshLater(key, i, scope, true);
            }
            return c.value();
        }
        // never computed: one computation per key, concurrent callers of the same key wait for it
        return cache.computeIfAbsent(key, k -> new Cached(i.value(scope), now)).value();
    }

    /** Computes every figure of these scopes in the background (cold cache after start-up). */
    public void warm(List<IndicatorScope> scopes) {
        if (ttl.isZero()) {
            return;
        }
        long start = System.nanoTime();
        int n = 0;
        for (IndicatorScope scope : scopes) {
            for (Indicator i : all()) {
                if (i.covers(scope)) {
                    String key = key(i, scope);
                    if (!cache.containsKey(key)) {
                        refreshLater(key, i, scope, false);
                        n++;
                    }
                }
            }
        }
        int figures = n;
        refresher.execute(() ->
                log.info("Dashboard figures computed: {} in {} ms", figures, (System.nanoTime() - start) / 1_000_000));
    }

    /**
     * Queues one computation of the key (none when one is queued already). A refresh of an expired
     * figure ({@code paced}) is followed by a pause of {@value #PAUSE_FACTOR} times its duration,
     * so refreshing takes at most a quarter of one core however slow the counts are (figures then
     * lag a little more); the warm-up's first computations are not paced.
     */
    private void refreshLater(String key, Indicator i, IndicatorScope scope, boolean paced) {
        if (!refreshing.add(key)) {
            return; // one refresh per key at a time
        }
        try {
            refresher.execute(() -> {
                long start = System.nanoTime();
                try {
                    cache.put(key, new Cached(i.value(scope), clock.instant()));
                } catch (RuntimeException e) {
                    log.warn("Refreshing {} failed; the page keeps the previous value", key, e);
                } finally {
                    refreshing.remove(key);
                }
                if (paced) {
                    pause((System.nanoTime() - start) * PAUSE_FACTOR);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.remove(key);
        }
    }

    private static final int PAUSE_FACTOR = 3;

    private static void pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    private static String key(Indicator i, IndicatorScope scope) {
        return i.id() + "|" + scopeKey(scope);
    }

    private boolean fresh(Cached c, Instant now) {
        return !c.at().plus(ttl).isBefore(now) && !c.at().isAfter(now);
    }

    public Figure figure(Indicator i, IndicatorScope scope, BigDecimal value) {
        Figure f = shells.computeIfAbsent(
                LocaleContextHolder.getLocale().toLanguageTag() + "|" + key(i, scope), k -> shell(i, scope));
        return new Figure(
                f.id(),
                f.family(),
                f.measure(),
                f.unit(),
                f.name(),
                f.definition(),
                f.definitionVersion(),
                value,
                f.drillDown(),
                f.page());
    }

    /**
     * Everything of a figure but its value, per language and scope: the bundles and the indicators'
     * paths do not change while the application runs, and a dashboard shows ~70 figures (their
     * message look-ups through the 13 module bundles, the hashing and the paths were a large part of
     * the page's CPU time).
     */
    private final Map<String, Figure> shells = new ConcurrentHashMap<>();

    private Figure shell(Indicator i, IndicatorScope scope) {
        return new Figure(
                i.id(),
                i.family(),
                i.measure(),
                i.unit(),
                name(i.id()),
                definition(i.id()),
                definitionVersion(i.id()),
                null,
                i.drillDown(scope),
                i.page(scope));
    }

    public String name(String id) {
        return messages.get("indicator." + id + ".name");
    }

    public String definition(String id) {
        return messages.get("indicator." + id + ".definition");
    }

    /** First 12 hex digits of the SHA-256 of the Chinese definition text. */
    public String definitionVersion(String id) {
        String text = messages.get(Locale.SIMPLIFIED_CHINESE, "indicator." + id + ".definition");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String scopeKey(IndicatorScope scope) {
        return scope.isCity() ? "CITY" : scope.county();
    }
}
