package org.gongtong.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The dashboard cache (ADR 0061): a figure never computed is computed once while callers wait; an
 * expired one is served as it was while one background refresh computes the new value; warm-up
 * computes every figure of the scopes without a caller.
 */
class CatalogueCacheTest {

    /** A count whose value is set by the test; counts how often it was asked. */
    static final class Settable implements Indicator {
        final AtomicReference<BigDecimal> value = new AtomicReference<>(BigDecimal.ONE);
        final AtomicInteger asked = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public String id() {
            return "test.settable";
        }

        @Override
        public Family family() {
            return Family.PLAN;
        }

        @Override
        public Measure measure() {
            return Measure.COUNT;
        }

        @Override
        public Unit unit() {
            return Unit.ITEMS;
        }

        @Override
        public BigDecimal value(IndicatorScope scope) {
            asked.incrementAndGet();
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value.get();
        }

        @Override
        public String drillDown(IndicatorScope scope) {
            return "/api/v1/test";
        }

        @Override
        public String page(IndicatorScope scope) {
            return "/test";
        }
    }

    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T08:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    final Settable indicator = new Settable();
    final MovableClock clock = new MovableClock();

    Catalogue catalogue(long seconds) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("settable", indicator);
        return new Catalogue(beans.getBeanProvider(Indicator.class), null, clock, seconds);
    }

    static void eventually(Runnable check) throws InterruptedException {
        AssertionError last = null;
        for (int i = 0; i < 200; i++) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                last = e;
                Thread.sleep(10);
            }
        }
        throw last;
    }

    @Test
    void anExpiredFigureIsServedWhileOneBackgroundRefreshComputesTheNewValue() throws Exception {
        Catalogue c = catalogue(15);
        assertThat(c.cachedValue(indicator, IndicatorScope.CITY)).isEqualByComparingTo("1");
        indicator.value.set(BigDecimal.valueOf(2));
        // fresh: the cached value, no query
        assertThat(c.cachedValue(indicator, IndicatorScope.CITY)).isEqualByComparingTo("1");
        assertThat(indicator.asked).hasValue(1);

        clock.now.updateAndGet(t -> t.plus(Duration.ofSeconds(16)));
        indicator.gate = new CountDownLatch(1); // the refresh is slow
        for (int i = 0; i < 20; i++) {
            // expired: every caller gets the previous value at once, no caller waits
            assertThat(c.cachedValue(indicator, IndicatorScope.CITY)).isEqualByComparingTo("1");
        }
        indicator.gate.countDown();
        eventually(
                () -> assertThat(c.cachedValue(indicator, IndicatorScope.CITY)).isEqualByComparingTo("2"));
        // one refresh for the twenty expired reads
        assertThat(indicator.asked).hasValue(2);
        c.stop();
    }

    @Test
    void warmUpComputesEveryFigureOfTheScopesInTheBackground() throws Exception {
        Catalogue c = catalogue(15);
        c.warm(List.of(IndicatorScope.CITY, IndicatorScope.county("371502")));
        eventually(() -> assertThat(indicator.asked).hasValue(2));
        indicator.value.set(BigDecimal.TEN);
        // served from the warm cache, not asked again
        assertThat(c.cachedValue(indicator, IndicatorScope.county("371502"))).isEqualByComparingTo("1");
        assertThat(indicator.asked).hasValue(2);
        c.stop();
    }

    @Test
    void withoutACacheEveryReadAsksTheIndicator() {
        Catalogue c = catalogue(0);
        c.warm(List.of(IndicatorScope.CITY));
        assertThat(c.cachedValue(indicator, IndicatorScope.CITY)).isEqualByComparingTo("1");
        indicator.value.set(BigDecimal.TEN);
        assertThat(c.cachedValue(indicator, IndicatorScope.CITY)).isEqualByComparingTo("10");
        assertThat(indicator.asked).hasValue(2);
        c.stop();
    }
}
