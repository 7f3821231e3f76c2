package org.gongtong.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Annex 1 and 2 of the seed (聊城市人民政府推进方案), copied here verbatim — names keep their inner
 * space (商 华), posts their exact wording — and compared with what the API serves.
 */
@IntegrationTest
class GroupApiIT {

    static final List<String> ANNEX_1 = List.of(
            "LEADER|郭建民|市委常委、副市长",
            "DEPUTY_LEADER|洪玉振|副市长",
            "MEMBER|马保杰|市政协副主席、市教育和体育局党组书记",
            "MEMBER|张连臣|高新区党工委书记、管委会主任",
            "MEMBER|侯德功|市政府副秘书长",
            "MEMBER|商 华|市委组织部副部长、编办主任",
            "MEMBER|孙玉臣|市发改和改革委主任",
            "MEMBER|王越军|市科技局局长",
            "MEMBER|崔 岩|工业和信息化局局长",
            "MEMBER|刘东昌|市财政局局长",
            "MEMBER|程继峰|市人力资源社会保障局局长",
            "MEMBER|金同元|市国资委主任",
            "MEMBER|孙 军|市市场监管局局长",
            "MEMBER|魏天山|市地方金融监督管理局局长",
            "MEMBER|刘 胜|聊城银保监分局局长",
            "MEMBER|王海涛|市科技局副局长",
            "MEMBER|颜 善|市财政局副局长",
            "MEMBER|秦生春|市市场监管局副局长",
            "MEMBER|郭志刚|高新区管委会副主任");

    static final List<String> ANNEX_2 = List.of(
            "LEADER|洪玉振|副市长",
            "DEPUTY_LEADER|张连臣|高新区党工委书记、管委会主任",
            "DEPUTY_LEADER|侯德功|市政府副秘书长",
            "DEPUTY_LEADER|王越军|市科技局局长",
            "MEMBER|王海涛|市科技局副局长",
            "MEMBER|颜 善|市财政局副局长",
            "MEMBER|秦生春|市市场监管局副局长",
            "MEMBER|郭志刚|高新区管委会副主任");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @Test
    void listsTheLeadingGroupThenThePromotionGroup() throws Exception {
        JsonNode groups = api.getJson("/api/v1/groups", api.adminToken());
        JsonNode leading = byCode(groups, "LEADING");
        JsonNode promotion = byCode(groups, "PROMOTION");
        assertThat(leading.get("name").asString()).isEqualTo("聊城产业技术研究院建设工作领导小组");
        assertThat(leading.get("memberCount").asInt()).isEqualTo(19);
        assertThat(promotion.get("name").asString()).isEqualTo("聊城产业技术研究院建设工作推进小组");
        assertThat(promotion.get("memberCount").asInt()).isEqualTo(8);
        List<String> codes = new ArrayList<>();
        groups.forEach(g -> codes.add(g.get("code").asString()));
        assertThat(codes.indexOf("LEADING")).isLessThan(codes.indexOf("PROMOTION"));
    }

    @Test
    void annex1IsReproducedVerbatim() throws Exception {
        JsonNode group = group("LEADING");
        assertThat(members(group)).containsExactlyElementsOf(ANNEX_1);
        assertThat(group.get("source").asString()).contains("附件1");
        JsonNode office = group.get("office");
        assertThat(office.get("location").asString()).isEqualTo("市科技局");
        assertThat(office.get("head").asString()).isEqualTo("王越军");
        assertThat(group.get("members").get(0).get("roleLabel").asString()).isEqualTo("组长");
        assertThat(group.get("members").get(1).get("roleLabel").asString()).isEqualTo("副组长");
        assertThat(group.get("members").get(2).get("roleLabel").asString()).isEqualTo("成员");
    }

    @Test
    void annex2IsReproducedVerbatim() throws Exception {
        JsonNode group = group("PROMOTION");
        assertThat(members(group)).containsExactlyElementsOf(ANNEX_2);
        assertThat(group.get("source").asString()).contains("附件2");
        JsonNode office = group.get("office");
        assertThat(office.get("location").asString()).isEqualTo("高新区管委会");
        assertThat(office.get("head").asString()).isEqualTo("郭志刚");
    }

    @Test
    void membersAreNumberedInTheSeedsOrder() throws Exception {
        JsonNode members = group("LEADING").get("members");
        for (int i = 0; i < members.size(); i++) {
            assertThat(members.get(i).get("order").asInt()).isEqualTo(i + 1);
        }
    }

    @Test
    void peopleCarryTheirPostsAndEverySeat() throws Exception {
        JsonNode page = api.getJson("/api/v1/people?q=洪玉振", api.adminToken());
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        JsonNode person = page.get("content").get(0);
        assertThat(person.get("name").asString()).isEqualTo("洪玉振");
        JsonNode seats = person.get("memberships");
        assertThat(seats).hasSize(2);
        assertThat(seats.get(0).get("roleInGroup").asString()).isEqualTo("DEPUTY_LEADER");
        assertThat(seats.get(0).get("groupName").asString()).isEqualTo("聊城产业技术研究院建设工作领导小组");
        assertThat(seats.get(1).get("roleInGroup").asString()).isEqualTo("LEADER");
        assertThat(seats.get(1).get("post").asString()).isEqualTo("副市长");

        JsonNode byPost = api.read(mvc.perform(
                        api.asAdmin(get("/api/v1/people").param("size", "50").param("q", "市科技局")))
                .andExpect(status().isOk())
                .andReturn());
        List<String> names = new java.util.ArrayList<>();
        byPost.get("content").forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).contains("王越军", "王海涛");
    }

    @Test
    void unknownGroupIs404() throws Exception {
        mvc.perform(api.asAdmin(get("/api/v1/groups/987654321"))).andExpect(status().isNotFound());
    }

    private JsonNode group(String code) throws Exception {
        long id = byCode(api.getJson("/api/v1/groups", api.adminToken()), code)
                .get("id")
                .asLong();
        return api.getJson("/api/v1/groups/" + id, api.adminToken());
    }

    private static JsonNode byCode(JsonNode groups, String code) {
        for (JsonNode g : groups) {
            if (g.get("code").asString().equals(code)) {
                return g;
            }
        }
        throw new AssertionError("no group " + code);
    }

    private static List<String> members(JsonNode group) {
        List<String> out = new ArrayList<>();
        group.get("members")
                .forEach(m -> out.add(m.get("roleInGroup").asString() + "|"
                        + m.get("name").asString() + "|" + m.get("post").asString()));
        return out;
    }
}
