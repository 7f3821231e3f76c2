package org.gongtong.portal.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.gongtong.platform.PageRequest;
import org.gongtong.portal.Article;
import org.gongtong.portal.Cms;
import org.gongtong.portal.Section;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /sitemap.xml} of every public page and {@code /robots.txt} pointing to it. */
@RestController
class Sitemap {

    private final Cms cms;
    private final org.gongtong.portal.PortalFigures figures;

    Sitemap(Cms cms, org.gongtong.portal.PortalFigures figures) {
        this.cms = cms;
        this.figures = figures;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    String sitemap() {
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, base + "/portal", null);
        for (Section s : Section.values()) {
            url(xml, base + "/portal/" + s.path(), null);
        }
        url(xml, base + "/portal/services", null);
        url(xml, base + "/portal/register", null);
        url(xml, base + "/portal/market/results", null);
        url(xml, base + "/portal/market/needs", null);
        for (org.gongtong.market.TechResult r : figures.publicResults(
                        null, null, PageRequest.of(0, PageRequest.MAX_SIZE))
                .content()) {
            url(xml, base + org.gongtong.portal.PortalFigures.resultPath(r.id()), null);
        }
        for (org.gongtong.market.TechNeed n : figures.publicNeeds(null, null, PageRequest.of(0, PageRequest.MAX_SIZE))
                .content()) {
            url(xml, base + org.gongtong.portal.PortalFigures.needPath(n.id()), null);
        }
        for (Article a : cms.published(null, null, PageRequest.of(0, PageRequest.MAX_SIZE))
                .content()) {
            url(
                    xml,
                    base + a.path(),
                    a.shownAt() == null ? null : LocalDate.ofInstant(a.shownAt(), ZoneOffset.ofHours(8)));
        }
        return xml.append("</urlset>\n").toString();
    }

    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    String robots() {
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return "User-agent: *\nAllow: /portal\nDisallow: /portal/admin\nDisallow: /api\nSitemap: " + base
                + "/sitemap.xml\n";
    }

    private static void url(StringBuilder xml, String loc, LocalDate modified) {
        xml.append("  <url><loc>").append(escape(loc)).append("</loc>");
        if (modified != null) {
            xml.append("<lastmod>").append(modified).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
