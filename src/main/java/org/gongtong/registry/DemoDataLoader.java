package org.gongtong.registry;

import java.util.List;
import org.gongtong.identity.AuditLog;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the seed's structure and sample organisations in one transaction, and removes the
 * samples again. The seed's own records (the institute, its builder, the two groups) are what the
 * government notice says and are not flagged demo.
 */
@Service
public class DemoDataLoader {

    static final String SOURCE = "聊城市人民政府《关于建立聊城产业技术研究院打造“政产学研金服用”创新创业共同体推进方案》";

    private final Registry registry;
    private final Groups groups;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final PlatformTransactionManager transactions;
    private final Organisations organisations;

    DemoDataLoader(
            Organisations organisations,
            Registry registry,
            Groups groups,
            JdbcClient jdbc,
            AuditLog audit,
            org.springframework.context.ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.organisations = organisations;
        this.events = events;
        this.transactions = transactions;
        this.registry = registry;
        this.groups = groups;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Recounts the organisation tally if rows were changed outside the application. */
    @Transactional
    public boolean repairTally() {
        return organisations.retallyIfDrifted();
    }

    public boolean seedLoaded() {
        return groups.idByCode("LEADING").isPresent();
    }

    @Transactional
    public void loadSeed(List<OrganisationForm> samples) {
        long institute =
                org("聊城产业技术研究院", OrganisationKind.RESEARCH, "不纳入编制管理的独立法人事业单位；理事会决策下的院长负责制，企业化管理、市场化运营。由聊城高新区具体承建。");
        org("聊城产业技术研究院有限公司", OrganisationKind.ENTERPRISE, "聊城产研院设立的公司：机构建设、产业研发创新机构投资、人才队伍建设及管理投资引导基金。");
        long htz = org("聊城高新技术产业开发区管理委员会", OrganisationKind.GOVERNMENT, "高新区：聊城产研院的规划建设、管理运营和综合服务。");
        long bureau = org("聊城市科学技术局", OrganisationKind.GOVERNMENT, "市科技局：领导小组办公室所在地。");
        org("聊城大学", OrganisationKind.UNIVERSITY, null);
        org("鲁西质检中心", OrganisationKind.SERVICE, "公共检测分析平台：标准、计量、检验检测、论证认可。");
        jdbc.sql("UPDATE organisation SET county_code = 'ZONE-HTZ' WHERE id IN (:ids)")
                .param("ids", List.of(institute, htz))
                .update();
        organisations.retally();

        long leading = groups.createGroup("LEADING", GroupKind.LEADING, "聊城产业技术研究院建设工作领导小组", SOURCE + " 附件1", 1);
        int order = 1;
        order = member(leading, RoleInGroup.LEADER, "郭建民", "市委常委、副市长", order);
        order = member(leading, RoleInGroup.DEPUTY_LEADER, "洪玉振", "副市长", order);
        String[][] members = {
            {"马保杰", "市政协副主席、市教育和体育局党组书记"},
            {"张连臣", "高新区党工委书记、管委会主任"},
            {"侯德功", "市政府副秘书长"},
            {"商 华", "市委组织部副部长、编办主任"},
            {"孙玉臣", "市发改和改革委主任"},
            {"王越军", "市科技局局长"},
            {"崔 岩", "工业和信息化局局长"},
            {"刘东昌", "市财政局局长"},
            {"程继峰", "市人力资源社会保障局局长"},
            {"金同元", "市国资委主任"},
            {"孙 军", "市市场监管局局长"},
            {"魏天山", "市地方金融监督管理局局长"},
            {"刘 胜", "聊城银保监分局局长"},
            {"王海涛", "市科技局副局长"},
            {"颜 善", "市财政局副局长"},
            {"秦生春", "市市场监管局副局长"},
            {"郭志刚", "高新区管委会副主任"}
        };
        for (String[] m : members) {
            order = member(leading, RoleInGroup.MEMBER, m[0], m[1], order);
        }
        groups.setOffice(leading, "领导小组办公室", "市科技局", bureau, groups.person("王越军", "市科技局局长", null), "王越军兼任办公室主任");

        long promotion = groups.createGroup("PROMOTION", GroupKind.PROMOTION, "聊城产业技术研究院建设工作推进小组", SOURCE + " 附件2", 2);
        order = 1;
        order = member(promotion, RoleInGroup.LEADER, "洪玉振", "副市长", order);
        order = member(promotion, RoleInGroup.DEPUTY_LEADER, "张连臣", "高新区党工委书记、管委会主任", order);
        order = member(promotion, RoleInGroup.DEPUTY_LEADER, "侯德功", "市政府副秘书长", order);
        order = member(promotion, RoleInGroup.DEPUTY_LEADER, "王越军", "市科技局局长", order);
        order = member(promotion, RoleInGroup.MEMBER, "王海涛", "市科技局副局长", order);
        order = member(promotion, RoleInGroup.MEMBER, "颜 善", "市财政局副局长", order);
        order = member(promotion, RoleInGroup.MEMBER, "秦生春", "市市场监管局副局长", order);
        member(promotion, RoleInGroup.MEMBER, "郭志刚", "高新区管委会副主任", order);
        groups.setOffice(promotion, "推进小组办公室", "高新区管委会", htz, groups.person("郭志刚", "高新区管委会副主任", null), "郭志刚兼任办公室主任");

        registry.registerAll(samples, true);
        audit.record("SEED_LOADED", "registry", null, null, java.util.Map.of("samples", samples.size()));
    }

    /**
     * Removes the sample organisations: first other modules drop their demo rows (an event), then
     * each sample goes in its own savepoint, so one that real records now refer to (a user filed a
     * loan for it, say) is kept rather than failing the whole removal. Returns how many went.
     */
    @Transactional
    public int removeSamples() {
        events.publishEvent(new DemoDataRemoving());
        List<Long> ids = jdbc.sql("SELECT id FROM organisation WHERE demo = TRUE ORDER BY id")
                .query(Long.class)
                .list();
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        int removed = 0;
        for (Long id : ids) {
            Boolean gone = savepoint.execute(status -> {
                try {
                    return organisations.delete(id);
                } catch (DataIntegrityViolationException referenced) {
                    status.setRollbackOnly();
                    return false;
                }
            });
            if (Boolean.TRUE.equals(gone)) {
                removed++;
            }
        }
        audit.record(
                "DEMO_DATA_REMOVED",
                "registry",
                null,
                null,
                java.util.Map.of("organisations", removed, "kept", ids.size() - removed));
        return removed;
    }

    private long org(String name, OrganisationKind kind, String description) {
        OrganisationForm f = new OrganisationForm(
                name,
                kind.name(),
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
                null,
                description,
                null);
        return registry.register(f, false).id();
    }

    private int member(long group, RoleInGroup role, String name, String post, int order) {
        groups.addMember(group, groups.person(name, post, null), role, post, order);
        return order + 1;
    }
}
