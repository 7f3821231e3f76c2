package org.gongtong.insight;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Exact totals (the COUNT or SUM of a list's WHERE) kept between requests, so that a drill-down or a
 * dashboard figure over 100,000 rows does not count them again while nothing they read has changed
 * (issue 7, ADR 0062). A total is stored with the write version of each table it reads and with the
 * organisations' fingerprint; it is used only while all of them are unchanged, so a cached total is
 * always the value the SQL would give now.
 *
 * <p>Every code path that writes one of those tables calls {@link #changed} (the owning module's
 * repositories do; {@code TotalsWritersTest} checks that each write statement of a cached table sits
 * next to such a call). The version moves when the statement runs and again when its transaction
 * ends, so a total computed from rows that were not committed yet is never kept. Organisations are
 * written by the registry, which does not call this: their fingerprint (latest {@code updated_at} and
 * the organisation tally's sum, two index-only look-ups) changes when one is added, removed or edited
 * — a move to another county included — and every total joins organisations for the county.
 *
 * <p>The versions live in this process: with several application instances on one database each
 * would miss the others' writes, so {@code gongtong.insight.totals-cache=false} turns the cache off
 * (every total counted, as before).
 */
@Component
public class Totals {

    /** More keys than this (free-text filters, say) and the cache starts over. */
    private static final int MAX_ENTRIES = 5_000;

    private final JdbcClient jdbc;
    private final boolean enabled;
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(long[] versions, List<Object> organisations, CompletableFuture<Object> value) {

        boolean holds(long[] v, List<Object> o) {
            return Arrays.equals(versions, v) && organisations.equals(o);
        }
    }

    Totals(JdbcClient jdbc, @Value("${gongtong.insight.totals-cache:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    /**
     * The total of {@code sql} with {@code params} (a single-row, single-column query), computed once
     * while {@code tables} (every table the SQL reads except {@code organisation}) are unchanged.
     */
    public long count(String sql, Map<String, Object> params, String... tables) {
        return scalar(sql, params, tables, Long.class);
    }

    /** As {@link #count}, for a {@code COALESCE(SUM(…), 0)}. */
    public java.math.BigDecimal sum(String sql, Map<String, Object> params, String... tables) {
        return scalar(sql, params, tables, java.math.BigDecimal.class);
    }

    private <T> T scalar(String sql, Map<String, Object> params, String[] tables, Class<T> type) {
        return get(
                sql,
                params,
                tables,
                () -> jdbc.sql(sql).params(params).query(type).single());
    }

    /** A COUNT and a SUM of the same rows. */
    public record CountAndSum(long count, java.math.BigDecimal sum) {}

    /** As {@link #count}, for {@code SELECT COUNT(*), COALESCE(SUM(…), 0) …}. */
    public CountAndSum countAndSum(String sql, Map<String, Object> params, String... tables) {
        return get(
                sql,
                params,
                tables,
                () -> jdbc.sql(sql)
                        .params(params)
                        .query((rs, row) -> new CountAndSum(rs.getLong(1), rs.getBigDecimal(2)))
                        .single());
    }

    /**
     * Any value computed from the tables (and organisations) only, under a key that names the query
     * and its parameters. Concurrent requests for the same key and versions wait for one computation
     * (while a table is being written often, every request would otherwise count it again). Inside a
     * transaction that wrote a cached table the value is computed and neither kept nor shared: it
     * sees rows nobody else sees yet.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String sql, Map<String, Object> params, String[] tables, Supplier<T> compute) {
        if (!enabled || TransactionSynchronizationManager.hasResource(this)) {
            return compute.get();
        }
        String key = sql + '\u0000' + params;
        long[] before = versions(tables);
        List<Object> organisations = organisationFingerprint();
        Entry mine = new Entry(before, organisations, new CompletableFuture<>());
        Entry e = cache.compute(key, (k, old) -> old != null && old.holds(before, organisations) ? old : mine);
        if (e != mine) {
            try {
                return (T) e.value().join();
            } catch (CompletionException failed) {
                // the other computation failed: count here, and say why if it fails again
                return compute.get();
            }
        }
        try {
            T value = compute.get();
            mine.value().complete(value);
            // kept only when no write to these tables began or ended while it was computed
            if (value == null || !Arrays.equals(versions(tables), before)) {
                cache.remove(key, mine);
            } else if (cache.size() > MAX_ENTRIES) {
                cache.clear();
            }
            return value;
        } catch (RuntimeException | Error failed) {
            mine.value().completeExceptionally(failed);
            cache.remove(key, mine);
            throw failed;
        }
    }

    /**
     * Rows of these tables were (or are being) written: totals over them are counted again. Call it
     * next to every INSERT, UPDATE or DELETE of a table a cached total reads; inside a transaction
     * the version moves again when it commits or rolls back.
     */
    public void changed(String... tables) {
        bump(tables);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (!TransactionSynchronizationManager.hasResource(this)) {
                // this transaction now sees rows others do not: its totals are neither kept nor shared
                TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Totals.this);
                    bump(tables);
                }
            });
        }
    }

    private void bump(String... tables) {
        for (String t : tables) {
            versions.computeIfAbsent(t, k -> new AtomicLong()).incrementAndGet();
        }
    }

    private long[] versions(String[] tables) {
        long[] v = new long[tables.length];
        for (int k = 0; k < tables.length; k++) {
            AtomicLong a = versions.get(tables[k]);
            v[k] = a == null ? 0 : a.get();
        }
        return v;
    }

    private List<Object> organisationFingerprint() {
        return jdbc.sql("""
                        SELECT (SELECT MAX(updated_at) FROM organisation) AS latest,
                          (SELECT COALESCE(SUM(n), 0) FROM organisation_tally) AS n""")
                .query((rs, row) -> List.<Object>of(Objects.toString(rs.getObject("latest")), rs.getLong("n")))
                .single();
    }
}
