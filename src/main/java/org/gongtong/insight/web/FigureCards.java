package org.gongtong.insight.web;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gongtong.insight.internal.Figure;
import org.gongtong.platform.Messages;

/**
 * The dashboard's figure cards as HTML, written here rather than by the template: a dashboard has
 * ~70 figures with eight expressions each (link, tooltip, label, chart link…), and evaluating them
 * in Thymeleaf was most of the page's CPU time (issue 7, ADR 0062). The markup is the one the
 * template had; every text and attribute is HTML-escaped.
 */
final class FigureCards {

    private FigureCards() {}

    /** The families' sections with their figures; {@code county}, {@code from}, {@code to} go into each chart link. */
    static String html(
            List<DashboardPages.FamilyView> families,
            String contextPath,
            String county,
            String from,
            String to,
            Messages messages) {
        StringBuilder out = new StringBuilder(32 * 1024);
        String empty = htmlEscape(messages.get("insight.family.empty"));
        String showChart = htmlEscape(messages.get("insight.chart.show"));
        for (DashboardPages.FamilyView fam : families) {
            out.append("<section class=\"family card\" id=\"family-")
                    .append(htmlEscape(fam.key()))
                    .append("\"><h2>")
                    .append(htmlEscape(fam.label()))
                    .append("</h2>");
            if (fam.figures().isEmpty()) {
                out.append("<p class=\"empty-family\">").append(empty).append("</p>");
            } else {
                out.append("<div class=\"figures\">");
                for (Figure f : fam.figures()) {
                    String id = htmlEscape(f.id());
                    String definition = htmlEscape(f.definition());
                    String label = f.name() + " ("
                            + messages.get("insight.unit." + f.unit().name()) + ")";
                    out.append("<div class=\"figure\" id=\"figure-")
                            .append(id)
                            .append("\"><a class=\"value\" href=\"")
                            .append(htmlEscape(f.page()))
                            .append("\" title=\"")
                            .append(definition)
                            .append("\" aria-describedby=\"def-")
                            .append(id)
                            .append("\" data-indicator=\"")
                            .append(id)
                            .append("\"><span class=\"num\">")
                            .append(htmlEscape(f.display()))
                            .append("</span><span class=\"label\">")
                            .append(htmlEscape(label))
                            .append("</span></a><span class=\"def\" role=\"tooltip\" id=\"def-")
                            .append(id)
                            .append("\">")
                            .append(definition)
                            .append("</span><a class=\"selectchart no-print\" href=\"")
                            .append(htmlEscape(chartLink(contextPath, county, f.id(), from, to)))
                            .append("\">")
                            .append(showChart)
                            .append("</a></div>");
                }
                out.append("</div>");
            }
            out.append("</section>");
        }
        return out.toString();
    }

    /** {@code /insight?county=…&indicator=…&from=…&to=…}, leaving out what is not set. */
    static String chartLink(String contextPath, String county, String indicator, String from, String to) {
        StringBuilder link = new StringBuilder(contextPath).append("/insight");
        char sep = '?';
        for (String[] p : new String[][] {{"county", county}, {"indicator", indicator}, {"from", from}, {"to", to}}) {
            if (p[1] != null) {
                link.append(sep)
                        .append(p[0])
                        .append('=')
                        .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8).replace("+", "%20"));
                sep = '&';
            }
        }
        return link.toString();
    }
}
