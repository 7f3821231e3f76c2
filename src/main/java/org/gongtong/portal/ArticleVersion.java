package org.gongtong.portal;

import java.time.Instant;

/** One saved state of an article in its history. */
public record ArticleVersion(
        int version,
        ArticleStatus status,
        String title,
        String summary,
        String bodyHtml,
        String action,
        String note,
        String changedBy,
        Instant changedAt) {}
