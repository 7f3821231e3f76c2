package org.gongtong.insight.internal;

import java.util.ArrayList;
import java.util.List;
import org.gongtong.insight.IndicatorScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready, computes every figure of the city and of each county in the
 * background, so that the first dashboard after a start does not wait on dozens of counts over
 * large tables ({@code gongtong.insight.warm-up}, on by default; tests switch it off so their
 * figures are computed after they seed their rows).
 */
@Component
class DashboardWarmUp {

    private final Catalogue catalogue;
    private final Access access;
    private final boolean enabled;

    DashboardWarmUp(Catalogue catalogue, Access access, @Value("${gongtong.insight.warm-up:true}") boolean enabled) {
        this.catalogue = catalogue;
        this.access = access;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warm() {
        if (!enabled) {
            return;
        }
        List<IndicatorScope> scopes = new ArrayList<>();
        scopes.add(IndicatorScope.CITY);
        access.counties().forEach(c -> scopes.add(IndicatorScope.county(c.code())));
        catalogue.warm(scopes);
    }
}
