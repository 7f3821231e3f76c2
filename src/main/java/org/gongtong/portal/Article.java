package org.gongtong.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One piece of portal content; the body is HTML already sanitised when it was saved. */
public record Article(
        long id,
        Section section,
        String slug,
        String title,
        String summary,
        String bodyHtml,
        String issuer,
        String docNumber,
        LocalDate issuedOn,
        String appliedBy,
        String attachments,
        Instant eventStartsAt,
        String eventPlace,
        Integer eventCapacity,
        boolean featured,
        ArticleStatus status,
        Instant publishAt,
        Instant publishedAt,
        String unpublishReason,
        int version,
        boolean demo,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /** A titled link: an attachment or a programme that applies a policy. */
    public record Link(String title, String url) {}

    /** Public from this moment on (published, or scheduled and its time has come). */
    public boolean publicAt(Instant now) {
        return status == ArticleStatus.PUBLISHED
                || (status == ArticleStatus.SCHEDULED && publishAt != null && !publishAt.isAfter(now));
    }

    /** When it went public (the scheduled time for scheduled articles). */
    public Instant shownAt() {
        return publishedAt != null ? publishedAt : publishAt;
    }

    public String path() {
        return "/portal/" + section.path() + "/" + slug;
    }

    public List<Link> attachmentLinks() {
        return links(attachments);
    }

    public List<Link> appliedByLinks() {
        return links(appliedBy);
    }

    /** Lines of {@code title|url} (or just a title); only http(s) and site paths become links. */
    static List<Link> links(String lines) {
        List<Link> out = new ArrayList<>();
        if (lines == null) {
            return out;
        }
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int bar = line.lastIndexOf('|');
            String title = (bar < 0 ? line : line.substring(0, bar)).strip();
            String url = bar < 0 ? null : line.substring(bar + 1).strip();
            out.add(new Link(title, safeUrl(url)));
        }
        return out;
    }

    static String safeUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || (u.startsWith("/") && !u.startsWith("//"))) {
            return u;
        }
        return null;
    }
}
