package org.gongtong.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongtong.platform.Sql;
import org.gongtong.services.ServiceOrders.Agency;
import org.gongtong.services.ServiceOrders.AgencyKind;
import org.gongtong.services.ServiceOrders.Category;
import org.gongtong.services.ServiceOrders.Document;
import org.gongtong.services.ServiceOrders.Offering;
import org.gongtong.services.ServiceOrders.Order;
import org.gongtong.services.ServiceOrders.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Agencies {

    private static final String AGENCY = """
            SELECT a.*, o.name AS org_name,
              (SELECT COUNT(*) FROM service_order x WHERE x.agency_id = a.id AND x.status <> 'DECLINED') AS orders,
              (SELECT COUNT(*) FROM service_order x WHERE x.agency_id = a.id AND x.status IN ('DELIVERED','RATED')) AS delivered,
              (SELECT COUNT(x.rating) FROM service_order x WHERE x.agency_id = a.id) AS ratings,
              (SELECT SUM(x.rating) FROM service_order x WHERE x.agency_id = a.id) AS rating_sum
            FROM service_agency a JOIN organisation o ON o.id = a.organisation_id""";
    private static final String ORDER = """
            SELECT s.*, a.name AS agency_name, a.organisation_id AS agency_org, c.name AS client_name
            FROM service_order s JOIN service_agency a ON a.id = s.agency_id JOIN organisation c ON c.id = s.client_id""";

    private final JdbcClient jdbc;

    Agencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long org, String name, AgencyKind kind, String description, boolean demo, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO service_agency (organisation_id, name, kind, description, demo, created_at)
                        VALUES (:o, :n, :k, :d, :demo, :at)""")
                .param("o", org)
                .param("n", name)
                .param("k", kind.name())
                .param("d", description)
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertOffering(long agency, String name, Category category, BigDecimal price, String description) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO agency_service (agency_id, name, category, unit_price, description)
                        VALUES (:a, :n, :c, :p, :d)""")
                .param("a", agency)
                .param("n", name)
                .param("c", category.name())
                .param("p", price)
                .param("d", description)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Agency> find(long id) {
        return jdbc.sql(AGENCY + " WHERE a.id = :id")
                .param("id", id)
                .query(this::agency)
                .optional();
    }

    List<Agency> list(AgencyKind kind) {
        Map<String, Object> p = new LinkedHashMap<>();
        String w = "";
        if (kind != null) {
            w = " WHERE a.kind = :k";
            p.put("k", kind.name());
        }
        return jdbc.sql(AGENCY + w + " ORDER BY a.kind, a.name, a.id")
                .params(p)
                .query(this::agency)
                .list();
    }

    long insertOrder(long agency, Long service, long client, String by, String description, boolean demo, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO service_order (agency_id, service_id, client_id, requested_by, description, status,
                          requested_at, demo)
                        VALUES (:a, :s, :c, :by, :d, 'REQUESTED', :at, :demo)""")
                .param("a", agency)
                .param("s", service)
                .param("c", client)
                .param("by", by)
                .param("d", description)
                .param("at", Sql.timestamp(now))
                .param("demo", demo)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Order> findOrder(long id) {
        return jdbc.sql(ORDER + " WHERE s.id = :id")
                .param("id", id)
                .query(this::order)
                .optional();
    }

    List<Order> orders(Long agencyId, Long clientId, Long agencyOrg) {
        Map<String, Object> p = new LinkedHashMap<>();
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (agencyId != null) {
            w.append(" AND s.agency_id = :a");
            p.put("a", agencyId);
        }
        if (clientId != null && agencyOrg != null) {
            w.append(" AND (s.client_id = :c OR a.organisation_id = :ao)");
            p.put("c", clientId);
            p.put("ao", agencyOrg);
        }
        return jdbc.sql(ORDER + w + " ORDER BY s.id DESC FETCH FIRST 200 ROWS ONLY")
                .params(p)
                .query(this::order)
                .list();
    }

    /** Moves an order from one status to the next, setting the named columns; false when it was not in {@code from}. */
    boolean transition(long id, Status from, Status to, String timeColumn, Instant at, Map<String, Object> set) {
        StringBuilder sql = new StringBuilder(
                "UPDATE service_order SET status = :to" + (timeColumn == null ? "" : ", " + timeColumn + " = :at"));
        set.keySet().forEach(k -> sql.append(", ").append(k).append(" = :").append(k));
        sql.append(" WHERE id = :id AND status = :from");
        var spec =
                jdbc.sql(sql.toString()).param("to", to.name()).param("id", id).param("from", from.name());
        if (timeColumn != null) {
            spec = spec.param("at", Sql.timestamp(at));
        }
        for (Map.Entry<String, Object> e : set.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.update() == 1;
    }

    void addDocument(long order, String name, String link, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO service_order_document (order_id, name, link, added_by, added_at)
                        VALUES (:o, :n, :l, :by, :at)""")
                .param("o", order)
                .param("n", name)
                .param("l", link)
                .param("by", by)
                .param("at", Sql.timestamp(at))
                .update();
    }

    /** Accepted orders between client and agency organisations, for the collaboration graph. */
    List<Object[]> pairs(Instant from, Instant to) {
        List<Object[]> out = new ArrayList<>();
        jdbc.sql("SELECT s.client_id, a.organisation_id, s.quote_amount, s.accepted_at FROM service_order s"
                        + " JOIN service_agency a ON a.id = s.agency_id WHERE s.accepted_at IS NOT NULL"
                        + (from == null ? "" : " AND s.accepted_at >= :from")
                        + (to == null ? "" : " AND s.accepted_at < :to"))
                .params(params(from, to))
                .query((rs, n) -> out.add(new Object[] {
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getBigDecimal(3),
                    Sql.instant(rs, "accepted_at")
                            .atZone(InstrumentService.ZONE)
                            .toLocalDate()
                }))
                .list();
        return out;
    }

    private static Map<String, Object> params(Instant from, Instant to) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (from != null) {
            p.put("from", Sql.timestamp(from));
        }
        if (to != null) {
            p.put("to", Sql.timestamp(to));
        }
        return p;
    }

    int deleteDemo() {
        return jdbc.sql("DELETE FROM service_agency WHERE demo = TRUE").update();
    }

    Optional<Long> idByName(String name) {
        return jdbc.sql("SELECT id FROM service_agency WHERE name = :n ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("n", name)
                .query(Long.class)
                .optional();
    }

    private Agency agency(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        long ratings = rs.getLong("ratings");
        BigDecimal sum = rs.getBigDecimal("rating_sum");
        BigDecimal avg =
                ratings == 0 || sum == null ? null : sum.divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP);
        List<Offering> offerings = jdbc.sql("SELECT * FROM agency_service WHERE agency_id = :a ORDER BY id")
                .param("a", id)
                .query((r, i) -> new Offering(
                        r.getLong("id"),
                        r.getString("name"),
                        Category.valueOf(r.getString("category")),
                        r.getBigDecimal("unit_price"),
                        r.getString("description")))
                .list();
        return new Agency(
                id,
                rs.getLong("organisation_id"),
                rs.getString("org_name"),
                rs.getString("name"),
                AgencyKind.valueOf(rs.getString("kind")),
                rs.getString("description"),
                rs.getLong("orders"),
                rs.getLong("delivered"),
                avg,
                ratings,
                offerings,
                rs.getBoolean("demo"));
    }

    private Order order(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<Document> docs = jdbc.sql("SELECT * FROM service_order_document WHERE order_id = :o ORDER BY id")
                .param("o", id)
                .query((r, i) -> new Document(
                        r.getLong("id"),
                        r.getString("name"),
                        r.getString("link"),
                        r.getString("added_by"),
                        Sql.instant(r, "added_at")))
                .list();
        return new Order(
                id,
                rs.getLong("agency_id"),
                rs.getString("agency_name"),
                rs.getLong("agency_org"),
                (Long) rs.getObject("service_id", Long.class),
                rs.getLong("client_id"),
                rs.getString("client_name"),
                rs.getString("requested_by"),
                rs.getString("description"),
                Status.valueOf(rs.getString("status")),
                rs.getBigDecimal("quote_amount"),
                rs.getString("delivery_note"),
                (Integer) rs.getObject("rating", Integer.class),
                rs.getString("rating_comment"),
                Sql.instant(rs, "requested_at"),
                Sql.instant(rs, "quoted_at"),
                Sql.instant(rs, "accepted_at"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "delivered_at"),
                Sql.instant(rs, "rated_at"),
                docs,
                rs.getBoolean("demo"));
    }
}
