package org.gongtong.cultivation;

import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With demo data on, seeds three sample policies, all flagged demo and without document numbers:
 * they illustrate the kinds of condition, they are not real documents.
 */
@Component
class PolicyDemoData implements ApplicationRunner {

    private final Policies policies;
    private final JdbcClient jdbc;
    private final boolean enabled;

    PolicyDemoData(Policies policies, JdbcClient jdbc, @Value("${gongtong.demo-data:false}") boolean enabled) {
        this.policies = policies;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled
                || jdbc.sql("SELECT COUNT(*) FROM cultivation_policy WHERE demo = TRUE")
                                .query(Long.class)
                                .single()
                        > 0) {
            return;
        }
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2027, 12, 31);
        policies.insert(new Policy(
                null,
                "【示例】科技型中小企业研发费用加计扣除提示",
                "示例发布单位（非真实文件）",
                null,
                from,
                to,
                "示例：已入库科技型中小企业按规定享受研发费用税前加计扣除，由平台主动提示。",
                List.of(
                        new PolicyCondition("kind", "eq", "ENTERPRISE"),
                        new PolicyCondition("stage", "in", "TECH_SME,HNTE_APPLIED,RECOGNISED,RENEWAL_APPLIED"),
                        new PolicyCondition("rndTotal", ">", "0")),
                true,
                null));
        policies.insert(new Policy(
                null,
                "【示例】首次认定高新技术企业奖励",
                "示例发布单位（非真实文件）",
                null,
                from,
                to,
                "示例：首次通过高新技术企业认定的企业给予一次性奖励（金额以正式文件为准）。",
                List.of(
                        new PolicyCondition("kind", "eq", "ENTERPRISE"),
                        new PolicyCondition("stage", "eq", "RECOGNISED")),
                true,
                null));
        policies.insert(new Policy(
                null,
                "【示例】高新区研发投入后补助",
                "示例发布单位（非真实文件）",
                null,
                from,
                to,
                "示例：聊城高新区内研发投入占销售收入 3% 以上的企业，按研发投入给予后补助（比例以正式文件为准）。",
                List.of(
                        new PolicyCondition("county", "eq", "ZONE-HTZ"),
                        new PolicyCondition("rndToSales", ">=", "0.03"),
                        new PolicyCondition("salesRevenue", ">", "0")),
                true,
                null));
    }
}
