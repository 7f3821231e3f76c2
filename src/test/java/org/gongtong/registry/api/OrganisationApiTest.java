package org.gongtong.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.identity.TestActors;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.OrganisationImports;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.OrganisationSheets;
import org.gongtong.registry.ReferenceData;
import org.gongtong.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The organisation API's web layer: parameters to criteria, status codes, problems, the actor passed on. */
@WebMvcTest(
        controllers = OrganisationApi.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.gongtong\\.identity\\..*"))
@Import(Messages.class)
class OrganisationApiTest {

    static final Actor OFFICER = TestActors.actor(Role.CITY_OFFICER, 3L, null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Registry registry;

    @MockitoBean
    ReferenceData reference;

    @MockitoBean
    OrganisationSheets sheets;

    @MockitoBean
    OrganisationImports imports;

    @BeforeEach
    void visibleAsIs() {
        given(registry.visibleTo(any(), any())).willAnswer(inv -> inv.getArgument(0));
    }

    @Test
    void listTurnsParametersIntoCriteria() throws Exception {
        given(reference.county("莘县"))
                .willReturn(Optional.of(new ReferenceData.County("371522", "莘县", "Shen", "COUNTY")));
        given(reference.industry("绿色化工"))
                .willReturn(Optional.of(new ReferenceData.Industry("GREEN_CHEMICALS", "绿色化工", "Green")));
        given(registry.search(any(), any())).willReturn(new PageResult<>(List.of(org(7, "甲")), 11, 1, 5));

        mvc.perform(get("/api/v1/organisations")
                        .param("q", "甲")
                        .param("kind", "金")
                        .param("county", "莘县")
                        .param("industry", "绿色化工")
                        .param("page", "1")
                        .param("size", "5")
                        .with(TestActors.as(OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(11))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.content[0].id").value(7))
                .andExpect(jsonPath("$.content[0].name").value("甲"));

        ArgumentCaptor<OrganisationCriteria> criteria = ArgumentCaptor.forClass(OrganisationCriteria.class);
        verify(registry).search(criteria.capture(), eq(new PageRequest(1, 5)));
        assertThat(criteria.getValue())
                .isEqualTo(new OrganisationCriteria("甲", OrganisationKind.FINANCE, "371522", "GREEN_CHEMICALS", null));
        verify(registry).visibleTo(any(), eq(OFFICER));
    }

    @Test
    void pageSizeIsCapped() throws Exception {
        given(registry.search(any(), any())).willReturn(new PageResult<>(List.of(), 0, 0, 200));
        mvc.perform(get("/api/v1/organisations").param("size", "100000").with(TestActors.as(OFFICER)))
                .andExpect(status().isOk());
        verify(registry).search(OrganisationCriteria.all(), new PageRequest(0, PageRequest.MAX_SIZE));
    }

    @Test
    void unknownKindOrCountyIs400WithoutSearching() throws Exception {
        given(reference.county(anyString())).willReturn(Optional.empty());
        mvc.perform(get("/api/v1/organisations").param("kind", "BANK").with(TestActors.as(OFFICER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(get("/api/v1/organisations").param("county", "北京").with(TestActors.as(OFFICER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("county"));
        verify(registry, never()).search(any(), any());
    }

    @Test
    void createPassesTheActorAndAnswers201() throws Exception {
        given(registry.register(any(OrganisationForm.class), any(Actor.class))).willReturn(org(42, "新机构"));
        mvc.perform(post("/api/v1/organisations")
                        .with(TestActors.as(OFFICER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"新机构\",\"kind\":\"ENTERPRISE\",\"county\":\"临清市\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/organisations/42"))
                .andExpect(jsonPath("$.id").value(42));
        verify(registry).register(OrganisationForm.of("新机构", "ENTERPRISE", null, "临清市", null), OFFICER);
    }

    @Test
    void validationErrorsBecomeA400ProblemListingFields() throws Exception {
        given(registry.register(any(OrganisationForm.class), any(Actor.class)))
                .willThrow(new ValidationException(
                        List.of(new FieldError("uscc", "校验码不正确"), new FieldError("name", "必填。"))));
        mvc.perform(post("/api/v1/organisations")
                        .with(TestActors.as(OFFICER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ENTERPRISE\",\"uscc\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("uscc"))
                .andExpect(jsonPath("$.errors[1].field").value("name"));
    }

    @Test
    void emptyBodyIsTreatedAsAnEmptyForm() throws Exception {
        given(registry.register(any(OrganisationForm.class), any(Actor.class)))
                .willThrow(new ValidationException(List.of(new FieldError("name", "必填。"))));
        mvc.perform(post("/api/v1/organisations")
                        .with(TestActors.as(OFFICER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest());
        verify(registry).register(OrganisationForm.of(null, null, null, null, null), OFFICER);
    }

    @Test
    void getUnknownIs404AndForbiddenUpdateIs403() throws Exception {
        given(registry.find(9)).willThrow(DomainException.notFound("organisation.notFound", 9));
        mvc.perform(get("/api/v1/organisations/9").with(TestActors.as(OFFICER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        given(registry.update(eq(5L), any(), any())).willThrow(DomainException.forbidden("problem.forbidden"));
        mvc.perform(put("/api/v1/organisations/5")
                        .with(TestActors.as(OFFICER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"kind\":\"USER\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void staleUpdateIs409() throws Exception {
        given(registry.update(eq(5L), any(), any()))
                .willThrow(new DomainException(HttpStatus.CONFLICT, "problem.stale", null, null));
        mvc.perform(put("/api/v1/organisations/5")
                        .with(TestActors.as(OFFICER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"kind\":\"USER\",\"version\":3}"))
                .andExpect(status().isConflict());
        ArgumentCaptor<OrganisationForm> form = ArgumentCaptor.forClass(OrganisationForm.class);
        verify(registry).update(eq(5L), form.capture(), eq(OFFICER));
        assertThat(form.getValue().version()).isEqualTo(3);
    }

    @Test
    void englishProblemsOnRequest() throws Exception {
        given(registry.find(9)).willThrow(DomainException.notFound("organisation.notFound", 9));
        mvc.perform(get("/api/v1/organisations/9")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(TestActors.as(OFFICER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    static Organisation org(long id, String name) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Organisation(
                id,
                OrganisationKind.ENTERPRISE,
                name,
                null,
                "371581",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                0,
                now,
                now);
    }
}
