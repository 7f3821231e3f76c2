package org.gongtong.insight.internal;

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
import java.util.concurrent.ConcurrentHashMap;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.platform.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Every {@link Indicator} bean in the application, evaluated for a scope. Names and definitions
 * come from the owning module's bundle ({@code indicator.<id>.name/definition}); the definition
 * version is a hash of the Chinese definition text, so a snapshot says which wording it used.
 *
 * <p>{@link #figures} is exact (it asks each indicator); {@link #cachedFigures} serves the
 * dashboard pages from values at most {@code gongtong.insight.cache-seconds} old.
 */
@Service
public class Catalogue {

    private final ObjectProvider<Indicator> indicators;
    private final Messages messages;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

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

    /** All indicators, in family order then id. */
    public List<Indicator> all() {
        List<Indicator> list = new ArrayList<>(indicators.orderedStream().toList());
        list.sort(Comparator.comparing((Indicator i) -> i.family().ordinal()).thenComparing(Indicator::id));
        return list;
    }

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
        String key = i.id() + "|" + scopeKey(scope);
        Instant now = clock.instant();
        Cached c = cache.get(key);
        if (c != null && fresh(c, now)) {
            return c.value();
        }
        // one computation per expired entry: concurrent callers of the same key wait for it
        // instead of all running the same query at once
        return cache.compute(key, (k, old) -> old != null && fresh(old, now) ? old : new Cached(i.value(scope), now))
                .value();
    }

    private boolean fresh(Cached c, Instant now) {
        return !c.at().plus(ttl).isBefore(now) && !c.at().isAfter(now);
    }

    public Figure figure(Indicator i, IndicatorScope scope, BigDecimal value) {
        return new Figure(
                i.id(),
                i.family(),
                i.measure(),
                i.unit(),
                name(i.id()),
                definition(i.id()),
                definitionVersion(i.id()),
                value,
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
