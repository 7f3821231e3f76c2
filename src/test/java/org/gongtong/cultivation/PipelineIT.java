package org.gongtong.cultivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PipelineIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String move(String action, String extra) {
        return "{\"action\": \"" + action + "\"" + extra + "}";
    }

    @Test
    void guardedMovesAuditedAndTheOfficeView() throws Exception {
        String admin = ApiSupport.adminToken(mvc);
        String name = "梯队测试企业-" + UUID.randomUUID().toString().substring(0, 6);
        long id = ApiSupport.enterprise(mvc, admin, name, "371581", "HIGH_END_EQUIPMENT", "2017-05-01");
        String firm = ApiSupport.userToken(mvc, admin, "ENTERPRISE_USER", id, null);
        String base = "/api/v1/cultivation/enterprises/" + id;

        mvc.perform(get(base + "/pipeline").header("Authorization", firm))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.record.stage").value("CANDIDATE"));
        // a firm may not register itself as a tech SME
        mvc.perform(post(base + "/pipeline/moves")
                        .header("Authorization", firm)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move("REGISTER_TECH_SME", ", \"year\": 2025, \"number\": \"202537158100077\"")))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/pipeline/moves")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move("REGISTER_TECH_SME", ", \"year\": 2025, \"number\": \"202537158100077\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("TECH_SME"))
                .andExpect(jsonPath("$.techSmeNumber").value("202537158100077"));
        // recognising before applying is refused with the reason
        mvc.perform(post(base + "/pipeline/moves")
                        .header("Authorization", admin)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move("RECOGNISE", ", \"number\": \"GR1\", \"date\": \"2025-12-01\"")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("No pending application at stage TECH_SME"))
                .andExpect(jsonPath("$.stage").value("TECH_SME"));
        // the firm applies itself
        mvc.perform(post(base + "/pipeline/moves")
                        .header("Authorization", firm)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move("APPLY_HNTE", ", \"date\": \"2023-06-10\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("HNTE_APPLIED"));
        mvc.perform(post(base + "/pipeline/moves")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move("RECOGNISE", ", \"number\": \"GR202337000999\", \"date\": \"2023-11-20\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("RECOGNISED"))
                .andExpect(jsonPath("$.expiresOn").value("2026-11-20"));
        // reports for 2023 and 2024 were never filed: both missed by now (the test clock is the real one,
        // after 31 May 2025), so the sweep cancels this firm
        mvc.perform(get(base + "/pipeline").header("Authorization", firm).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminders[?(@.kind == 'CANCELLATION')]").exists());
        mvc.perform(post(base + "/annual-reports/2030").header("Authorization", firm))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/cultivation/pipeline/apply-missed-reports").header("Authorization", firm))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/cultivation/pipeline/apply-missed-reports").header("Authorization", admin))
                .andExpect(status().isOk());
        mvc.perform(get(base + "/pipeline").header("Authorization", firm))
                .andExpect(jsonPath("$.record.stage").value("CANCELLED"));
        long audited = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'cultivation_record'"
                        + " AND entity_id = :id")
                .param("id", String.valueOf(id))
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(4);

        // the office view counts the firm under its county, and exports
        mvc.perform(get("/api/v1/cultivation/pipeline").header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == '371581')].stages.CANCELLED").exists());
        mvc.perform(get("/api/v1/cultivation/pipeline").header("Authorization", firm))
                .andExpect(status().isForbidden());
        byte[] xlsx = mvc.perform(get("/api/v1/cultivation/pipeline/export")
                        .param("by", "industry")
                        .header("Authorization", admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("产业");
            assertThat(wb.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(1);
        }
        String page = mvc.perform(get("/cultivation/pipeline").header("Authorization", admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("临清市");
        String firmPage = mvc.perform(get("/cultivation/enterprises/{id}", id).header("Authorization", admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(firmPage).contains("id=\"stage\"").contains("已取消");
    }
}
