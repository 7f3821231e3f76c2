package org.gongtong.portal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SearchDocumentSource;
import org.gongtong.search.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Portal content in the platform's one search index: published and scheduled articles are public
 * documents of type {@code article} carrying the moment they go public ({@code publishAt}, epoch
 * seconds), so the public search only finds what is public at the clock's now; drafts, articles in
 * review and unpublished ones are never indexed.
 */
@Component
class ArticleSearch implements SearchDocumentSource {

    static final String TYPE = "article";
    static final String PUBLISH_AT = "publishAt";

    private final JdbcClient jdbc;

    ArticleSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static boolean indexed(Article a) {
        return (a.status() == ArticleStatus.PUBLISHED || a.status() == ArticleStatus.SCHEDULED) && a.shownAt() != null;
    }

    static SearchDocument document(Article a) {
        return new SearchDocument(
                TYPE,
                Long.toString(a.id()),
                a.title(),
                (a.summary() == null ? "" : a.summary() + "\n")
                        + (a.issuer() == null ? "" : a.issuer() + " ")
                        + (a.docNumber() == null ? "" : a.docNumber() + "\n")
                        + RichText.text(a.bodyHtml()),
                null,
                Visibility.PUBLIC,
                null,
                null,
                Map.of("section", List.of(a.section().name()), "path", List.of(a.path())),
                Map.of(PUBLISH_AT, a.shownAt().getEpochSecond()));
    }

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM portal_article WHERE status IN ('PUBLISHED', 'SCHEDULED')")
                .query(Long.class)
                .single();
    }

    @Override
    public void forEach(Consumer<SearchDocument> sink) {
        jdbc
                .sql("SELECT " + Articles.COLUMNS + " FROM portal_article WHERE status IN ('PUBLISHED', 'SCHEDULED')"
                        + " ORDER BY id")
                .query(Articles::map)
                .stream()
                .filter(ArticleSearch::indexed)
                .map(ArticleSearch::document)
                .forEach(sink);
    }
}
