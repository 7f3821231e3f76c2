/**
 * Services: shared research instruments (科研仪器共享) with booking, usage records, charges, an ICS
 * feed and utilisation reports; incubators (孵化器) with cohorts, incubatees and their monthly KPIs;
 * the public testing platform and service agencies with their catalogues, orders and ratings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Services")
package org.gongtong.services;
