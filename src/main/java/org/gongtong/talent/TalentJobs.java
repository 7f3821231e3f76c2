package org.gongtong.talent;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Daily: expiring terms and missing reports become notifications (deduplicated). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TalentJobs {

    private final TalentService talent;

    TalentJobs(TalentService talent) {
        this.talent = talent;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT24H")
    void flag() {
        talent.flagDeadlines();
    }
}
