package org.gongtong.talent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class HorizontalProjects {

    private static final String SELECT = """
            SELECT p.*, r.name AS researcher_org_name, c.name AS client_org_name,
              (SELECT SUM(x.amount) FROM horizontal_receipt x WHERE x.project_id = p.id) AS received
            FROM horizontal_project p JOIN organisation r ON r.id = p.researcher_org_id
            JOIN organisation c ON c.id = p.client_org_id""";

    private final JdbcClient jdbc;

    HorizontalProjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String title,
            String no,
            String researcher,
            long researcherOrg,
            long client,
            LocalDate signed,
            BigDecimal amount,
            boolean demo,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO horizontal_project (title, contract_no, researcher_name, researcher_org_id, client_org_id,
                          signed_on, amount, demo, created_at)
                        VALUES (:t, :no, :r, :ro, :c, :s, :a, :demo, :at)""")
                .param("t", title)
                .param("no", no)
                .param("r", researcher)
                .param("ro", researcherOrg)
                .param("c", client)
                .param("s", signed)
                .param("a", amount)
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void addMilestone(long project, String title, LocalDate due, LocalDate done) {
        jdbc.sql("INSERT INTO horizontal_milestone (project_id, title, due_on, done_on) VALUES (:p, :t, :d, :done)")
                .param("p", project)
                .param("t", title)
                .param("d", due)
                .param("done", done)
                .update();
    }

    void addReceipt(long project, LocalDate on, BigDecimal amount, String note) {
        jdbc.sql("INSERT INTO horizontal_receipt (project_id, received_on, amount, note) VALUES (:p, :on, :a, :n)")
                .param("p", project)
                .param("on", on)
                .param("a", amount)
                .param("n", note)
                .update();
    }

    Optional<HorizontalProject> find(long id) {
        return list(" WHERE p.id = :id", Map.of("id", id)).stream().findFirst();
    }

    List<HorizontalProject> byResearcher(String name, Long orgId) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (name != null) {
            w.append(" AND p.researcher_name = :n");
            params.put("n", name);
        }
        if (orgId != null) {
            w.append(" AND (p.researcher_org_id = :o OR p.client_org_id = :o)");
            params.put("o", orgId);
        }
        return list(w.toString(), params);
    }

    private List<HorizontalProject> list(String where, Map<String, Object> params) {
        return jdbc
                .sql(SELECT + where + " ORDER BY p.signed_on DESC, p.id DESC")
                .params(params)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    BigDecimal received = rs.getBigDecimal("received");
                    return new HorizontalProject(
                            id,
                            rs.getString("title"),
                            rs.getString("contract_no"),
                            rs.getString("researcher_name"),
                            rs.getLong("researcher_org_id"),
                            rs.getString("researcher_org_name"),
                            rs.getLong("client_org_id"),
                            rs.getString("client_org_name"),
                            rs.getObject("signed_on", LocalDate.class),
                            rs.getBigDecimal("amount"),
                            received == null ? BigDecimal.ZERO.setScale(2) : received,
                            List.of(),
                            List.of(),
                            rs.getBoolean("demo"));
                })
                .list()
                .stream()
                .map(p -> new HorizontalProject(
                        p.id(),
                        p.title(),
                        p.contractNo(),
                        p.researcherName(),
                        p.researcherOrgId(),
                        p.researcherOrgName(),
                        p.clientOrgId(),
                        p.clientOrgName(),
                        p.signedOn(),
                        p.amount(),
                        p.received(),
                        milestones(p.id()),
                        receipts(p.id()),
                        p.demo()))
                .toList();
    }

    private List<HorizontalProject.Milestone> milestones(long p) {
        return jdbc.sql("SELECT * FROM horizontal_milestone WHERE project_id = :p ORDER BY due_on, id")
                .param("p", p)
                .query((rs, n) -> new HorizontalProject.Milestone(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getObject("done_on", LocalDate.class)))
                .list();
    }

    private List<HorizontalProject.Receipt> receipts(long p) {
        return jdbc.sql("SELECT * FROM horizontal_receipt WHERE project_id = :p ORDER BY received_on, id")
                .param("p", p)
                .query((rs, n) -> new HorizontalProject.Receipt(
                        rs.getLong("id"),
                        rs.getObject("received_on", LocalDate.class),
                        rs.getBigDecimal("amount"),
                        rs.getString("note")))
                .list();
    }

    int deleteDemo() {
        return jdbc.sql("DELETE FROM horizontal_project WHERE demo = TRUE").update();
    }
}
