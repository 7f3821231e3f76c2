package org.gongtong.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.platform.Xlsx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ExcelIT {

    static final List<String> HEADER = List.of("名称*", "类别*", "统一社会信用代码", "县市区", "产业", "联系人");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @Test
    void templateIsAReadableWorkbookWithTheColumns() throws Exception {
        byte[] bytes = mvc.perform(api.asAdmin(get("/api/v1/organisations/import-template")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(Xlsx.CONTENT_TYPE)))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Row header = wb.getSheetAt(0).getRow(0);
            List<String> names = new ArrayList<>();
            header.forEach(c -> names.add(c.getStringCellValue()));
            assertThat(names).startsWith("名称*", "类别*", "统一社会信用代码", "县市区", "产业");
            // the example row is itself importable
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("ENTERPRISE");
        }
    }

    @Test
    void allOrNothingImportsNothingWhenOneRowIsBad() throws Exception {
        String tag = Api.unique("导入全无");
        byte[] file = workbook(List.of(
                List.of(tag + "甲", "ENTERPRISE", Api.uscc(), "东昌府区", "新材料", "张三"),
                List.of(tag + "乙", "ENTERPRISE", "91350100M000100Y44", "东昌府区", "新材料", "李四"),
                List.of(tag + "丙", "研", "", "371503", "", "")));
        JsonNode report = importFile(file, "ALL_OR_NOTHING");
        assertThat(report.get("state").asString()).isEqualTo("DONE");
        assertThat(report.get("imported").asInt()).isZero();
        assertThat(report.get("totalRows").asInt()).isEqualTo(3);
        assertThat(report.get("rejectedRows").asInt()).isEqualTo(1);
        JsonNode error = report.get("errors").get(0);
        assertThat(report.get("errors")).hasSize(1);
        assertThat(error.get("row").asInt()).isEqualTo(3);
        assertThat(error.get("field").asString()).isEqualTo("uscc");
        assertThat(error.get("message").asString()).contains("校验码");
        assertThat(namesLike(tag)).isZero();
    }

    @Test
    void validRowsImportsExactlyTheValidRows() throws Exception {
        String tag = Api.unique("导入有效");
        byte[] file = workbook(List.of(
                List.of(tag + "甲", "ENTERPRISE", Api.uscc(), "东昌府区", "新材料", "张三"),
                List.of(tag + "乙", "ENTERPRISE", "91350100M000100Y44", "东昌府区", "新材料", "李四"),
                List.of("", "ENTERPRISE", "", "", "", ""),
                List.of(tag + "丙", "研", "", "371503", "", ""),
                List.of(tag + "丁", "火星", "", "", "", "")));
        JsonNode report = importFile(file, "VALID_ROWS");
        assertThat(report.get("state").asString()).isEqualTo("DONE");
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("rejectedRows").asInt()).isEqualTo(3);
        List<Integer> imported = new ArrayList<>();
        report.get("importedRows").forEach(r -> imported.add(r.asInt()));
        assertThat(imported).containsExactly(2, 5);
        List<String> errors = new ArrayList<>();
        report.get("errors")
                .forEach(e ->
                        errors.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactlyInAnyOrder("3:uscc", "4:name", "6:kind");
        assertThat(jdbc.queryForList(
                        "SELECT name FROM organisation WHERE name LIKE ? ORDER BY name", String.class, tag + "%"))
                .containsExactlyInAnyOrder(tag + "甲", tag + "丙");
    }

    @Test
    void usccRepeatedInTheFileOrAlreadyRegisteredIsReported() throws Exception {
        String registered = Api.uscc();
        api.createOrganisation(java.util.Map.of("name", Api.unique("已登记"), "kind", "SERVICE", "uscc", registered));
        String repeated = Api.uscc();
        String tag = Api.unique("导入重复");
        byte[] file = workbook(List.of(
                List.of(tag + "甲", "ENTERPRISE", repeated, "", "", ""),
                List.of(tag + "乙", "ENTERPRISE", repeated.toLowerCase(), "", "", ""),
                List.of(tag + "丙", "ENTERPRISE", registered, "", "", "")));
        JsonNode report = importFile(file, "VALID_ROWS");
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        List<String> errors = new ArrayList<>();
        report.get("errors")
                .forEach(e -> errors.add(e.get("row").asInt() + ":"
                        + e.get("field").asString() + ":" + e.get("message").asString()));
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("3:uscc:").contains(repeated).contains("第 2 行");
        assertThat(errors.get(1)).startsWith("4:uscc:").contains(registered).contains("已登记");
        assertThat(namesLike(tag)).isEqualTo(1);
    }

    @Test
    void countyOfficerImportsRowsOfItsCountyOnly() throws Exception {
        long bureau = api.createOrganisation("GOVERNMENT", "371502");
        String token =
                api.token(api.createUser("COUNTY_OFFICER", bureau, "371502").username(), Api.PASSWORD);
        String tag = Api.unique("县级导入");
        byte[] bytes = workbook(List.of(
                List.of(tag + "甲", "ENTERPRISE", "", "东昌府区", "", ""),
                List.of(tag + "乙", "ENTERPRISE", "", "茌平区", "", "")));
        MockMultipartFile file = new MockMultipartFile("file", "o.xlsx", Xlsx.CONTENT_TYPE, bytes);
        JsonNode report = api.read(mvc.perform(Api.bearer(
                        multipart("/api/v1/organisations/import").file(file).param("mode", "VALID_ROWS"), token))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(report.get("errors").get(0).get("field").asString()).isEqualTo("county");
        assertThat(jdbc.queryForList("SELECT name FROM organisation WHERE name LIKE ?", String.class, tag + "%"))
                .containsExactly(tag + "甲");
    }

    @Test
    void unreadableFileFailsCleanly() throws Exception {
        MockMultipartFile file =
                new MockMultipartFile("file", "x.xlsx", Xlsx.CONTENT_TYPE, "not a workbook".getBytes());
        JsonNode report = api.read(mvc.perform(
                        api.asAdmin(multipart("/api/v1/organisations/import").file(file)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(report.get("state").asString()).isEqualTo("FAILED");
        assertThat(report.get("imported").asInt()).isZero();
    }

    @Test
    void exportHasExactlyTheFilteredRows() throws Exception {
        for (String kind : List.of("USER", "FINANCE")) {
            long total = api.getJson("/api/v1/organisations?kind=" + kind, api.adminToken())
                    .get("totalElements")
                    .asLong();
            byte[] bytes = mvc.perform(
                            api.asAdmin(get("/api/v1/organisations/export").param("kind", kind)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
                Sheet sheet = wb.getSheetAt(0);
                assertThat(total).isPositive();
                assertThat(sheet.getPhysicalNumberOfRows() - 1).isEqualTo(total);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isEqualTo(kind);
                }
            }
        }
    }

    @Test
    void exportHidesOtherOrganisationsContacts() throws Exception {
        String tag = Api.unique("导出范围");
        var body = Api.organisation("ENTERPRISE", "371502");
        body.put("name", tag);
        long org = api.createOrganisation(body).get("id").asLong();
        long own = api.createOrganisation("ENTERPRISE", null);
        String token = api.token(api.createUser("ENTERPRISE_USER", own, null).username(), Api.PASSWORD);
        byte[] bytes = mvc.perform(
                        Api.bearer(get("/api/v1/organisations/export").param("q", tag), token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Row row = wb.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(tag);
            assertThat(Xlsx.text(row.getCell(7))).isNull();
        }
        assertThat(org).isPositive();
    }

    private JsonNode importFile(byte[] bytes, String mode) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "organisations.xlsx", Xlsx.CONTENT_TYPE, bytes);
        return api.read(mvc.perform(api.asAdmin(
                        multipart("/api/v1/organisations/import").file(file).param("mode", mode)))
                .andExpect(status().isOk())
                .andReturn());
    }

    private long namesLike(String tag) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE name LIKE ?", Long.class, tag + "%");
    }

    static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("organisations");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    if (!values.get(i).isEmpty()) {
                        row.createCell(i).setCellValue(values.get(i));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
