package org.gongtong.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.TestClock;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.search.SearchIndex;
import org.gongtong.search.SearchQuery;
import org.gongtong.search.SearchScope;
import org.gongtong.search.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A confidential need (institute and brokers only) posted through the market is invisible to
 * another organisation everywhere it could leak: search hits and counts, matching, list pages and
 * their totals (API and page), the .xlsx exports (API and page) and the public portal (lists,
 * detail, search, sitemap) — while its owner and the institute see it in each of them.
 */
@IntegrationTest
class ConfidentialNeedIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Market market;

    @Autowired
    SearchIndex index;

    @Autowired
    TestClock clock;

    private String body(String url, String token) throws Exception {
        return mvc.perform(Api.bearer(get(url), token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String anonymous(String url) throws Exception {
        return mvc.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String export(String url, String token) throws Exception {
        byte[] xlsx = mvc.perform(Api.bearer(get(url), token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return MarketSheetsIT.cells(xlsx).toString();
    }

    @Test
    void aConfidentialNeedNeverLeaksToAnotherOrganisation() throws Exception {
        Api api = new Api(mvc, json);
        long ownerOrg = api.createOrganisation("ENTERPRISE", "ZONE-HTZ");
        long otherOrg = api.createOrganisation("ENTERPRISE", "ZONE-HTZ");
        Api.User ownerUser = api.createUser("ENTERPRISE_USER", ownerOrg, null);
        String owner = api.token(ownerUser.username(), Api.PASSWORD);
        String other =
                api.token(api.createUser("ENTERPRISE_USER", otherOrg, null).username(), Api.PASSWORD);
        String admin = api.adminToken();
        Actor ownerActor = new Actor(
                ownerUser.id(), ownerUser.username(), ownerUser.username(), Role.ENTERPRISE_USER, ownerOrg, null);

        // a word of ASCII letters found in no other record (Chinese words would match other tests' records)
        StringBuilder word = new StringBuilder("cfd");
        for (char c : Api.unique("w").substring(2).toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('a' + (c - '0')) : c);
        }
        String w = word.toString();
        String secret = "保密需求 " + w;
        String open = "公开需求 " + w;
        LocalDate deadline = LocalDate.now(clock).plusDays(60);
        long secretId = market.createNeed(
                        new NeedForm(
                                secret,
                                "冷库果蔬减压贮藏保鲜 " + w,
                                "现代高效农业",
                                null,
                                null,
                                null,
                                List.of(Cooperation.TRANSFER),
                                deadline,
                                Visibility.INSTITUTE_ONLY,
                                null),
                        ownerActor)
                .id();
        market.createNeed(
                new NeedForm(
                        open,
                        "冷库果蔬减压贮藏保鲜 " + w,
                        "现代高效农业",
                        null,
                        null,
                        null,
                        List.of(Cooperation.TRANSFER),
                        deadline,
                        Visibility.PUBLIC,
                        null),
                ownerActor);
        String q = URLEncoder.encode(w, StandardCharsets.UTF_8);

        // search: hits and counts
        assertThat(body("/api/v1/search?type=need&q=" + q, other))
                .contains(open)
                .doesNotContain(secret);
        assertThat(body("/api/v1/search?type=need&q=" + q, owner)).contains(open, secret);
        assertThat(index.count(SearchQuery.of(w, new SearchScope(true, otherOrg, false), 10, "need")))
                .isEqualTo(1);
        assertThat(index.count(SearchQuery.of(w, new SearchScope(true, ownerOrg, false), 10, "need")))
                .isEqualTo(2);
        JsonNode search = api.read(mvc.perform(Api.bearer(get("/api/v1/search?type=need&q=" + q), other))
                .andReturn());
        assertThat(search.get("total").asLong()).isEqualTo(1);

        // lists and their totals: API and page
        String byOwner = "organisationId=" + ownerOrg;
        assertThat(api.getJson("/api/v1/needs?" + byOwner, other)
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.getJson("/api/v1/needs?" + byOwner, owner)
                        .get("totalElements")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.getJson("/api/v1/needs?" + byOwner, admin)
                        .get("totalElements")
                        .asLong())
                .isEqualTo(2);
        String otherPage = body("/market/needs?q=" + q, other);
        assertThat(otherPage).contains(open).doesNotContain(secret);
        assertThat(otherPage).containsPattern("id=\"total\">1<");
        assertThat(body("/market/needs?q=" + q, owner)).contains(secret).containsPattern("id=\"total\">2<");
        mvc.perform(Api.bearer(get("/market/needs/" + secretId), other)).andExpect(status().isNotFound());

        // exports: API and page, filtered or not
        for (String url : List.of(
                "/api/v1/needs/export?q=" + q,
                "/api/v1/needs/export?" + byOwner,
                "/market/needs/export?q=" + q,
                "/market/needs/export")) {
            assertThat(export(url, other)).as(url).doesNotContain(secret);
        }
        assertThat(export("/api/v1/needs/export?q=" + q, other)).contains(open);
        assertThat(export("/api/v1/needs/export?q=" + q, owner)).contains(open, secret);
        assertThat(export("/market/needs/export?q=" + q, admin)).contains(open, secret);

        // matching from another organisation's result: the confidential need is not an enterprise to offer
        long otherResult = market.createResult(
                        new ResultForm(
                                "减压贮藏保鲜成果 " + w,
                                "冷库果蔬减压贮藏保鲜 " + w,
                                7,
                                null,
                                "现代高效农业",
                                null,
                                List.of(Cooperation.TRANSFER),
                                null,
                                null,
                                Visibility.PUBLIC,
                                otherOrg),
                        new Actor(1, "admin", "admin", Role.ADMIN, null, null))
                .id();
        assertThat(body("/api/v1/results/" + otherResult + "/enterprises", other))
                .contains(open)
                .doesNotContain(secret);

        // the public portal: list, detail, search, sitemap
        assertThat(anonymous("/portal/market/needs?q=" + q)).contains(open).doesNotContain(secret);
        mvc.perform(get("/portal/market/needs/" + secretId)).andExpect(status().isNotFound());
        assertThat(anonymous("/portal/search?q=" + q)).contains(open).doesNotContain(secret);
        assertThat(anonymous("/portal")).doesNotContain(secret);
        assertThat(anonymous("/sitemap.xml")).doesNotContain("/portal/market/needs/" + secretId + "<");
    }
}
