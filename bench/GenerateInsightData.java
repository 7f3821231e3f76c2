import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Demo data × 100 for the insight benchmark (issue 7): about 100,000 organisations and a million
 * rows across the modules whose tables feed indicators, written straight into the H2 file database
 * of a <b>stopped</b> server (the server created the schema on its first start). Each table is one
 * {@code INSERT … SELECT … FROM SYSTEM_RANGE} so H2 writes it without a round trip per row.
 *
 * <p>Usage (on the test class path, which has H2): {@code java -cp CP bench/GenerateInsightData.java
 * DATA_DIR [scale]}; scale 1.0 (default) is the full set, 0.01 a quick check.
 *
 * <p>Invariants kept as the application keeps them: foreign keys valid (organisation ids are taken
 * from the rows just inserted, by kind where the module expects one: borrowers and investees are
 * enterprises, banks and fund managers finance organisations); money exact NUMERIC(18,2); the
 * registry's organisation_tally rebuilt to equal COUNT(*) per (kind, county, industry, demo); the
 * risk pool balance equal to its ledger's running balance; no two bookings of one instrument share
 * a booking cell; at most one cultivation record per firm. Rows are not demo rows ({@code demo =
 * FALSE}): the application's demo reset leaves them alone, as it would imported data. Identity
 * columns are restarted after the highest id, so the application's own inserts go on from there.
 */
public class GenerateInsightData {

    static final String[] COUNTIES = {
        "371502", "371503", "371581", "371521", "371522", "371524", "371525", "371526", "ZONE-ETDZ", "ZONE-HTZ",
        "ZONE-JBSC"
    };
    static final String[] INDUSTRIES = {
        "NEW_MATERIALS", "HIGH_END_EQUIPMENT", "NEW_ENERGY_VEHICLES", "MEDICAL_HEALTH", "NONFERROUS_METALS",
        "GREEN_CHEMICALS", "TEXTILES_APPAREL", "CULTURE_TOURISM", "MODERN_AGRICULTURE"
    };

    static long base; // organisation ids of this run are base + 1 + n, n in [0, orgs)
    static long orgs;

    public static void main(String[] args) throws Exception {
        String dir = java.nio.file.Path.of(args[0]).toAbsolutePath().toString();
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        String url = "jdbc:h2:file:" + dir + "/gongtong;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                generate(c, s, scale);
            }
        }
        System.out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static long n(double scale, long full) {
        return Math.max(1, Math.round(full * scale));
    }

    static String arr(String[] values) {
        StringBuilder b = new StringBuilder("ARRAY[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "'" : ",'").append(values[i]).append("'");
        }
        return b.append("]").toString();
    }

    /** An organisation id of a kind bucket: buckets are the last two digits of n (see KINDS). */
    static String org(String kind, String expr) {
        int[] b = BUCKETS.get(kind);
        int start = b[0], width = b[1];
        long per = orgs / 100; // full hundreds only
        return "(" + (base + 1) + " + MOD((" + expr + ") / " + width + ", " + per + ") * 100 + " + start + " + MOD(("
                + expr + "), " + width + "))";
    }

    static final Map<String, int[]> BUCKETS = new LinkedHashMap<>();

    static {
        BUCKETS.put("ENTERPRISE", new int[] {0, 70});
        BUCKETS.put("USER", new int[] {70, 10});
        BUCKETS.put("SERVICE", new int[] {80, 6});
        BUCKETS.put("FINANCE", new int[] {86, 4});
        BUCKETS.put("RESEARCH", new int[] {90, 4});
        BUCKETS.put("UNIVERSITY", new int[] {94, 2});
        BUCKETS.put("GOVERNMENT", new int[] {96, 4});
    }

    static long one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String str(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void run(Statement s, String what, String sql) throws Exception {
        long t = System.nanoTime();
        int rows = s.executeUpdate(sql);
        System.out.printf("%-28s %,10d rows %6.1f s%n", what, rows, (System.nanoTime() - t) / 1e9);
    }

    static void restart(Statement s, String table) throws Exception {
        long max = one(s, "SELECT COALESCE(MAX(id), 0) FROM " + table);
        s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (max + 1));
    }

    static void generate(Connection c, Statement s, double scale) throws Exception {
        if (one(s, "SELECT COUNT(*) FROM organisation WHERE uscc LIKE '91371599%'") > 0) {
            throw new IllegalStateException("this database already has the benchmark data");
        }
        orgs = n(scale, 100_000) / 100 * 100;
        if (orgs < 100) {
            orgs = 100;
        }
        base = one(s, "SELECT COALESCE(MAX(id), 0) FROM organisation");
        long admin = one(s, "SELECT MIN(id) FROM app_user");
        String ts = "TIMESTAMP WITH TIME ZONE '2026-01-05 08:00:00+08'";
        String counties = arr(COUNTIES), industries = arr(INDUSTRIES);
        // kind by the last two digits of n (70 % enterprises …), county and industry spread evenly
        StringBuilder kind = new StringBuilder("CASE");
        for (var e : BUCKETS.entrySet()) {
            kind.append(" WHEN MOD(X - 1, 100) < ").append(e.getValue()[0] + e.getValue()[1])
                    .append(" THEN '").append(e.getKey()).append("'");
        }
        kind.append(" END");
        run(s, "organisation", "INSERT INTO organisation (id, kind, name, uscc, county_code, industry_code, address,"
                + " contact_name, contact_phone, founded_on, employees, annual_revenue, registered_capital, demo,"
                + " version, created_at, updated_at) SELECT " + base + " + X, " + kind
                + ", CONCAT('聊城基准', CASE WHEN MOD(X - 1, 100) < 70 THEN '科技有限公司' WHEN MOD(X - 1, 100) < 80"
                + " THEN '用户单位' WHEN MOD(X - 1, 100) < 86 THEN '服务中心' WHEN MOD(X - 1, 100) < 90 THEN '金融机构'"
                + " WHEN MOD(X - 1, 100) < 94 THEN '研究所' WHEN MOD(X - 1, 100) < 96 THEN '大学' ELSE '管理办公室' END,"
                + " LPAD(CAST(X AS VARCHAR), 6, '0')), CONCAT('91371599', LPAD(CAST(X AS VARCHAR), 10, '0')), "
                + counties + "[MOD(X * 7, 11) + 1], " + industries + "[MOD(X * 13, 9) + 1],"
                + " CONCAT('聊城市测试路', MOD(X, 900) + 1, '号'), '张工', CONCAT('1386350', LPAD(CAST(MOD(X, 10000) AS"
                + " VARCHAR), 4, '0')), DATE '2000-01-01' + CAST(MOD(X * 37, 9000) AS INT), 5 + MOD(X * 11, 800),"
                + " CAST(MOD(X * 7919, 500000000) AS NUMERIC(18,2)) / 100 * 100 + 0.50,"
                + " CAST(MOD(X * 104729, 10000) AS NUMERIC(18,2)) * 10000, FALSE, 0, " + ts + ", " + ts
                + " FROM SYSTEM_RANGE(1, " + orgs + ") AS g(x)");
        restart(s, "organisation");
        run(s, "organisation_tally", "DELETE FROM organisation_tally");
        run(s, "organisation_tally", "INSERT INTO organisation_tally (kind, county_code, industry_code, demo, n)"
                + " SELECT kind, COALESCE(county_code, ''), COALESCE(industry_code, ''), demo, COUNT(*)"
                + " FROM organisation GROUP BY kind, COALESCE(county_code, ''), COALESCE(industry_code, ''), demo");
        long enterprises = orgs / 100 * 70;

        // cultivation: 60 % of the enterprises on the pipeline (one record per firm)
        long cult = enterprises * 6 / 7;
        run(s, "cultivation_record", "INSERT INTO cultivation_record (organisation_id, stage, tsme_year, tsme_number,"
                + " applied_on, certificate_number, certificate_date, expires_on, cancelled_on, version, updated_at)"
                + " SELECT " + org("ENTERPRISE", "X") + ", ARRAY['CANDIDATE','TECH_SME','TECH_SME','TECH_SME',"
                + "'HNTE_APPLIED','RECOGNISED','RECOGNISED','RENEWAL_APPLIED','CANCELLED','TECH_SME'][MOD(X, 10) + 1],"
                + " CASE WHEN MOD(X, 10) = 0 THEN NULL ELSE 2024 + MOD(X, 3) END,"
                + " CASE WHEN MOD(X, 10) = 0 THEN NULL ELSE CONCAT('2025371500', LPAD(CAST(X AS VARCHAR), 7, '0')) END,"
                + " CASE WHEN MOD(X, 10) IN (4, 7) THEN DATE '2026-05-01' ELSE NULL END,"
                + " CASE WHEN MOD(X, 10) IN (5, 6, 7) THEN CONCAT('GR2024370', LPAD(CAST(X AS VARCHAR), 5, '0')) END,"
                + " CASE WHEN MOD(X, 10) IN (5, 6, 7) THEN DATE '2024-12-01' END,"
                + " CASE WHEN MOD(X, 10) IN (5, 6, 7) THEN DATE '2027-11-30' END,"
                + " CASE WHEN MOD(X, 10) = 8 THEN DATE '2026-03-01' END, 0, " + ts
                + " FROM SYSTEM_RANGE(0, " + (cult - 1) + ") AS g(x)");

        // capital: one parent fund, 50 sub-funds run by finance organisations, commitments, investments
        long fundBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM fund");
        long subs = 50;
        run(s, "fund", "INSERT INTO fund (id, name, kind, parent_fund_id, fund_size, vintage, manager_id, demo,"
                + " created_at) SELECT " + fundBase + " + X, CASE WHEN X = 1 THEN '聊城基准母基金' ELSE"
                + " CONCAT('聊城基准子基金', X - 1, '号') END, CASE WHEN X = 1 THEN 'PARENT' ELSE 'SUB' END,"
                + " CASE WHEN X = 1 THEN NULL ELSE " + (fundBase + 1) + " END, CASE WHEN X = 1 THEN 5000000000.00"
                + " ELSE 500000000.00 END, 2024, " + org("FINANCE", "X") + ", FALSE, " + ts
                + " FROM SYSTEM_RANGE(1, " + (subs + 1) + ") AS g(x)");
        restart(s, "fund");
        // per sub-fund: the parent's 20 % plus four other investors of 20 % each
        run(s, "fund_commitment", "INSERT INTO fund_commitment (fund_id, investor_name, investor_org_id,"
                + " investor_fund_id, amount, committed_on, created_at) SELECT " + (fundBase + 1)
                + " + 1 + MOD(X, " + subs + "), CASE WHEN X < " + subs + " THEN '聊城基准母基金' ELSE"
                + " CONCAT('基准出资人', X) END, CASE WHEN X < " + subs + " THEN NULL ELSE " + org("FINANCE", "X + 7")
                + " END, CASE WHEN X < " + subs + " THEN " + (fundBase + 1) + " END, 100000000.00,"
                + " DATE '2024-03-01' + CAST(MOD(X, 200) AS INT), " + ts + " FROM SYSTEM_RANGE(0, " + (subs * 5 - 1) + ") AS g(x)");
        run(s, "fund_investment", "INSERT INTO fund_investment (fund_id, organisation_id, investment_date,"
                + " investment_type, amount, local_target, created_at) SELECT " + (fundBase + 2) + " + MOD(X, " + subs
                + "), " + org("ENTERPRISE", "X * 3") + ", DATE '2024-06-01' + CAST(MOD(X, 700) AS INT),"
                + " ARRAY['INITIAL','INITIAL','FOLLOW_ON','INITIAL','EXIT'][MOD(X, 5) + 1],"
                + " CAST(MOD(X * 7919, 4900) + 100 AS NUMERIC(18,2)) * 1000 + 0.25, MOD(X, 4) <> 3, " + ts
                + " FROM SYSTEM_RANGE(0, " + (n(scale, 200_000) - 1) + ") AS g(x)");

        // risk compensation: 20 bank agreements, loans to enterprises, some claimed; pool ledger of top-ups
        long agrBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM risk_agreement");
        run(s, "risk_agreement", "INSERT INTO risk_agreement (id, bank_org_id, name, province_share, city_share,"
                + " bank_share, signed_on, created_at) SELECT " + agrBase + " + X, " + org("FINANCE", "X * 11")
                + ", CONCAT('风险补偿合作协议（基准）', X), 0.2500, 0.3500, 0.4000, DATE '2024-01-10', " + ts
                + " FROM SYSTEM_RANGE(1, 20) AS g(x)");
        restart(s, "risk_agreement");
        String bank = org("FINANCE", "MOD(X, 20) * 11 + 11");
        run(s, "risk_loan", "INSERT INTO risk_loan (agreement_id, bank_org_id, borrower_org_id, principal,"
                + " counted_principal, rate, term_months, disbursed_on, filed_on, early_stage, province_share,"
                + " city_share, bank_share, status, claimed_on, loss_principal, part_province, part_city, part_bank,"
                + " paid, waiting, demo, created_at, updated_at) SELECT " + agrBase + " + 1 + MOD(X, 20), " + bank
                + ", " + org("ENTERPRISE", "X * 5 + 1") + ", P, P, 0.045000, 12, DATE '2025-01-01' + CAST(MOD(X, 500)"
                + " AS INT), DATE '2025-02-01' + CAST(MOD(X, 500) AS INT), FALSE, 0.2500, 0.3500, 0.4000,"
                + " CASE WHEN MOD(X, 50) = 0 THEN 'PAID' WHEN MOD(X, 50) = 1 THEN 'CLAIMED' ELSE 'ACTIVE' END,"
                + " CASE WHEN MOD(X, 50) < 2 THEN DATE '2026-06-01' END, CASE WHEN MOD(X, 50) < 2 THEN P END,"
                + " CASE WHEN MOD(X, 50) < 2 THEN P * 0.25 END, CASE WHEN MOD(X, 50) < 2 THEN P * 0.35 END,"
                + " CASE WHEN MOD(X, 50) < 2 THEN P * 0.40 END, CASE WHEN MOD(X, 50) = 0 THEN P * 0.60 ELSE 0 END,"
                + " CASE WHEN MOD(X, 50) = 1 THEN P * 0.60 ELSE 0 END, FALSE, " + ts + ", " + ts
                + " FROM (SELECT X, CAST(MOD(X * 7919, 9900) + 100 AS NUMERIC(18,2)) * 1000 AS P"
                + " FROM SYSTEM_RANGE(0, " + (n(scale, 100_000) - 1) + ") AS g(x))");
        String before = str(s, "SELECT CAST(balance AS VARCHAR) FROM risk_pool WHERE id = 1");
        long entries = n(scale, 5_000);
        run(s, "risk_pool_entry", "INSERT INTO risk_pool_entry (entry_date, entry_kind, payer, loan_id, amount,"
                + " balance_after, note, created_at) SELECT DATE '2025-01-01' + CAST(MOD(X, 600) AS INT), 'TOP_UP',"
                + " ARRAY['PROVINCE','CITY','COUNTY'][MOD(X, 3) + 1], NULL, 100000.00, " + before
                + " + 100000.00 * X, '基准注资', " + ts + " FROM SYSTEM_RANGE(1, " + entries + ") AS g(x)");
        run(s, "risk_pool", "UPDATE risk_pool SET balance = balance + " + (100000L * entries) + " WHERE id = 1");

        // grants: one programme with a round; applications of enterprises in every status
        long sfBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM special_fund");
        run(s, "special_fund", "INSERT INTO special_fund (id, name, total, owner_org_id, demo, created_at) VALUES ("
                + (sfBase + 1) + ", '聊城市科技创新专项资金（基准）', 200000000.00, " + org("GOVERNMENT", "1") + ", FALSE, "
                + ts + ")");
        restart(s, "special_fund");
        long progBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM grant_programme");
        run(s, "grant_programme", "INSERT INTO grant_programme (id, name, description, fund_id, fund_year,"
                + " max_amount, county_match_ratio, eligible_kinds, integrity_blocking, status, owner_org_id, demo,"
                + " created_at) VALUES (" + (progBase + 1) + ", '科技型中小企业创新能力提升项目（基准）', '基准数据', "
                + (sfBase + 1) + ", 2026, 500000.00, 0, 'ENTERPRISE', TRUE, 'OPEN', " + org("GOVERNMENT", "1")
                + ", FALSE, " + ts + ")");
        restart(s, "grant_programme");
        long roundBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM grant_round");
        run(s, "grant_round", "INSERT INTO grant_round (id, programme_id, name, opens_on, closes_on) VALUES ("
                + (roundBase + 1) + ", " + (progBase + 1) + ", '2026年第一批', DATE '2026-01-01', DATE '2026-12-31')");
        restart(s, "grant_round");
        String applicant = org("ENTERPRISE", "X * 7 + 3");
        run(s, "grant_application", "INSERT INTO grant_application (programme_id, round_id, applicant_org_id,"
                + " applicant_name, applicant_uscc, applicant_county, applicant_kind, contact_name, contact_phone,"
                + " employees, annual_revenue, title, summary, requested_amount, status, stage_seq, version,"
                + " submitted_at, updated_at, created_at, demo) SELECT " + (progBase + 1) + ", " + (roundBase + 1)
                + ", o.id, o.name, o.uscc, o.county_code, o.kind, '张工', o.contact_phone, o.employees,"
                + " o.annual_revenue, CONCAT('基准项目', X), '基准申报书摘要', CAST(MOD(X * 31, 4900) + 100 AS"
                + " NUMERIC(18,2)) * 100, ARRAY['DRAFT','SUBMITTED','SUBMITTED','IN_REVIEW','IN_REVIEW','APPROVED',"
                + "'REJECTED','RETURNED','WITHDRAWN','SUBMITTED'][MOD(X, 10) + 1], CASE WHEN MOD(X, 10) IN (3, 4)"
                + " THEN 1 END, 0, CASE WHEN MOD(X, 10) <> 0 THEN " + ts + " END, " + ts + ", " + ts + ", FALSE"
                + " FROM SYSTEM_RANGE(0, " + (n(scale, 150_000) - 1) + ") AS g(x) JOIN organisation o ON o.id = " + applicant);

        // talent: appointments from universities and research institutes into enterprises
        run(s, "talent_appointment", "INSERT INTO talent_appointment (programme, person_name, home_org_id,"
                + " host_org_id, starts_on, ends_on, duties, industry_code, paid_part_time, report_every_months,"
                + " status, demo, created_at) SELECT ARRAY['INDUSTRY_PROFESSOR','DUAL_MENTOR','COMMISSIONER',"
                + "'TECH_VICE_PRESIDENT'][MOD(X, 4) + 1], CONCAT('基准专家', X), CASE WHEN MOD(X, 2) = 0 THEN "
                + org("UNIVERSITY", "X") + " ELSE " + org("RESEARCH", "X") + " END, " + org("ENTERPRISE", "X * 9 + 2")
                + ", DATE '2025-01-01' + CAST(MOD(X, 600) AS INT), DATE '2027-12-31', '技术指导', " + industries
                + "[MOD(X, 9) + 1], FALSE, 6, 'ACTIVE', FALSE, " + ts + " FROM SYSTEM_RANGE(0, "
                + (n(scale, 100_000) - 1) + ") AS g(x)");

        // market: needs of enterprises, results of universities and institutes, brokerages, contracts
        long needBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM tech_need");
        long needs = n(scale, 100_000);
        run(s, "tech_need", "INSERT INTO tech_need (id, organisation_id, title, description, industry, budget_min,"
                + " budget_max, cooperation, deadline, visibility, status, demo, created_at, updated_at) SELECT "
                + needBase + " + X, " + org("ENTERPRISE", "X * 11 + 4") + ", CONCAT('基准技术需求', X),"
                + " '需要解决的关键技术问题（基准数据）', " + industries + "[MOD(X, 9) + 1], 100000.00, 2000000.00,"
                + " 'JOINT_DEVELOPMENT', DATE '2027-06-30', ARRAY['PUBLIC','MEMBERS','INSTITUTE_ONLY'][MOD(X, 3) + 1],"
                + " 'OPEN', FALSE, " + ts + ", " + ts + " FROM SYSTEM_RANGE(1, " + needs + ") AS g(x)");
        restart(s, "tech_need");
        long resultBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM tech_result");
        long results = n(scale, 100_000);
        run(s, "tech_result", "INSERT INTO tech_result (id, organisation_id, title, summary, trl, stage, industry,"
                + " cooperation, price, visibility, demo, created_at, updated_at) SELECT " + resultBase + " + X, "
                + "CASE WHEN MOD(X, 2) = 0 THEN " + org("UNIVERSITY", "X") + " ELSE " + org("RESEARCH", "X")
                + " END, CONCAT('基准科技成果', X), '成果简介（基准数据）', 3 + MOD(X, 6), 'PROTOTYPE', " + industries
                + "[MOD(X, 9) + 1], 'TRANSFER', CAST(MOD(X * 13, 900) + 100 AS NUMERIC(18,2)) * 10000,"
                + " ARRAY['PUBLIC','MEMBERS','INSTITUTE_ONLY'][MOD(X, 3) + 1], FALSE, " + ts + ", " + ts
                + " FROM SYSTEM_RANGE(1, " + results + ") AS g(x)");
        restart(s, "tech_result");
        long brokBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM brokerage");
        long brokerages = n(scale, 100_000);
        run(s, "brokerage", "INSERT INTO brokerage (id, need_id, result_id, supplier_organisation_id, status, demo,"
                + " created_at, updated_at) SELECT " + brokBase + " + X, " + needBase + " + 1 + MOD(X * 7, " + needs
                + "), r.id, r.organisation_id, ARRAY['PROPOSED','CONTACTED','NEGOTIATING','SIGNED','COMPLETED',"
                + "'DROPPED'][MOD(X, 6) + 1], FALSE, " + ts + ", " + ts + " FROM SYSTEM_RANGE(1, " + brokerages
                + ") AS g(x) JOIN tech_result r ON r.id = " + resultBase + " + 1 + MOD(X * 3, " + results + ")");
        restart(s, "brokerage");
        run(s, "tech_contract", "INSERT INTO tech_contract (brokerage_id, seller_organisation_id,"
                + " buyer_organisation_id, contract_type, title, contract_amount, technology_amount, signed_on,"
                + " registered_on, status, registration_number, demo, created_at) SELECT b.id,"
                + " b.supplier_organisation_id, n.organisation_id, ARRAY['DEVELOPMENT','TRANSFER','LICENCE',"
                + "'CONSULTING'][MOD(X, 4) + 1], CONCAT('基准技术合同', X), A, A * 0.80, DATE '2025-03-01' +"
                + " CAST(MOD(X, 600) AS INT), DATE '2025-03-15' + CAST(MOD(X, 600) AS INT), CASE WHEN MOD(X, 3) = 0"
                + " THEN 'REGISTERED' ELSE 'CERTIFIED' END, CASE WHEN MOD(X, 3) = 0 THEN NULL ELSE"
                + " CONCAT('2025371500', LPAD(CAST(X AS VARCHAR), 8, '0')) END, FALSE, " + ts + " FROM (SELECT X,"
                + " CAST(MOD(X * 7919, 9900) + 100 AS NUMERIC(18,2)) * 1000 AS A FROM SYSTEM_RANGE(1, "
                + n(scale, 50_000) + ") AS g(x)) JOIN brokerage b ON b.id = " + brokBase + " + X"
                + " JOIN tech_need n ON n.id = b.need_id");

        // services: shared instruments of institutes and universities; one-hour bookings on distinct cells
        long instBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM instrument");
        long instruments = n(scale, 2_000);
        run(s, "instrument", "INSERT INTO instrument (id, name, owner_id, location, category, instrument_value,"
                + " must_share, status, slot_minutes, lead_hours, max_hours, approval_needed, hours_per_day,"
                + " price_internal, price_partner, price_external, training_required, demo, version, created_at)"
                + " SELECT " + instBase + " + X, CONCAT('基准仪器', X), " + org("RESEARCH", "X") + ", '实验楼',"
                + " '分析测试', CAST(MOD(X * 17, 400) + 10 AS NUMERIC(18,2)) * 10000, MOD(X, 3) <> 0, 'AVAILABLE',"
                + " 60, 24, 8, FALSE, 8, 100.00, 150.00, 200.00, FALSE, FALSE, 0, " + ts
                + " FROM SYSTEM_RANGE(1, " + instruments + ") AS g(x)");
        restart(s, "instrument");
        long bookingBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM booking");
        long bookings = n(scale, 100_000);
        // booking X: instrument 1 + MOD(X, instruments), day X / instruments from 2025-01-01, 09:00–10:00
        String start = "DATEADD(DAY, X / " + instruments + ", TIMESTAMP WITH TIME ZONE '2025-01-01 09:00:00+08')";
        run(s, "booking", "INSERT INTO booking (id, instrument_id, user_id, user_organisation_id, booked_by,"
                + " starts_at, ends_at, purpose, tier, status, actual_start, actual_end, charge, demo, created_at)"
                + " SELECT " + bookingBase + " + X + 1, " + instBase + " + 1 + MOD(X, " + instruments + "), " + admin
                + ", " + org("ENTERPRISE", "X * 13 + 5") + ", 'admin', " + start + ", DATEADD(HOUR, 1, " + start
                + "), '样品检测', 'EXTERNAL', ARRAY['COMPLETED','COMPLETED','COMPLETED','CONFIRMED','CANCELLED',"
                + "'NO_SHOW','COMPLETED','REJECTED'][MOD(X, 8) + 1], CASE WHEN MOD(X, 8) IN (0, 1, 2, 6) THEN " + start
                + " END, CASE WHEN MOD(X, 8) IN (0, 1, 2, 6) THEN DATEADD(HOUR, 1, " + start + ") END,"
                + " CASE WHEN MOD(X, 8) IN (0, 1, 2, 6) THEN 200.00 END, FALSE, " + ts + " FROM SYSTEM_RANGE(0, "
                + (bookings - 1) + ") AS g(x)");
        restart(s, "booking");
        run(s, "booking_cell", "INSERT INTO booking_cell (instrument_id, cell_start, booking_id) SELECT"
                + " instrument_id, starts_at, id FROM booking WHERE id > " + bookingBase
                + " AND status NOT IN ('CANCELLED', 'REJECTED')");
        long incBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM incubator");
        run(s, "incubator", "INSERT INTO incubator (id, name, operator_id, industry_code, address, space_m2, demo,"
                + " created_at) SELECT " + incBase + " + X, CONCAT('基准孵化器', X), " + org("SERVICE", "X") + ", "
                + industries + "[MOD(X, 9) + 1], '聊城市', 5000.00, FALSE, " + ts + " FROM SYSTEM_RANGE(1, 100) AS g(x)");
        restart(s, "incubator");
        long incubatees = n(scale, 20_000);
        run(s, "incubatee", "INSERT INTO incubatee (incubator_id, organisation_id, entry_date, intake_score, status,"
                + " left_on, demo, created_at) SELECT " + incBase + " + 1 + MOD(X, 100), " + org("ENTERPRISE", "X")
                + ", DATE '2024-01-01' + CAST(MOD(X, 700) AS INT), 60 + MOD(X, 40), ARRAY['INCUBATING','INCUBATING',"
                + "'GRADUATED','EXITED'][MOD(X, 4) + 1], CASE WHEN MOD(X, 4) >= 2 THEN DATE '2026-06-30' END, FALSE, "
                + ts + " FROM SYSTEM_RANGE(0, " + (incubatees - 1) + ") AS g(x)");

        // network: communities led by enterprises with members, R&D institutions with figures
        long comBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM community");
        long communities = n(scale, 2_000);
        run(s, "community", "INSERT INTO community (id, name, status, county_code, industry_code,"
                + " lead_organisation_id, form, preparation_deadline, registered_on, demo, version, created_at,"
                + " updated_at) SELECT " + comBase + " + X, CONCAT('基准创新联合体', X), ARRAY['PROPOSED','PREPARING',"
                + "'REGISTERED','REGISTERED','CONTINUED','WARNED','PREPARING','EXITED'][MOD(X, 8) + 1], o.county_code,"
                + " o.industry_code, o.id, '联合体', CASE WHEN MOD(X, 8) IN (1, 6) THEN DATE '2026-01-01' + CAST(MOD(X,"
                + " 700) AS INT) END, CASE WHEN MOD(X, 8) IN (2, 3, 4, 5) THEN DATE '2025-06-01' END, FALSE, 0, " + ts
                + ", " + ts + " FROM SYSTEM_RANGE(1, " + communities + ") AS g(x) JOIN organisation o ON o.id = "
                + org("ENTERPRISE", "X * 17"));
        restart(s, "community");
        run(s, "community_member", "INSERT INTO community_member (community_id, organisation_id, member_role,"
                + " share_percent, joined_on) SELECT " + comBase + " + 1 + MOD(X, " + communities + "), CASE WHEN"
                + " MOD(X, 3) = 0 THEN " + org("UNIVERSITY", "X") + " WHEN MOD(X, 3) = 1 THEN " + org("RESEARCH", "X")
                + " ELSE " + org("ENTERPRISE", "X * 19 + 6") + " END, 'MEMBER', NULL, DATE '2025-01-01' + CAST(MOD(X,"
                + " 600) AS INT) FROM SYSTEM_RANGE(0, " + (n(scale, 50_000) - 1) + ") AS g(x)");
        long rndBase = one(s, "SELECT COALESCE(MAX(id), 0) FROM rnd_institution");
        long institutions = n(scale, 2_000);
        run(s, "rnd_institution", "INSERT INTO rnd_institution (id, name, kind, establishment_mode, status,"
                + " county_code, industry_code, field, staff_count, organisation_id, demo, version, created_at,"
                + " updated_at) SELECT " + rndBase + " + X, CONCAT('基准研发机构', X), ARRAY['SPECIALISED_INSTITUTE',"
                + "'INNOVATION_CENTRE'][MOD(X, 2) + 1], ARRAY['NEW_BUILD','JOIN'][MOD(X, 2) + 1], ARRAY['PROPOSED',"
                + "'APPROVED','BUILDING','OPERATING','OPERATING','CONTINUED','WARNED','EXITED'][MOD(X, 8) + 1],"
                + " o.county_code, o.industry_code, '新材料', 20 + MOD(X, 80), o.id, FALSE, 0, " + ts + ", " + ts
                + " FROM SYSTEM_RANGE(1, " + institutions + ") AS g(x) JOIN organisation o ON o.id = " + org("RESEARCH", "X"));
        restart(s, "rnd_institution");
        run(s, "institution_figure", "INSERT INTO institution_figure (institution_id, figure_year, rnd_spend,"
                + " contract_revenue, results_transferred, spin_offs, talents) SELECT " + rndBase + " + 1 + X / 3,"
                + " 2023 + MOD(X, 3), CAST(MOD(X * 7, 900) + 100 AS NUMERIC(18,2)) * 1000,"
                + " CAST(MOD(X * 11, 900) + 100 AS NUMERIC(18,2)) * 1000, MOD(X, 5), MOD(X, 2), MOD(X, 9)"
                + " FROM SYSTEM_RANGE(0, " + (institutions * 3 - 1) + ") AS g(x)");

        long total = 0;
        for (String t : new String[] {"organisation", "cultivation_record", "fund_investment", "fund_commitment",
            "risk_loan", "risk_pool_entry", "grant_application", "talent_appointment", "tech_need", "tech_result",
            "brokerage", "tech_contract", "booking", "booking_cell", "incubatee", "community", "community_member",
            "rnd_institution", "institution_figure", "instrument"}) {
            long rows = one(s, "SELECT COUNT(*) FROM " + t);
            total += rows;
            System.out.printf("%-28s %,10d rows in all%n", t, rows);
        }
        System.out.printf("%-28s %,10d%n", "total", total);
    }
}
