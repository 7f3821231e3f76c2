package org.gongtong.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.TestClock;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.search.SearchHit;
import org.gongtong.search.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The market module end to end through its public services, on the shared context: an enterprise
 * posts a need; it matches a university's result with an explanation; a broker takes the match up
 * and moves it proposed → contacted → negotiating → signed → completed (another one is dropped
 * with a reason); the university registers the technology contract within 30 days of signing (the
 * 31st day is refused with the reason, on the movable clock); the office classifies it, states the
 * technology transaction amount apart from the contract amount, numbers and certifies it. The
 * introduction rate and the conversion by industry and by broker agree with the rows.
 */
@IntegrationTest
class MarketModuleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    Market market;

    @Autowired
    Brokerages brokerages;

    @Autowired
    TechContracts contracts;

    @Autowired
    AuditLog audit;

    @Autowired
    Messages messages;

    Api api;
    Actor office = new Actor(1, "admin", "admin", Role.ADMIN, null, null);

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private Actor user(Role role, long organisation) throws Exception {
        Api.User u = api.createUser(role.name(), organisation, "ZONE-HTZ");
        return new Actor(u.id(), u.username(), u.username(), role, organisation, "ZONE-HTZ");
    }

    private static Brokerages.Funnel group(List<Brokerages.Funnel> funnel, String group) {
        return funnel.stream()
                .filter(f -> group.equals(f.group()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no group " + group + " in " + funnel));
    }

    @Test
    void fromANeedThroughBrokerageToACertifiedContractWithTheMetricsOfTheRows() throws Exception {
        long enterprise = api.createOrganisation("ENTERPRISE", "ZONE-HTZ");
        long university = api.createOrganisation("UNIVERSITY", "ZONE-HTZ");
        long agency = api.createOrganisation("SERVICE", "ZONE-HTZ");
        Actor owner = user(Role.ENTERPRISE_USER, enterprise);
        Actor seller = user(Role.ACADEMIC_USER, university);
        Actor broker = user(Role.SERVICE_USER, agency);
        // an industry of this test alone, so the metrics of its group are exactly this test's rows
        String industry = Api.unique("冷链保鲜产业");

        TechResult result = market.createResult(
                new ResultForm(
                        Api.unique("果蔬减压贮藏保鲜技术"),
                        "利用低压环境降低果蔬呼吸强度并排除乙烯，延长冷库贮藏期，苹果腐烂率显著下降。",
                        7,
                        "发明专利 1 项",
                        industry,
                        "农产品保鲜",
                        List.of(Cooperation.TRANSFER, Cooperation.LICENCE),
                        new BigDecimal("800000.00"),
                        null,
                        Visibility.PUBLIC,
                        null),
                seller);
        assertThat(result.organisationId()).isEqualTo(university);
        TechNeed need = market.createNeed(
                new NeedForm(
                        Api.unique("冷库苹果三个月后烂得多"),
                        "我们冷库里的苹果和梨放三个月就烂，想找能延长贮藏保鲜期的技术，减压或气调都可以。",
                        industry,
                        "农产品保鲜",
                        new BigDecimal("200000"),
                        new BigDecimal("600000"),
                        List.of(Cooperation.TRANSFER),
                        null,
                        Visibility.MEMBERS,
                        null),
                owner);
        assertThat(need.organisationId()).isEqualTo(enterprise);

        // matches, each explaining itself: shared terms, industry and field agreement
        Market.NeedMatches m = market.matches(need.id(), Market.MatchFilters.NONE, broker);
        SearchHit hit = m.results().stream()
                .filter(h -> h.id().equals(String.valueOf(result.id())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("result not matched: " + m.results()));
        assertThat(hit.explanation().matchedTerms()).isNotEmpty();
        assertThat(String.join(" ", hit.explanation().matchedTerms())).contains("贮藏");
        assertThat(hit.explanation().industryMatch()).isTrue();
        assertThat(hit.explanation().fieldMatches()).contains("field=农产品保鲜");
        assertThat(m.institutions()).anyMatch(i -> i.organisationId() == university);
        assertThat(m.organisationNames()).containsKey(university);
        // filters: TRL above the result's and a cooperation form it does not offer leave it out
        assertThat(market.matches(need.id(), new Market.MatchFilters(null, 8, null), broker)
                        .results())
                .noneMatch(h -> h.id().equals(String.valueOf(result.id())));
        assertThat(market.matches(need.id(), new Market.MatchFilters(Cooperation.CONSULTING, null, null), broker)
                        .results())
                .noneMatch(h -> h.id().equals(String.valueOf(result.id())));

        // brokerage: the whole way to completed, every move audited
        Brokerage b = brokerages.propose(need.id(), result.id(), null, "经纪人发起", broker);
        assertThat(b.status()).isEqualTo(BrokerageStatus.PROPOSED);
        assertThat(b.supplierOrganisationId()).isEqualTo(university);
        assertThat(b.brokerUserId()).isEqualTo(broker.userId());
        assertThatThrownBy(() -> brokerages.move(b.id(), BrokerageStatus.SIGNED, null, null, broker))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        for (BrokerageStatus to : List.of(
                BrokerageStatus.CONTACTED,
                BrokerageStatus.NEGOTIATING,
                BrokerageStatus.SIGNED,
                BrokerageStatus.COMPLETED)) {
            Brokerage moved = brokerages.move(b.id(), to, null, "进入 " + to, broker);
            assertThat(moved.status()).isEqualTo(to);
        }
        Brokerage completed = brokerages.find(b.id());
        assertThat(completed.notes()).contains("进入 CONTACTED", "进入 COMPLETED");
        assertThat(completed.introduced()).isTrue();
        assertThat(completed.converted()).isTrue();
        assertThat(audit.recent("brokerage", String.valueOf(b.id()), 10))
                .extracting(AuditLog.AuditRecord::action)
                .containsOnly("market.brokerage.propose", "market.brokerage.move")
                .hasSize(5);
        assertThatThrownBy(() -> brokerages.move(b.id(), BrokerageStatus.DROPPED, "太晚", null, broker))
                .isInstanceOf(DomainException.class);

        // a second match is dropped after a conversation: a reason is required and kept
        Brokerage dropped = brokerages.propose(need.id(), result.id(), null, null, broker);
        brokerages.move(dropped.id(), BrokerageStatus.CONTACTED, null, null, broker);
        assertThatThrownBy(() -> brokerages.move(dropped.id(), BrokerageStatus.DROPPED, " ", null, broker))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        Brokerage d = brokerages.move(dropped.id(), BrokerageStatus.DROPPED, "价格谈不拢", null, broker);
        assertThat(d.status()).isEqualTo(BrokerageStatus.DROPPED);
        assertThat(d.dropReason()).isEqualTo("价格谈不拢");
        assertThat(d.introduced()).isTrue();
        assertThat(d.converted()).isFalse();
        // a third is proposed and left there
        Brokerage waiting = brokerages.propose(need.id(), result.id(), null, null, broker);

        // contract registration: within 30 days of signing, by the seller; the 31st day is refused
        LocalDate signedOn = LocalDate.now(clock);
        TechContracts.Registration reg = new TechContracts.Registration(
                b.id(), null, enterprise, ContractType.TRANSFER, "果蔬减压贮藏技术转让合同", new BigDecimal("500000.00"), signedOn);
        assertThatThrownBy(() -> contracts.register(reg, owner))
                .as("the buyer does not register")
                .isInstanceOf(DomainException.class);
        clock.advance(Duration.ofDays(31));
        assertThatThrownBy(() -> contracts.register(reg, seller)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(messages.get(java.util.Locale.SIMPLIFIED_CHINESE, e.messageKey(), e.args()))
                    .contains("31", "30", "不予登记");
        });
        clock.reset();
        clock.advance(Duration.ofDays(30));
        TechContract registered = contracts.register(reg, seller);
        assertThat(registered.status()).isEqualTo("REGISTERED");
        assertThat(registered.sellerOrganisationId()).isEqualTo(university);
        assertThat(registered.registeredOn()).isEqualTo(signedOn.plusDays(30));
        assertThat(registered.registrationNumber()).isNull();
        assertThat(registered.technologyAmount()).isNull();

        // the office classifies, states the technology amount apart, numbers and certifies
        BigDecimal certifiedBefore = contracts
                .page(new TechContracts.ContractCriteria(null, "CERTIFIED"), office, PageRequest.of(0, 1))
                .sum();
        assertThatThrownBy(
                        () -> contracts.certify(registered.id(), ContractType.DEVELOPMENT, new BigDecimal("1"), seller))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> contracts.certify(
                        registered.id(), ContractType.DEVELOPMENT, new BigDecimal("500000.01"), office))
                .isInstanceOf(DomainException.class);
        TechContract certified =
                contracts.certify(registered.id(), ContractType.DEVELOPMENT, new BigDecimal("420000.00"), office);
        assertThat(certified.status()).isEqualTo("CERTIFIED");
        assertThat(certified.type()).isEqualTo(ContractType.DEVELOPMENT);
        assertThat(certified.contractAmount()).isEqualByComparingTo("500000");
        assertThat(certified.technologyAmount()).isEqualByComparingTo("420000");
        assertThat(certified.registrationNumber()).matches("3715\\d{4}JS\\d{6}");
        assertThat(certified.brokerageId()).isEqualTo(b.id());
        assertThatThrownBy(() -> contracts.certify(registered.id(), null, BigDecimal.ONE, office))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(contracts
                        .page(new TechContracts.ContractCriteria(null, "CERTIFIED"), office, PageRequest.of(0, 1))
                        .sum())
                .isEqualByComparingTo(certifiedBefore.add(new BigDecimal("420000")));
        assertThat(audit.recent("tech_contract", String.valueOf(registered.id()), 5))
                .extracting(AuditLog.AuditRecord::action)
                .containsExactly("market.contract.certify", "market.contract.register");

        // metrics, by industry and by broker, against the rows
        List<Brokerage> rows = brokerages.list(office).stream()
                .filter(x -> industry.equals(x.industry()))
                .toList();
        assertThat(rows).extracting(Brokerage::id).containsExactlyInAnyOrder(b.id(), dropped.id(), waiting.id());
        long introduced = rows.stream().filter(Brokerage::introduced).count();
        long converted = rows.stream().filter(Brokerage::converted).count();
        assertThat(introduced).isEqualTo(2);
        assertThat(converted).isEqualTo(1);
        Brokerages.Funnel byIndustry = group(brokerages.funnel(false), industry);
        assertThat(byIndustry.matches()).isEqualTo(rows.size());
        assertThat(byIndustry.introductions()).isEqualTo(introduced);
        assertThat(byIndustry.contracts()).isEqualTo(converted);
        assertThat(byIndustry.introductionRate()).isEqualTo(2.0 / 3);
        assertThat(byIndustry.conversion()).isEqualTo(1.0 / 3);
        Brokerages.Funnel byBroker = group(brokerages.funnel(true), String.valueOf(broker.userId()));
        assertThat(byBroker.matches()).isEqualTo(3);
        assertThat(byBroker.introductions()).isEqualTo(2);
        assertThat(byBroker.contracts()).isEqualTo(1);
        // the "introduced" list counts the dropped-after-contact one too, and not the waiting one
        List<Long> introducedIds = brokerages.page(null, true, owner, PageRequest.of(0, 200)).content().stream()
                .map(Brokerage::id)
                .toList();
        assertThat(introducedIds).contains(b.id(), dropped.id()).doesNotContain(waiting.id());
    }
}
