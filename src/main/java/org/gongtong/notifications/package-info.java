/**
 * The notification centre: every module raises {@link
 * org.gongtong.notifications.NotificationRequested} events (deadlines, tasks waiting on someone,
 * results); this module stores them per recipient, shows the inbox with unread counts, and sends
 * mail when SMTP is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.gongtong.notifications;
