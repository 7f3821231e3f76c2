package org.gongtong.network;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gongtong.identity.Role;
import org.gongtong.network.NetworkRecords.Community;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.notifications.NotificationRequested.Audience;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every morning: preparation deadlines within 30 days and those already passed are sent to the
 * county officers of the community's county and to the institute's staff (deduplicated per day and
 * kind, so the daily run does not repeat itself).
 */
@Component
public class DeadlineReminders {

    static final int DAYS_AHEAD = 30;

    private final Communities communities;
    private final CommunityService service;
    private final ApplicationEventPublisher events;

    DeadlineReminders(Communities communities, CommunityService service, ApplicationEventPublisher events) {
        this.communities = communities;
        this.service = service;
        this.events = events;
    }

    @Scheduled(cron = "0 0 8 * * *", zone = "Asia/Shanghai")
    void daily() {
        remind();
    }

    /** Publishes the reminders due today; returns them. */
    @Transactional
    public List<NotificationRequested> remind() {
        LocalDate today = service.today();
        List<NotificationRequested> sent = new ArrayList<>();
        for (Community c : communities.preparingDueBy(today.plusDays(DAYS_AHEAD), today)) {
            String code = c.overdue() ? "network.notify.overdue" : "network.notify.deadlineSoon";
            String kind = c.overdue() ? "overdue" : "soon";
            var due = c.preparationDeadline()
                    .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                    .toInstant();
            List<Audience> audiences = List.of(
                    Audience.roleInCounty(Role.COUNTY_OFFICER, c.county()), Audience.role(Role.INSTITUTE_STAFF));
            for (Audience a : audiences) {
                NotificationRequested n = new NotificationRequested(
                        "network",
                        NotificationRequested.Category.DEADLINE,
                        a,
                        code,
                        List.of(c.name(), c.preparationDeadline().toString()),
                        "/communities/" + c.id(),
                        due,
                        "community-" + c.id() + "-" + kind + "-" + c.preparationDeadline() + "-" + today);
                events.publishEvent(n);
                sent.add(n);
            }
        }
        return sent;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {}
}
