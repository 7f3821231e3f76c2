package org.gongtong.portal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SearchHit;
import org.gongtong.search.SearchIndex;
import org.gongtong.search.SearchQuery;
import org.gongtong.search.SearchScope;
import org.springframework.stereotype.Service;

/**
 * The portal's search across all public content through the platform's search index (Chinese
 * analysis), always with the anonymous scope: a record that is not {@code PUBLIC} (a confidential
 * need, members-only material) is never hit nor counted. Portal articles are found only from the
 * moment they are public.
 */
@Service
public class PublicSearch {

    public static final int LIMIT = 50;

    private final SearchIndex index;
    private final Clock clock;

    PublicSearch(SearchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /** One hit as the public page shows it. */
    public record Hit(String type, String section, String title, String summary, String link) {}

    /** The hits: portal content of {@code section} (null: all, then other modules' public records too). */
    public List<Hit> search(String text, Section section) {
        List<Hit> hits = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return hits;
        }
        long now = clock.instant().getEpochSecond();
        SearchQuery articles = new SearchQuery(
                text,
                Set.of(ArticleSearch.TYPE),
                null,
                null,
                section == null ? Map.of() : Map.of("section", section.name()),
                List.of(new SearchQuery.Range(ArticleSearch.PUBLISH_AT, null, now)),
                SearchScope.PUBLIC,
                0,
                LIMIT);
        for (SearchHit h : index.search(articles).hits()) {
            hits.add(hit(h.document()));
        }
        if (section == null) {
            for (SearchHit h : index.search(SearchQuery.of(text, SearchScope.PUBLIC, LIMIT))
                    .hits()) {
                if (!ArticleSearch.TYPE.equals(h.type())) {
                    hits.add(hit(h.document()));
                }
            }
        }
        return hits;
    }

    static Hit hit(SearchDocument d) {
        String body = d.body().length() > 160 ? d.body().substring(0, 160) + "…" : d.body();
        if (ArticleSearch.TYPE.equals(d.type())) {
            return new Hit(d.type(), first(d, "section"), d.title(), body, first(d, "path"));
        }
        return new Hit(d.type(), null, d.title(), body, link(d));
    }

    /** Where the public can read a record of another module, when the portal has a page for it. */
    static String link(SearchDocument d) {
        if ("organisation".equals(d.type())) {
            return "/portal/services?q="
                    + java.net.URLEncoder.encode(d.title(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (org.gongtong.market.Market.RESULT.equals(d.type()) && d.id().matches("\\d{1,18}")) {
            return PortalFigures.resultPath(Long.parseLong(d.id()));
        }
        if (org.gongtong.market.Market.NEED.equals(d.type()) && d.id().matches("\\d{1,18}")) {
            return PortalFigures.needPath(Long.parseLong(d.id()));
        }
        return null;
    }

    private static String first(SearchDocument d, String field) {
        List<String> v = d.fields().get(field);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
