package org.gongtong.insight.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.OrganisationDirectory;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Monthly snapshots of every indicator for the city and each county: taken by the schedule at
 * 23:50 on the last day of each month (Asia/Shanghai) and on demand by an administrator; taking a
 * month again replaces that month. Trends read only snapshots, so editing old rows never changes
 * them.
 */
@Service
public class Snapshots {

    public static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    public record Point(String indicatorId, String scopeKey, YearMonth period, BigDecimal value, String version) {}

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final OrganisationDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    Snapshots(JdbcClient jdbc, Catalogue catalogue, OrganisationDirectory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(LOCAL));
    }

    @Scheduled(cron = "0 50 23 L * *", zone = "Asia/Shanghai")
    void monthly() {
        int n = take(thisMonth(), "schedule");
        log.info("Took the monthly insight snapshot of {}: {} values", thisMonth(), n);
    }

    /** An administrator takes (or retakes) this month's snapshot now. */
    @Transactional
    public int takeNow(Actor actor) {
        if (!actor.isAdmin()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        YearMonth month = thisMonth();
        int n = take(month, actor.username());
        audit.record("INSIGHT_SNAPSHOT", "insight_snapshot", month.toString(), null, Map.of("values", n));
        return n;
    }

    @Transactional
    public int take(YearMonth month, String by) {
        List<IndicatorScope> scopes = new ArrayList<>();
        scopes.add(IndicatorScope.CITY);
        directory.counties().forEach(c -> scopes.add(IndicatorScope.county(c.code())));
        int n = 0;
        for (Indicator i : catalogue.all()) {
            String version = catalogue.definitionVersion(i.id());
            for (IndicatorScope s : scopes) {
                if (!i.covers(s)) {
                    continue;
                }
                BigDecimal v = i.value(s);
                String key = Catalogue.scopeKey(s);
                jdbc.sql("DELETE FROM insight_snapshot WHERE indicator_id = :i AND scope_key = :s AND period = :p")
                        .param("i", i.id())
                        .param("s", key)
                        .param("p", month.toString())
                        .update();
                jdbc.sql("""
                                INSERT INTO insight_snapshot (indicator_id, scope_key, period, snapshot_value,
                                  definition_version, taken_at, taken_by)
                                VALUES (:i, :s, :p, :v, :ver, :at, :by)""")
                        .param("i", i.id())
                        .param("s", key)
                        .param("p", month.toString())
                        .param("v", v)
                        .param("ver", version)
                        .param("at", Sql.timestamp(clock.instant()))
                        .param("by", by)
                        .update();
                n++;
            }
        }
        seriesChanged();
        return n;
    }

    /**
     * The dashboard asks for a scope's series on every page: kept here and read again only after
     * snapshots were written (this class is their only writer), once the writing transaction ended.
     */
    private final AtomicLong written = new AtomicLong();

    private record Series(long written, Map<String, Map<YearMonth, Point>> points) {}

    private final Map<String, Series> seriesCache = new ConcurrentHashMap<>();

    private void seriesChanged() {
        written.incrementAndGet();
        seriesCache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    written.incrementAndGet();
                    seriesCache.clear();
                }
            });
        }
    }

    /** Snapshots of a scope in [from, to], by indicator id then month. */
    public Map<String, Map<YearMonth, Point>> series(IndicatorScope scope, YearMonth from, YearMonth to) {
        String key = Catalogue.scopeKey(scope) + "|" + from + "|" + to;
        long before = written.get();
        Series cached = seriesCache.get(key);
        if (cached != null && cached.written() == before) {
            return cached.points();
        }
        Map<String, Map<YearMonth, Point>> points = Collections.unmodifiableMap(read(scope, from, to));
        if (written.get() == before) {
            if (seriesCache.size() > 1_000) {
                seriesCache.clear();
            }
            seriesCache.put(key, new Series(before, points));
        }
        return points;
    }

    private Map<String, Map<YearMonth, Point>> read(IndicatorScope scope, YearMonth from, YearMonth to) {
        Map<String, Map<YearMonth, Point>> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT indicator_id, scope_key, period, snapshot_value, definition_version FROM insight_snapshot
                        WHERE scope_key = :s AND period >= :from AND period <= :to ORDER BY indicator_id, period""")
                .param("s", Catalogue.scopeKey(scope))
                .param("from", from.toString())
                .param("to", to.toString())
                .query((rs, n) -> new Point(
                        rs.getString(1),
                        rs.getString(2),
                        YearMonth.parse(rs.getString(3)),
                        rs.getBigDecimal(4),
                        rs.getString(5)))
                .list()
                .forEach(p -> out.computeIfAbsent(p.indicatorId(), k -> new LinkedHashMap<>())
                        .put(p.period(), p));
        return out;
    }

    /** One indicator's snapshot values of a month for every scope key. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> byScope(String indicatorId, YearMonth month) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        jdbc.sql("SELECT scope_key, snapshot_value FROM insight_snapshot WHERE indicator_id = :i AND period = :p")
                .param("i", indicatorId)
                .param("p", month.toString())
                .query((rs, n) -> out.put(rs.getString(1), rs.getBigDecimal(2)))
                .list();
        return out;
    }
}
