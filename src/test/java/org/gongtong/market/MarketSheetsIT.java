package org.gongtong.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.Xlsx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Needs, results, experts and patents in and out of Excel through the API and the page: templates,
 * per-row reports (row, field, reason in the caller's language), "all or nothing" versus "the
 * valid rows", one transaction, audit, indexing after commit, and exports equal to the lists.
 */
@IntegrationTest
class MarketSheetsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    AuditLog audit;

    Api api;
    String admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc, json);
        admin = api.adminToken();
    }

    static byte[] sheet(List<String> header, List<List<?>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, "s", header, rows);
        return out.toByteArray();
    }

    /** Every cell of the first sheet, row by row. */
    static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var row : wb.getSheetAt(0)) {
                List<String> r = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    String t = Xlsx.text(row.getCell(i));
                    r.add(t == null ? "" : t);
                }
                out.add(r);
            }
        }
        return out;
    }

    private JsonNode upload(String kind, byte[] xlsx, String mode, String language) throws Exception {
        var request = multipart("/api/v1/" + kind + "/import")
                .file(new MockMultipartFile("file", kind + ".xlsx", Xlsx.CONTENT_TYPE, xlsx))
                .param("mode", mode);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return api.read(mvc.perform(Api.bearer(request, admin))
                .andExpect(status().isOk())
                .andReturn());
    }

    private byte[] download(String url) throws Exception {
        var r = mvc.perform(Api.bearer(get(url), admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(r.getContentType()).startsWith(Xlsx.CONTENT_TYPE);
        return r.getContentAsByteArray();
    }

    @Test
    void templatesHaveTheImportColumnsMarkedAndReadBack() throws Exception {
        for (String kind : List.of("needs", "results", "experts", "patents")) {
            List<List<String>> t = cells(download("/api/v1/" + kind + "/import-template"));
            assertThat(t).as(kind).hasSize(2); // header and one example row
            assertThat(t.get(0)).as(kind).anyMatch(h -> h.endsWith("*"));
            assertThat(t.get(0)).as(kind).noneMatch(h -> h.equals("编号")); // export-only column
        }
        assertThat(cells(download("/api/v1/needs/import-template")).get(0)).contains("标题*", "需求描述*", "合作方式*", "机构编号");
        // the list's filters are bound alike for the list and its export; a wrong one is a 400 problem
        for (String url : List.of("/api/v1/needs?organisationId=abc", "/api/v1/needs/export?organisationId=abc")) {
            mvc.perform(Api.bearer(get(url), admin)).andExpect(status().isBadRequest());
        }
        // the page offers the same templates
        var page = mvc.perform(api.asAdmin(get("/market/import/template?kind=PATENT")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(cells(page.getContentAsByteArray()).get(0)).contains("专利号*", "关联成果编号");
    }

    @Test
    void needsAllOrNothingThenTheValidRowsInOneTransactionAuditedAndIndexed() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", "ZONE-HTZ");
        String w = Api.unique("导入需求");
        // headers in any order, Chinese names, one English; cooperation as labels or names
        List<String> header = List.of("需求描述", "标题", "合作方式", "预算下限（元）", "Budget to (yuan)", "可见范围", "机构编号", "截止日期");
        List<List<?>> rows = List.of(
                List.of("冷库苹果保鲜期短 " + w, w + " A", "技术转让、许可", "100000", "300000", "公开", org, "2027-06-30"),
                Arrays.asList(null, w + " B", "LICENCE", "abc", null, "MEMBERS", org, null),
                Arrays.asList("描述 " + w, w + " C", "买断", null, null, null, org, null),
                List.of("描述 " + w, w + " D", "JOINT_DEVELOPMENT", "500", "100", "INSTITUTE_ONLY", org, "2027-01-01"),
                List.of("描述 " + w, w + " E", "CONSULTING", "", "", "仅产研院与经纪人（保密）", org, ""));
        byte[] xlsx = sheet(header, rows);

        JsonNode none = upload("needs", xlsx, "ALL_OR_NOTHING", null);
        assertThat(none.get("imported").asInt()).isZero();
        assertThat(none.get("totalRows").asInt()).isEqualTo(5);
        assertThat(none.get("rejectedRows").asInt()).isEqualTo(3);
        assertThat(none.get("message").asString()).contains("3").contains("未导入");
        List<String> errors = new ArrayList<>();
        none.get("errors")
                .forEach(e ->
                        errors.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        // Excel row numbers: the header is row 1, so the data rows are 2..6
        assertThat(errors).containsExactlyInAnyOrder("3:budgetMin", "4:cooperation", "5:budgetMax");
        assertThat(api.getJson("/api/v1/needs?organisationId=" + org, admin)
                        .get("totalElements")
                        .asLong())
                .isZero();

        // the same refusal in English
        JsonNode en = upload("needs", xlsx, "ALL_OR_NOTHING", "en");
        assertThat(en.get("message").asString()).contains("nothing was imported");
        assertThat(en.get("errors").toString())
                .contains("Unknown form of cooperation")
                .contains("Budget to (yuan)");

        // a row failing the need's own checks (description required) once the cells read well
        byte[] withMissing =
                sheet(header, List.of(Arrays.asList(null, w + " F", "LICENCE", null, null, null, org, null)));
        JsonNode missing = upload("needs", withMissing, "ALL_OR_NOTHING", null);
        assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("description");
        assertThat(missing.get("errors").get(0).get("column").asString()).isEqualTo("需求描述");

        JsonNode some = upload("needs", xlsx, "VALID_ROWS", null);
        assertThat(some.get("imported").asInt()).isEqualTo(2);
        assertThat(some.get("importedRows").toString()).isEqualTo("[2,6]");
        JsonNode list = api.getJson("/api/v1/needs?organisationId=" + org, admin);
        assertThat(list.get("totalElements").asLong()).isEqualTo(2);
        JsonNode a = api.getJson("/api/v1/needs/" + some.get("ids").get(0).asLong(), admin);
        assertThat(a.get("title").asString()).isEqualTo(w + " A");
        assertThat(a.get("cooperation").toString()).contains("TRANSFER", "LICENCE");
        assertThat(a.get("budgetMin").decimalValue()).isEqualByComparingTo("100000");
        assertThat(a.get("deadline").asString()).isEqualTo("2027-06-30");
        assertThat(a.get("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(api.getJson("/api/v1/needs/" + some.get("ids").get(1).asLong(), admin)
                        .get("visibility")
                        .asString())
                .isEqualTo("INSTITUTE_ONLY");

        // audited: the import and each record
        assertThat(audit.recent("needs", some.get("id").asString(), 5))
                .extracting(AuditLog.AuditRecord::action)
                .containsExactly("market.import");
        assertThat(audit.recent("tech_need", a.get("id").asString(), 5))
                .extracting(AuditLog.AuditRecord::action)
                .contains("market.need.create");
        // indexed after the commit like any other change
        JsonNode hits = api.getJson("/api/v1/search?type=need&q=" + w, admin);
        assertThat(hits.toString()).contains(w + " A", w + " E");
    }

    @Test
    void resultsExpertsAndPatentsImportAndExportAlike() throws Exception {
        long uni = api.createOrganisation("UNIVERSITY", "ZONE-HTZ");
        String w = Api.unique("导入成果");
        JsonNode r = upload(
                "results",
                sheet(
                        List.of("标题", "成果简介", "成熟度（TRL）", "合作方式", "价格（元）", "机构编号"),
                        List.of(
                                List.of(w + " 一", "减压贮藏保鲜 " + w, "7", "许可", "800000", uni),
                                List.of(w + " 二", "说明 " + w, "12", "TRANSFER", "1", uni),
                                List.of(w + " 三", "说明 " + w, "6", "TRANSFER", "-5", uni))),
                "VALID_ROWS",
                null);
        assertThat(r.get("imported").asInt()).isEqualTo(1);
        List<String> errors = new ArrayList<>();
        r.get("errors")
                .forEach(e ->
                        errors.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactlyInAnyOrder("3:trl", "4:price");
        long resultId = r.get("ids").get(0).asLong();
        assertThat(api.getJson("/api/v1/results/" + resultId, admin).get("trl").asInt())
                .isEqualTo(7);

        String name = Api.unique("专家");
        JsonNode e = upload(
                "experts",
                sheet(
                        List.of("姓名", "职称", "研究领域", "机构编号"),
                        List.of(List.of(name, "教授", "果蔬保鲜 " + w, uni), Arrays.asList(null, "讲师", null, uni))),
                "VALID_ROWS",
                null);
        assertThat(e.get("imported").asInt()).isEqualTo(1);
        assertThat(e.get("errors").size()).isEqualTo(2); // name and fields of row 3
        assertThat(api.getJson("/api/v1/search?type=expert&q=" + w, admin).toString())
                .contains(name);

        String number = Api.unique("CN").replace("-", "");
        String taken = Api.unique("CN").replace("-", "");
        mvc.perform(Api.bearer(
                        Api.jsonBody(
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/v1/patents"),
                                api.write(java.util.Map.of("number", taken, "title", "已登记"))),
                        admin))
                .andExpect(status().isCreated());
        List<String> patentHeader = List.of("专利号", "标题", "IPC 分类号", "关联成果编号");
        JsonNode p = upload(
                "patents",
                sheet(
                        patentHeader,
                        List.of(
                                List.of(number, "一种减压贮藏装置", "A23B7/148", resultId),
                                List.of(number, "重复的专利号", "A23B7/148", resultId),
                                List.of(taken, "已登记的专利号", "A23B7/148", resultId),
                                List.of(number + "9", "不存在的成果", "A23B7/148", 999_999_999L))),
                "ALL_OR_NOTHING",
                null);
        assertThat(p.get("imported").asInt()).isZero();
        List<String> perRow = new ArrayList<>();
        p.get("errors")
                .forEach(x ->
                        perRow.add(x.get("row").asInt() + ":" + x.get("field").asString()));
        assertThat(perRow).containsExactlyInAnyOrder("3:number", "4:number", "5:resultId");
        assertThat(p.get("errors").toString()).contains("第 2 行", "已登记");

        // exports: the filtered lists, every record type
        List<List<String>> results = cells(download("/api/v1/results/export?q=" + w));
        assertThat(results).hasSize(2);
        assertThat(results.get(1)).contains(String.valueOf(resultId), w + " 一", "7", "许可");
        assertThat(cells(download("/api/v1/results/export?minTrl=8&q=" + w))).hasSize(1);
        List<List<String>> experts = cells(download("/api/v1/experts/export?q=" + name));
        assertThat(experts).hasSize(2);
        assertThat(experts.get(1)).contains(name, "教授", String.valueOf(uni));
        assertThat(cells(download("/api/v1/patents/export?resultId=" + resultId)))
                .hasSize(1);
        upload(
                "patents",
                sheet(patentHeader, List.of(List.of(number, "一种减压贮藏装置", "A23B7/148", resultId))),
                "ALL_OR_NOTHING",
                null);
        List<List<String>> patents = cells(download("/api/v1/patents/export?resultId=" + resultId));
        assertThat(patents).hasSize(2);
        assertThat(patents.get(1)).contains(number, "一种减压贮藏装置", String.valueOf(resultId));
        // the page's exports give the same lists
        var page = mvc.perform(api.asAdmin(get("/market/patents/export?resultId=" + resultId)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(cells(page.getContentAsByteArray())).isEqualTo(patents);

        // an export is a valid import sheet: the result exported above imports again as a new record
        byte[] exported = download("/api/v1/results/export?q=" + w);
        JsonNode again = upload("results", exported, "ALL_OR_NOTHING", null);
        assertThat(again.get("imported").asInt()).as(again.toString()).isEqualTo(1);
    }

    @Test
    void theImportPageShowsTheReportInline() throws Exception {
        long owner = api.createOrganisation("ENTERPRISE", "ZONE-HTZ");
        String w = Api.unique("页面导入");
        byte[] xlsx = sheet(
                List.of("标题", "需求描述", "合作方式", "机构编号"),
                List.of(List.of(w, "描述 " + w, "技术咨询", owner), List.of(w + " 2", "描述", "未知方式", owner)));
        String html = mvc.perform(api.asAdmin(multipart("/market/import")
                        .file(new MockMultipartFile("file", "n.xlsx", Xlsx.CONTENT_TYPE, xlsx))
                        .param("kind", "NEED")
                        .param("mode", "VALID_ROWS")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("import-report", "已导入 1 行", "未知的合作方式：未知方式", "合作方式");
        assertThat(mvc.perform(api.asAdmin(get("/market/import")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("/market/import/template?kind=EXPERT", "/market/experts/export");
    }
}
