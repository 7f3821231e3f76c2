package org.gongtong.portal;

import java.time.Instant;
import java.time.LocalDate;

/** What an editor fills in; the body may be any HTML, it is sanitised on save. */
public record ArticleForm(
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
        boolean featured) {

    public static ArticleForm of(Section section, String title, String summary, String bodyHtml) {
        return new ArticleForm(
                section, null, title, summary, bodyHtml, null, null, null, null, null, null, null, null, false);
    }
}
