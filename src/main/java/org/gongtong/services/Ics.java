package org.gongtong.services;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An instrument's bookings as an iCalendar (RFC 5545) feed. */
final class Ics {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Ics() {}

    static String calendar(Instrument i, List<Booking> bookings, Instant now) {
        StringBuilder s = new StringBuilder();
        line(s, "BEGIN:VCALENDAR");
        line(s, "VERSION:2.0");
        line(s, "PRODID:-//Gongtong//Instrument sharing//ZH");
        line(s, "CALSCALE:GREGORIAN");
        line(s, "X-WR-CALNAME:" + escape(i.name()));
        for (Booking b : bookings) {
            line(s, "BEGIN:VEVENT");
            line(s, "UID:booking-" + b.id() + "@gongtong");
            line(s, "DTSTAMP:" + UTC.format(now));
            line(s, "DTSTART:" + UTC.format(b.start()));
            line(s, "DTEND:" + UTC.format(b.end()));
            line(
                    s,
                    "SUMMARY:"
                            + escape(i.name() + " #" + b.id() + " " + b.status().name()));
            line(s, "STATUS:" + (b.status() == BookingStatus.PENDING ? "TENTATIVE" : "CONFIRMED"));
            if (i.location() != null) {
                line(s, "LOCATION:" + escape(i.location()));
            }
            line(s, "END:VEVENT");
        }
        line(s, "END:VCALENDAR");
        return s.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\n", "\\n");
    }

    private static void line(StringBuilder s, String line) {
        s.append(line).append("\r\n");
    }
}
