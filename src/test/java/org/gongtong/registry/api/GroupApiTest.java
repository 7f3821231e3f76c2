package org.gongtong.registry.api;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.registry.GroupKind;
import org.gongtong.registry.Groups;
import org.gongtong.registry.RoleInGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The group API's web layer alone: JSON shape, 404 problem, authentication required. */
@WebMvcTest(
        controllers = GroupApi.class,
        // the identity module's token filter needs the database; the slice uses Boot's default security
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.gongtong\\.identity\\..*"))
@Import(Messages.class)
class GroupApiTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Groups groups;

    @MockitoBean
    org.gongtong.registry.People people;

    @Test
    @WithMockUser
    void listsGroups() throws Exception {
        given(groups.list())
                .willReturn(List.of(
                        new Groups.GroupSummary(1, "LEADING", GroupKind.LEADING, "领导小组", 19),
                        new Groups.GroupSummary(2, "PROMOTION", GroupKind.PROMOTION, "推进小组", 8)));
        mvc.perform(get("/api/v1/groups"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("LEADING"))
                .andExpect(jsonPath("$[0].memberCount").value(19))
                .andExpect(jsonPath("$[1].name").value("推进小组"));
    }

    @Test
    @WithMockUser
    void showsAGroupWithOfficeAndMembers() throws Exception {
        given(groups.get(2))
                .willReturn(new Groups.GroupDetail(
                        2,
                        "PROMOTION",
                        GroupKind.PROMOTION,
                        "推进小组",
                        "附件2",
                        new Groups.Office("推进小组办公室", "高新区管委会", 7L, "郭志刚", null),
                        List.of(
                                new Groups.Member(5, "洪玉振", "副市长", RoleInGroup.LEADER, "组长", 1),
                                new Groups.Member(6, "颜 善", "市财政局副局长", RoleInGroup.MEMBER, "成员", 2))));
        mvc.perform(get("/api/v1/groups/2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.office.head").value("郭志刚"))
                .andExpect(jsonPath("$.office.location").value("高新区管委会"))
                .andExpect(jsonPath("$.members[0].roleInGroup").value("LEADER"))
                .andExpect(jsonPath("$.members[1].name").value("颜 善"))
                .andExpect(jsonPath("$.members[1].order").value(2));
    }

    @Test
    @WithMockUser
    void unknownGroupIs404Problem() throws Exception {
        given(groups.get(99)).willThrow(DomainException.notFound("group.notFound", 99));
        mvc.perform(get("/api/v1/groups/99"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    @WithMockUser
    void nonNumericIdIs400Problem() throws Exception {
        mvc.perform(get("/api/v1/groups/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void requiresAuthentication() throws Exception {
        mvc.perform(get("/api/v1/groups")).andExpect(status().isUnauthorized());
    }
}
