package org.gongtong.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.identity.Role;
import org.gongtong.identity.TestActors;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.Registry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A service order walked through the pages by both sides, with inline refusals and a stranger kept out. */
@IntegrationTest
class AgencyPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Registry registry;

    @Autowired
    AgencyService agencies;

    @Autowired
    JdbcTemplate jdbc;

    private MockHttpServletResponse send(MockHttpServletRequestBuilder r, RequestPostProcessor who) throws Exception {
        return mvc.perform(r.with(who).with(csrf())).andReturn().getResponse();
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).with(who)).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString();
    }

    @Test
    void aClientRequestsTheAgencyQuotesDeliversAndIsRated() throws Exception {
        long agencyOrg = registry.register(
                        OrganisationForm.of(Api.unique("检测中心"), "SERVICE", null, "371502", null), false)
                .id();
        long client = registry.register(
                        OrganisationForm.of(Api.unique("企业"), "ENTERPRISE", null, "371526", "NEW_MATERIALS"), false)
                .id();
        long other = registry.register(
                        OrganisationForm.of(Api.unique("企业"), "ENTERPRISE", null, "371526", "NEW_MATERIALS"), false)
                .id();
        RequestPostProcessor agencyUser = TestActors.as(TestActors.actor(Role.SERVICE_USER, agencyOrg, "371502"));
        RequestPostProcessor clientUser = TestActors.as(TestActors.actor(Role.ENTERPRISE_USER, client, "371526"));
        RequestPostProcessor stranger = TestActors.as(TestActors.actor(Role.ENTERPRISE_USER, other, "371526"));
        long agency = agencies.create(
                        new AgencyService.AgencyForm(agencyOrg, null, "TESTING_PLATFORM", null),
                        TestActors.actor(Role.ADMIN, null, null))
                .id();
        String agencyPage = "/agencies/" + agency;

        // the agency fills its catalogue; a bad price is refused beside the field
        assertThat(send(
                                post(agencyPage + "/services")
                                        .param("name", "拉伸性能检测")
                                        .param("category", "INSPECTION_TESTING")
                                        .param("unitPrice", "-5"),
                                agencyUser)
                        .getContentAsString())
                .contains("金额须为非负数");
        assertThat(send(
                                post(agencyPage + "/services")
                                        .param("name", "拉伸性能检测")
                                        .param("category", "INSPECTION_TESTING")
                                        .param("unitPrice", "800"),
                                agencyUser)
                        .getStatus())
                .isEqualTo(302);
        assertThat(page(agencyPage, clientUser))
                .contains("拉伸性能检测")
                .contains("检验检测")
                .contains("提交需求");

        // the client asks without saying what for: refused; then properly
        assertThat(send(post(agencyPage + "/orders"), clientUser).getContentAsString())
                .contains("此项必填");
        MockHttpServletResponse requested =
                send(post(agencyPage + "/orders").param("description", "送检 20 件试样"), clientUser);
        assertThat(requested.getStatus()).isEqualTo(302);
        String order = requested.getRedirectedUrl();

        assertThat(mvc.perform(get(order).with(stranger))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(post(order + "/accept"), clientUser).getContentAsString())
                .as("nothing to accept before a quote")
                .contains("不能变为");
        assertThat(send(post(order + "/quote").param("amount", "abc"), agencyUser)
                        .getContentAsString())
                .contains("金额须为非负数");
        assertThat(send(post(order + "/quote").param("amount", "16000.00"), clientUser)
                        .getStatus())
                .as("the client cannot quote")
                .isEqualTo(403);
        assertThat(send(post(order + "/quote").param("amount", "16000.00"), agencyUser)
                        .getStatus())
                .isEqualTo(302);
        assertThat(page(order, clientUser)).contains("接受报价（16000.00 元）");
        assertThat(send(post(order + "/accept"), clientUser).getStatus()).isEqualTo(302);
        assertThat(send(post(order + "/start"), agencyUser).getStatus()).isEqualTo(302);
        assertThat(send(post(order + "/deliver").param("note", "报告编号 LC-2026-118"), agencyUser)
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(post(order + "/rate"), clientUser).getContentAsString()).contains("评分须为 1 到 5");
        assertThat(send(post(order + "/rate").param("rating", "5").param("comment", "及时"), clientUser)
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(post(order + "/documents").param("name", "检测报告.pdf"), agencyUser)
                        .getStatus())
                .isEqualTo(302);

        String done = page(order, clientUser);
        assertThat(done)
                .contains("已评价")
                .contains("5 / 5")
                .contains("报告编号 LC-2026-118")
                .contains("检测报告.pdf");
        assertThat(page("/service-orders", agencyUser)).contains(order);
        assertThat(page("/service-orders", stranger)).doesNotContain(order);
        long id = Long.parseLong(order.substring(order.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_entry WHERE entity_type = 'service_order' AND entity_id = ? ORDER BY seq",
                        String.class,
                        String.valueOf(id)))
                .containsExactly(
                        "ORDER_REQUESTED",
                        "ORDER_QUOTED",
                        "ORDER_ACCEPTED",
                        "ORDER_IN_PROGRESS",
                        "ORDER_DELIVERED",
                        "ORDER_RATED");
    }
}
