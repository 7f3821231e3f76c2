package org.gongtong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.identity.TestActors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Follows every link a signed-in user is shown, from the home page on, for several roles: no page may
 * answer with a server error, a missing page or a refusal. A link to a page its reader may not open is
 * a defect of the page that shows it. Pages of the same shape (same path with other ids, same query
 * keys) are visited twice at most, so the walk stays short as data grows.
 */
@IntegrationTest
class LinkCrawlIT {

    private static final int PER_SHAPE = 2;
    private static final int MAX_PAGES = 700;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyLinkShownToAnAdministratorOpens() throws Exception {
        assertThat(crawl(TestActors.as(actor(Role.ADMIN, null, null)))).isEmpty();
    }

    @Test
    void everyLinkShownToACityOfficerACountyOfficerAndAnEnterpriseOpens() throws Exception {
        Long enterprise = jdbc.queryForObject(
                "SELECT MIN(id) FROM organisation WHERE kind = 'ENTERPRISE' AND county_code = '371502'", Long.class);
        List<String> broken = new ArrayList<>();
        broken.addAll(crawl(TestActors.as(actor(Role.CITY_OFFICER, null, null))));
        broken.addAll(crawl(TestActors.as(actor(Role.COUNTY_OFFICER, null, "371502"))));
        if (enterprise != null) {
            broken.addAll(crawl(TestActors.as(actor(Role.ENTERPRISE_USER, enterprise, "371502"))));
        }
        assertThat(broken).isEmpty();
    }

    private static Actor actor(Role role, Long organisation, String county) {
        return TestActors.actor(role, organisation, county);
    }

    /** Walks the pages reachable from "/"; returns "status path (linked from page)" for each failure. */
    private List<String> crawl(RequestPostProcessor user) throws Exception {
        Deque<String[]> queue = new ArrayDeque<>();
        queue.add(new String[] {"/", "start"});
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Integer> shapes = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int visited = 0;
        while (!queue.isEmpty() && visited < MAX_PAGES) {
            String[] next = queue.poll();
            String path = next[0];
            if (!seen.add(path) || shapes.merge(shape(path), 1, Integer::sum) > PER_SHAPE) {
                continue;
            }
            visited++;
            MockHttpServletResponse r =
                    mvc.perform(get(path).with(user)).andReturn().getResponse();
            int status = r.getStatus();
            if (status >= 400) {
                broken.add(status + " " + path + " (linked from " + next[1] + ")");
                continue;
            }
            String type = r.getContentType();
            if (status != 200 || type == null || !type.startsWith("text/html")) {
                continue;
            }
            for (Element a : Jsoup.parse(r.getContentAsString(), "http://localhost" + path)
                    .select("a[href]")) {
                String link = internal(a.attr("abs:href"));
                if (link != null && !seen.contains(link)) {
                    queue.add(new String[] {link, path});
                }
            }
        }
        assertThat(visited).as("pages visited").isGreaterThan(20);
        return broken;
    }

    /** The path and query of a link to this server, or null for other sites, fragments-only, logout, API docs. */
    private static String internal(String href) {
        String prefix = "http://localhost";
        if (!href.startsWith(prefix + "/")) {
            return null;
        }
        String link = href.substring(prefix.length());
        int hash = link.indexOf('#');
        if (hash >= 0) {
            link = link.substring(0, hash);
        }
        if (link.isEmpty()
                || link.startsWith("/logout")
                || link.startsWith("/api/docs")
                || link.startsWith("/swagger-ui")
                || link.startsWith("/actuator")
                || link.startsWith("/webjars")) {
            return null;
        }
        return link;
    }

    /** The path with numbers as #, and the sorted query keys: pages of one shape render the same template. */
    static String shape(String link) {
        int q = link.indexOf('?');
        String path = (q < 0 ? link : link.substring(0, q)).replaceAll("\\d+", "#");
        Set<String> keys = new TreeSet<>();
        if (q >= 0) {
            for (String pair : link.substring(q + 1).split("&")) {
                keys.add(pair.split("=", 2)[0]);
            }
        }
        return path + keys;
    }
}
