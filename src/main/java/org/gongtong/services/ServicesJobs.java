package org.gongtong.services;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Periodic sweeps: no-shows and usage records due (every 5 minutes). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ServicesJobs {

    private final InstrumentService instruments;

    ServicesJobs(InstrumentService instruments) {
        this.instruments = instruments;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
    void sweep() {
        instruments.markNoShows();
    }
}
