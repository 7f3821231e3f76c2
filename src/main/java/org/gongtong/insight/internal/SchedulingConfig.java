package org.gongtong.insight.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the monthly snapshots. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {}
