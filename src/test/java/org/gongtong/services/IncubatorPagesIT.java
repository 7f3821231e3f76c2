package org.gongtong.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.identity.Role;
import org.gongtong.identity.TestActors;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.Registry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An incubator run through its pages: the operator adds it, opens a cohort, admits a firm by the rubric
 * (refusals inline, nothing written), the firm enters its monthly KPIs, the operator imports more from
 * Excel (a bad sheet imports nothing) and graduates the firm; another firm sees the record but not the
 * figures.
 */
@IntegrationTest
class IncubatorPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Registry registry;

    @Autowired
    JdbcClient jdbc;

    private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> r, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(r.with(who).with(csrf())).andReturn().getResponse();
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).with(who)).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString();
    }

    private long org(String kind, String county) {
        return registry.register(OrganisationForm.of(Api.unique("机构"), kind, null, county, "NEW_MATERIALS"), false)
                .id();
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private static byte[] sheet(Object[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet();
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anOperatorAdmitsAFirmWhoseFiguresOnlyTheRightPeopleSee() throws Exception {
        long operatorOrg = org("SERVICE", "371502");
        long firm = org("ENTERPRISE", "371524");
        long otherFirm = org("ENTERPRISE", "371524");
        RequestPostProcessor operator = TestActors.as(TestActors.actor(Role.SERVICE_USER, operatorOrg, "371502"));
        RequestPostProcessor firmUser = TestActors.as(TestActors.actor(Role.ENTERPRISE_USER, firm, "371524"));
        RequestPostProcessor stranger = TestActors.as(TestActors.actor(Role.ENTERPRISE_USER, otherFirm, "371524"));
        String name = Api.unique("众创空间");

        // adding an incubator: an unknown industry and a missing name are refused beside their fields
        String refused = send(
                        post("/incubators")
                                .param("operatorId", String.valueOf(operatorOrg))
                                .param("industry", "SPACE_TRAVEL"),
                        operator)
                .getContentAsString();
        assertThat(refused).contains("此项必填").contains("可选值").contains("value=\"" + operatorOrg + "\"");
        // another firm may not register an incubator run by the operator
        assertThat(send(
                                post("/incubators")
                                        .param("name", name)
                                        .param("operatorId", String.valueOf(operatorOrg)),
                                stranger)
                        .getStatus())
                .isEqualTo(403);
        MockHttpServletResponse created = send(
                post("/incubators")
                        .param("name", name)
                        .param("operatorId", String.valueOf(operatorOrg))
                        .param("industry", "HIGH_END_EQUIPMENT")
                        .param("spaceM2", "1200"),
                operator);
        assertThat(created.getStatus()).isEqualTo(302);
        String incubatorPage = created.getRedirectedUrl();
        long incubator = Long.parseLong(incubatorPage.substring(incubatorPage.lastIndexOf('/') + 1));
        assertThat(page(incubatorPage, operator))
                .contains(name)
                .contains("高端装备")
                .contains("按入孵评分标准接收企业")
                .contains("导出月度指标");
        // a stranger reads the incubator, without its forms or the export
        assertThat(page(incubatorPage, stranger))
                .contains(name)
                .doesNotContain("按入孵评分标准接收企业")
                .doesNotContain("导出月度指标");
        assertThat(page("/incubators", operator)).contains("href=\"" + incubatorPage + "\"");

        assertThat(send(
                                post(incubatorPage + "/cohorts")
                                        .param("name", "2026 春季")
                                        .param("startsOn", "2026-03-01"),
                                operator)
                        .getStatus())
                .isEqualTo(302);
        long cohort = jdbc.sql("SELECT id FROM incubator_cohort WHERE incubator_id = :id")
                .param("id", incubator)
                .query(Long.class)
                .single();

        // intake: a score over its maximum, then a total below the pass line; nothing is admitted
        String over = send(
                        post(incubatorPage + "/incubatees")
                                .param("organisationId", String.valueOf(firm))
                                .param("scores.TEAM", "26")
                                .param("scores.TECHNOLOGY", "20")
                                .param("scores.MARKET", "15")
                                .param("scores.INDUSTRY_FIT", "10")
                                .param("scores.FUNDING", "5"),
                        operator)
                .getContentAsString();
        assertThat(over).contains("评分须在 0 到 25 之间").contains("value=\"26\"");
        assertThat(send(
                                post(incubatorPage + "/incubatees")
                                        .param("organisationId", String.valueOf(firm))
                                        .param("scores.FUNDING", "abc"),
                                operator)
                        .getContentAsString())
                .contains("“abc”不是整数");
        String below = send(
                        post(incubatorPage + "/incubatees")
                                .param("organisationId", String.valueOf(firm))
                                .param("scores.TEAM", "10")
                                .param("scores.TECHNOLOGY", "10")
                                .param("scores.MARKET", "10")
                                .param("scores.INDUSTRY_FIT", "10")
                                .param("scores.FUNDING", "10"),
                        operator)
                .getContentAsString();
        assertThat(below).contains("入孵评分 50 分，低于 60 分的入孵线");
        assertThat(count("SELECT COUNT(*) FROM incubatee WHERE incubator_id = :id", incubator))
                .isZero();
        MockHttpServletResponse admitted = send(
                post(incubatorPage + "/incubatees")
                        .param("organisationId", String.valueOf(firm))
                        .param("cohortId", String.valueOf(cohort))
                        .param("entryDate", "2026-03-05")
                        .param("space", "A101")
                        .param("scores.TEAM", "20")
                        .param("scores.TECHNOLOGY", "20")
                        .param("scores.MARKET", "15")
                        .param("scores.INDUSTRY_FIT", "10")
                        .param("scores.FUNDING", "5"),
                operator);
        assertThat(admitted.getStatus()).isEqualTo(302);
        String incubateePage = admitted.getRedirectedUrl();
        long incubatee = Long.parseLong(incubateePage.substring(incubateePage.lastIndexOf('/') + 1));

        // the firm enters its own month; a negative revenue is refused, what was typed stays
        String bad = send(
                        post(incubateePage + "/kpis")
                                .param("month", "2026-04")
                                .param("revenue", "-1")
                                .param("staff", "12"),
                        firmUser)
                .getContentAsString();
        assertThat(bad).contains("金额须为非负数").contains("value=\"12\"");
        assertThat(send(
                                post(incubateePage + "/kpis")
                                        .param("month", "2026-04")
                                        .param("revenue", "1,250,000.5")
                                        .param("staff", "12")
                                        .param("ipCount", "2"),
                                firmUser)
                        .getStatus())
                .isEqualTo(302);
        assertThat(page(incubateePage, firmUser))
                .contains("2026-04")
                .contains("1,250,000.50")
                .contains("填报月度指标")
                .doesNotContain("退出原因（必填）");
        // another firm sees the stay but not the figures, and may not enter any
        assertThat(page(incubateePage, stranger))
                .contains("月度指标是企业的非公开数据")
                .doesNotContain("1,250,000.50")
                .doesNotContain("填报月度指标");
        assertThat(send(post(incubateePage + "/kpis").param("month", "2026-05"), stranger)
                        .getStatus())
                .isEqualTo(403);

        // the operator imports May; a sheet with one bad row imports nothing and names the row
        String rejected = send(
                        multipart(incubatorPage + "/kpis/import")
                                .file(new MockMultipartFile(
                                        "file",
                                        "kpi.xlsx",
                                        "application/octet-stream",
                                        sheet(
                                                new Object[] {"编号", "月份", "营收"},
                                                new Object[] {incubatee, "2026-05", 900000, 13, 50000, 0, 0},
                                                new Object[] {incubatee, "2026-13", 1, 1, 1, 1, 1}))),
                        operator)
                .getContentAsString();
        assertThat(rejected).contains("未导入任何数据").contains("第 3 行");
        assertThat(count("SELECT COUNT(*) FROM incubatee_kpi WHERE incubatee_id = :id", incubatee))
                .isEqualTo(1);
        String imported = send(
                        multipart(incubatorPage + "/kpis/import")
                                .file(new MockMultipartFile(
                                        "file", "kpi.xlsx", "application/octet-stream", sheet(new Object[] {
                                            incubatee, "2026-05", 900000, 13, 50000, 0, 0
                                        }))),
                        operator)
                .getContentAsString();
        assertThat(imported).contains("已导入 1 行");
        assertThat(count("SELECT COUNT(*) FROM incubatee_kpi WHERE incubatee_id = :id", incubatee))
                .isEqualTo(2);

        // exit needs a reason; graduation does not; then the stay is closed to both
        assertThat(send(post(incubateePage + "/exit"), operator).getContentAsString())
                .contains("此项必填");
        assertThat(send(post(incubateePage + "/graduate").param("on", "2026-01-01"), operator)
                        .getContentAsString())
                .contains("离孵日期不能早于入孵日期");
        assertThat(send(post(incubateePage + "/graduate").param("on", "2026-10-01"), firmUser)
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(
                                post(incubateePage + "/graduate")
                                        .param("on", "2026-10-01")
                                        .param("reason", "营收过百万"),
                                operator)
                        .getStatus())
                .isEqualTo(302);
        assertThat(page(incubateePage, operator))
                .contains("已毕业")
                .contains("2026-10-01")
                .doesNotContain("填报月度指标");
        assertThat(page(incubatorPage, operator)).contains("已毕业");
    }
}
