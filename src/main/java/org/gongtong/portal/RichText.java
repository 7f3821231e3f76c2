package org.gongtong.portal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Rich text as stored: jsoup's relaxed safelist (headings, paragraphs, lists, tables, links,
 * images) with links restricted to http, https and mailto (site-relative links kept), so no
 * script, event handler attribute or {@code javascript:} URL can ever be stored or shown.
 */
public final class RichText {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "https")
            .preserveRelativeLinks(true)
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "noopener nofollow");

    private static final Document.OutputSettings OUTPUT =
            new Document.OutputSettings().prettyPrint(false).charset("UTF-8");

    private RichText() {}

    public static String sanitise(String html) {
        if (html == null) {
            return "";
        }
        return Jsoup.clean(html, "https://portal.invalid/", SAFELIST, OUTPUT);
    }

    /** Plain text of stored HTML, for descriptions and search. */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }
}
