package org.gongtong.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gongtong.Api;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.Sql;
import org.gongtong.platform.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The registry module on its own (plus the shared platform). Identity's audit log is a mock, so
 * the test sees exactly what the registry records — and can make recording fail.
 */
@ApplicationModuleTest(extraIncludes = "platform")
class RegistryModuleTest {

    static final Actor OFFICER = new Actor(5, "officer", "市科技局", Role.CITY_OFFICER, 1L, null);

    @MockitoBean
    AuditLog audit;

    @Autowired
    Registry registry;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void forgetStartUp() {
        // on a fresh database the demo data is loaded at start-up, through this same mock
        clearInvocations(audit);
    }

    @Test
    void registeringAuditsAndPublishesAnEvent(AssertablePublishedEvents events) {
        String name = Api.unique("模块登记");
        Organisation o = registry.register(OrganisationForm.of(name, "产", Api.uscc(), "冠县", "纺织服装"), OFFICER);
        assertThat(o.kind()).isEqualTo(OrganisationKind.ENTERPRISE);
        assertThat(o.county()).isEqualTo("371525");
        assertThat(o.industry()).isEqualTo("TEXTILES_APPAREL");
        verify(audit).record(eq("ORGANISATION_REGISTERED"), eq("organisation"), eq(o.id()), isNull(), any());
        assertThat(events)
                .contains(OrganisationRegistered.class)
                .matching(OrganisationRegistered::id, o.id())
                .matching(OrganisationRegistered::county, "371525");
    }

    @Test
    void registeringManyAtOnceValidatesAuditsAndPublishesEachOne(AssertablePublishedEvents events) {
        String a = Api.unique("批量甲");
        String b = Api.unique("批量乙");
        var forms = java.util.List.of(
                OrganisationForm.of(a, "产", Api.uscc(), "冠县", "纺织服装"),
                OrganisationForm.of(b, "SERVICE", null, "临清市", null));
        var created = registry.registerAll(forms, true);
        assertThat(created).extracting(Organisation::name).containsExactly(a, b);
        assertThat(created).allMatch(Organisation::demo);
        assertThat(created.get(0).county()).isEqualTo("371525");
        assertThat(created.get(0).industry()).isEqualTo("TEXTILES_APPAREL");
        assertThat(registry.find(created.get(1).id()).name()).isEqualTo(b);
        @SuppressWarnings("unchecked")
        org.mockito.ArgumentCaptor<java.util.List<AuditLog.Change>> changes =
                org.mockito.ArgumentCaptor.forClass(java.util.List.class);
        verify(audit).recordAll(changes.capture());
        assertThat(changes.getValue())
                .extracting(AuditLog.Change::action, AuditLog.Change::entityId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "ORGANISATION_REGISTERED", created.get(0).id()),
                        org.assertj.core.groups.Tuple.tuple(
                                "ORGANISATION_REGISTERED", created.get(1).id()));
        assertThat(changes.getValue().get(0).after()).isEqualTo(Registry.auditView(created.get(0)));
        assertThat(events.ofType(OrganisationRegistered.class)
                        .matching(OrganisationRegistered::id, created.get(1).id()))
                .hasSize(1);
        tallyAgreesWithTheTable();
    }

    @Test
    void registeringManyAtOnceIsAllOrNothing() {
        Organisation existing =
                registry.register(OrganisationForm.of(Api.unique("已有"), "产", Api.uscc(), null, null), OFFICER);
        String fresh = Api.unique("全有或全无");
        // a USCC already registered: a conflict, and the valid form before it is not written either
        assertThatThrownBy(() -> registry.registerAll(
                        java.util.List.of(
                                OrganisationForm.of(fresh, "产", Api.uscc(), null, null),
                                OrganisationForm.of(Api.unique("重复"), "产", existing.uscc(), null, null)),
                        false))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        // the same USCC twice in one call
        String twice = Api.uscc();
        assertThatThrownBy(() -> registry.registerAll(
                        java.util.List.of(
                                OrganisationForm.of(fresh, "产", twice, null, null),
                                OrganisationForm.of(Api.unique("两次"), "产", twice, null, null)),
                        false))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        // an invalid form
        assertThatThrownBy(() -> registry.registerAll(
                        java.util.List.of(
                                OrganisationForm.of(fresh, "产", null, null, null),
                                OrganisationForm.of(" ", "产", null, null, null)),
                        false))
                .isInstanceOf(ValidationException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE name = ?", Long.class, fresh))
                .isZero();
        verify(audit, never()).recordAll(any());
        tallyAgreesWithTheTable();
    }

    @Test
    void nothingIsWrittenWhenAuditingFails() {
        String name = Api.unique("审计失败");
        given(audit.record(eq("ORGANISATION_REGISTERED"), any(), any(), any(), any()))
                .willThrow(new IllegalStateException("audit down"));
        assertThatThrownBy(() -> registry.register(OrganisationForm.of(name, "SERVICE", null, null, null), OFFICER))
                .hasMessage("audit down");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE name = ?", Long.class, name))
                .isZero();
    }

    @Test
    void invalidFormsWriteNothingAndPublishNothing(AssertablePublishedEvents events) {
        String name = Api.unique("无效");
        assertThatThrownBy(() -> registry.register(
                        OrganisationForm.of(name, "ENTERPRISE", "91350100M000100Y44", null, null), OFFICER))
                .isInstanceOf(ValidationException.class);
        assertThat(events.ofType(OrganisationRegistered.class)).isEmpty();
        verify(audit, never()).record(any(), any(), any(), any(), any());
    }

    @Test
    void usersOfAnOrganisationCannotRegister() {
        Actor user = new Actor(6, "e", "e", Role.ENTERPRISE_USER, 1L, null);
        assertThatThrownBy(() -> registry.register(OrganisationForm.of("x", "ENTERPRISE", null, null, null), user))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    @Test
    void staleVersionIsAConflict() {
        Organisation o = registry.register(OrganisationForm.of(Api.unique("版本"), "SERVICE", null, null, null), OFFICER);
        OrganisationForm form = OrganisationForm.from(o);
        registry.update(o.id(), form.withVersion(0), OFFICER);
        assertThatThrownBy(() -> registry.update(o.id(), form.withVersion(0), OFFICER))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(registry.find(o.id()).version()).isEqualTo(1);
    }

    @Test
    void answersIdentitysDirectoryQuestions() {
        Organisation o =
                registry.register(OrganisationForm.of(Api.unique("目录"), "UNIVERSITY", null, "371526", null), OFFICER);
        assertThat(registry.lookup(o.id())).hasValueSatisfying(ref -> {
            assertThat(ref.kind()).isEqualTo("UNIVERSITY");
            assertThat(ref.county()).isEqualTo("371526");
        });
        assertThat(registry.counties())
                .extracting(c -> c.code())
                .contains("371502", "ZONE-HTZ")
                .hasSize(11);
    }

    @Test
    void visibleToHidesPrivateFieldsFromOthers() {
        OrganisationForm form = new OrganisationForm(
                Api.unique("私有"),
                "ENTERPRISE",
                null,
                "371502",
                null,
                null,
                null,
                "王五",
                "0635-1234567",
                "w@example.org",
                null,
                30,
                new java.math.BigDecimal("100.50"),
                null,
                null,
                null);
        Organisation o = registry.register(form, OFFICER);
        Actor stranger = new Actor(7, "s", "s", Role.ENTERPRISE_USER, o.id() + 1, null);
        Actor member = new Actor(8, "m", "m", Role.ENTERPRISE_USER, o.id(), null);
        Organisation hidden = registry.visibleTo(o, stranger);
        assertThat(hidden.contactName()).isNull();
        assertThat(hidden.contactPhone()).isNull();
        assertThat(hidden.employees()).isNull();
        assertThat(hidden.annualRevenue()).isNull();
        assertThat(hidden.name()).isEqualTo(o.name());
        assertThat(registry.visibleTo(o, member)).isEqualTo(o);
    }

    @Autowired
    Organisations organisations;

    /** Every filter combination the list offers: the tally's total equals a direct COUNT. */
    private void tallyAgreesWithTheTable() {
        java.util.List<String> counties =
                jdbc.queryForList("SELECT DISTINCT county_code FROM organisation", String.class);
        java.util.List<String> industries =
                jdbc.queryForList("SELECT DISTINCT industry_code FROM organisation", String.class);
        java.util.List<OrganisationCriteria> criteria = new java.util.ArrayList<>();
        criteria.add(OrganisationCriteria.all());
        for (OrganisationKind kind : OrganisationKind.values()) {
            criteria.add(new OrganisationCriteria(null, kind, null, null, null));
        }
        counties.stream()
                .filter(java.util.Objects::nonNull)
                .forEach(c -> criteria.add(new OrganisationCriteria(null, null, c, null, null)));
        industries.stream()
                .filter(java.util.Objects::nonNull)
                .forEach(i -> criteria.add(new OrganisationCriteria(null, null, null, i, true)));
        criteria.add(new OrganisationCriteria(null, OrganisationKind.ENTERPRISE, "371525", "TEXTILES_APPAREL", false));
        for (OrganisationCriteria c : criteria) {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            java.util.List<Object> args = new java.util.ArrayList<>();
            if (c.kind() != null) {
                where.append(" AND kind = ?");
                args.add(c.kind().name());
            }
            if (c.county() != null) {
                where.append(" AND county_code = ?");
                args.add(c.county());
            }
            if (c.industry() != null) {
                where.append(" AND industry_code = ?");
                args.add(c.industry());
            }
            if (c.demo() != null) {
                where.append(" AND demo = ?");
                args.add(c.demo());
            }
            Long direct = jdbc.queryForObject("SELECT COUNT(*) FROM organisation" + where, Long.class, args.toArray());
            assertThat(registry.search(c, org.gongtong.platform.PageRequest.of(0, 1))
                            .totalElements())
                    .as("total for %s", c)
                    .isEqualTo(direct);
        }
    }

    @Test
    void listTotalsComeFromATallyKeptInStepWithEveryChange() {
        tallyAgreesWithTheTable();
        Organisation o =
                registry.register(OrganisationForm.of(Api.unique("计数"), "产", Api.uscc(), "冠县", "纺织服装"), OFFICER);
        tallyAgreesWithTheTable();
        // moving it to another county and industry moves its count
        OrganisationForm moved = OrganisationForm.of(o.name(), "研", o.uscc(), "临清市", "新材料");
        registry.update(o.id(), moved, OFFICER);
        tallyAgreesWithTheTable();
        assertThat(organisations.delete(o.id())).isTrue();
        tallyAgreesWithTheTable();
        // rows changed behind the application's back are found and recounted
        jdbc.update("UPDATE organisation_tally SET n = n + 7 WHERE n > 0");
        assertThat(organisations.retallyIfDrifted()).isTrue();
        tallyAgreesWithTheTable();
        assertThat(organisations.retallyIfDrifted()).isFalse();
    }

    /**
     * The name search answers exactly what {@code name LIKE '%q%' OR uscc = Q} answers over the
     * whole table, whatever the query: bigram lookups (ADR 0069) only narrow where it looks.
     */
    @Test
    void nameSearchFindsExactlyWhatLikeFinds() {
        Random random = new Random(4754);
        String letters = "甲乙丙丁戊";
        List<Organisation> made = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            StringBuilder name = new StringBuilder("名检");
            for (int k = 0; k < 7; k++) {
                name.append(letters.charAt(random.nextInt(letters.length())));
            }
            String kind = i % 2 == 0 ? "产" : "SERVICE";
            made.add(registry.register(
                    OrganisationForm.of(Api.unique(name.toString()), kind, Api.uscc(), "冠县", null), OFFICER));
        }
        // a rename takes the old bigrams away, a delete all of them
        Organisation renamed = made.get(0);
        registry.update(
                renamed.id(), OrganisationForm.of("名检已改名" + renamed.uscc(), "产", renamed.uscc(), "冠县", null), OFFICER);
        assertThat(organisations.delete(made.get(1).id())).isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM organisation_name_gram WHERE organisation_id = ?",
                        Long.class,
                        made.get(1).id()))
                .isZero();

        List<String> queries = new ArrayList<>(List.of(
                "甲乙",
                "乙丙丁",
                "丁戊甲乙",
                "甲",
                "名检",
                "名检甲",
                "已改名",
                made.get(0).name(),
                made.get(2).name(),
                made.get(3).uscc(),
                made.get(3).uscc().toLowerCase(),
                "甲%",
                "_乙",
                "甲乙丙丁戊甲乙丙丁",
                "无此名称"));
        for (int i = 0; i < 30; i++) {
            StringBuilder q = new StringBuilder();
            for (int k = 0, n = 2 + random.nextInt(4); k < n; k++) {
                q.append(letters.charAt(random.nextInt(letters.length())));
            }
            queries.add(q.toString());
        }
        try {
            for (int limit : new int[] {Organisations.GRAM_PROBE_LIMIT, 1}) {
                // 1: every bigram counts as common, so totals come from the scan
                organisations.gramProbeLimit(limit);
                searchAgreesWithLike(queries);
            }
        } finally {
            organisations.gramProbeLimit(Organisations.GRAM_PROBE_LIMIT);
        }
    }

    private void searchAgreesWithLike(List<String> queries) {
        for (String q : queries) {
            for (OrganisationKind kind : new OrganisationKind[] {null, OrganisationKind.SERVICE}) {
                String where = " WHERE (name LIKE ? OR uscc = ?)" + (kind == null ? "" : " AND kind = ?");
                List<Object> args =
                        new ArrayList<>(List.of(Sql.contains(q), q.strip().toUpperCase()));
                if (kind != null) {
                    args.add(kind.name());
                }
                List<Long> expected = jdbc.queryForList(
                        "SELECT id FROM organisation" + where + " ORDER BY id DESC LIMIT 200",
                        Long.class,
                        args.toArray());
                Long total =
                        jdbc.queryForObject("SELECT COUNT(*) FROM organisation" + where, Long.class, args.toArray());
                var page = registry.search(new OrganisationCriteria(q, kind, null, null, null), PageRequest.of(0, 200));
                assertThat(page.totalElements()).as("total for %s, %s", q, kind).isEqualTo(total);
                assertThat(page.content())
                        .extracting(Organisation::id)
                        .as("page for %s, %s", q, kind)
                        .isEqualTo(expected);
            }
        }
    }
}
