package org.gongtong.registry;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The organisation table: plain SQL that runs the same on H2 and PostgreSQL. */
@Repository
class Organisations {

    static final String COLUMNS = "id, kind, name, uscc, county_code, industry_code, industry_class, address,"
            + " contact_name, contact_phone, contact_email, founded_on, employees, annual_revenue, registered_capital,"
            + " description, demo, version, created_at, updated_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate separately;

    Organisations(JdbcClient jdbc, NamedParameterJdbcTemplate named, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.named = named;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Optional<Organisation> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = :id")
                .param("id", id)
                .query(Organisations::map)
                .optional();
    }

    /** The rows of these ids, in the order given (missing ids are left out). */
    List<Organisation> findAllById(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Organisation> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Organisations::map)
                .list()
                .forEach(o -> byId.put(o.id(), o));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Which of these USCCs are already registered. */
    java.util.Set<String> registeredUsccs(java.util.Collection<String> usccs) {
        if (usccs.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT uscc FROM organisation WHERE uscc IN (:u)")
                .param("u", usccs)
                .query(String.class)
                .list());
    }

    Optional<Long> idByUscc(String uscc) {
        return jdbc.sql("SELECT id FROM organisation WHERE uscc = :u")
                .param("u", uscc)
                .query(Long.class)
                .optional();
    }

    PageResult<Organisation> search(OrganisationCriteria c, PageRequest page) {
        String q = c.q() == null ? "" : c.q().strip();
        if (NameGrams.searchable(q) && !Uscc.shaped(q)) {
            Where filters = where(new OrganisationCriteria(null, c.kind(), c.county(), c.industry(), c.demo()));
            boolean listIsTotal = q.length() == 2 && filters.params.isEmpty();
            Gram gram = rarest(NameGrams.of(q), !listIsTotal);
            if (listIsTotal || gram.rare()) {
                return searchByBigram(q, gram.gram(), filters, listIsTotal, page);
            }
        }
        Where w = where(c);
        boolean byName = c.q() != null && !c.q().isBlank();
        // the tally has the same column names, so the same WHERE counts there (not for names)
        var count = jdbc.sql(
                byName
                        ? "SELECT COUNT(*) FROM organisation" + w.sql
                        : "SELECT COALESCE(SUM(n), 0) FROM organisation_tally" + w.sql);
        var list = jdbc.sql("SELECT " + COLUMNS + " FROM organisation" + w.sql + " ORDER BY " + newestFirst(c)
                + " LIMIT :limit OFFSET :offset");
        for (var e : w.params.entrySet()) {
            count = count.param(e.getKey(), e.getValue());
            list = list.param(e.getKey(), e.getValue());
        }
        long total = count.query(Long.class).single();
        List<Organisation> content = total == 0
                ? List.of()
                : list.param("limit", page.size())
                        .param("offset", page.offset())
                        .query(Organisations::map)
                        .list();
        return new PageResult<>(content, total, page.page(), page.size());
    }

    /**
     * A name search along the list of names holding {@code gram}, q's rarest bigram (ADR 0069):
     * newest first along that list, each name joined and kept if LIKE and the filters hold, so
     * the result is exactly {@code name LIKE '%q%'}'s and a page reads about as many rows as it
     * shows. The total: a two-character q without other filters is its own bigram, so it is the
     * length of the list; otherwise each listed name is checked, which {@link #search} allows only
     * for a short list (a bigram that many names hold scans as before, as do queries shaped like a
     * USCC, which also match the code exactly).
     */
    private PageResult<Organisation> searchByBigram(
            String q, String gram, Where filters, boolean listIsTotal, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>(filters.params);
        params.put("gram", gram);
        params.put("q", Sql.contains(q));
        String matching = " FROM organisation_name_gram g JOIN organisation o ON o.id = g.organisation_id"
                + " WHERE g.gram = :gram AND name LIKE :q"
                + filters.sql.replaceFirst("^ WHERE ", " AND ");
        String count = listIsTotal
                ? "SELECT COUNT(*) FROM organisation_name_gram WHERE gram = :gram"
                : "SELECT COUNT(*)" + matching;
        long total = jdbc.sql(count).params(params).query(Long.class).single();
        List<Organisation> content = total == 0
                ? List.of()
                : jdbc.sql("SELECT " + COLUMNS + matching + " ORDER BY g.gram DESC, g.organisation_id DESC"
                                + " LIMIT :limit OFFSET :offset")
                        .params(params)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query(Organisations::map)
                        .list();
        return new PageResult<>(content, total, page.page(), page.size());
    }

    /**
     * Newest first. With an equality filter on an indexed column the order names that column too:
     * the result is the same (the column is constant), but H2 then walks the (column, id) index
     * backwards and stops after one page instead of sorting every matching row; PostgreSQL does
     * the same backward index scan. See docs/benchmarks.md.
     */
    private static String newestFirst(OrganisationCriteria c) {
        if (c.kind() != null) {
            return "kind DESC, id DESC";
        }
        if (c.county() != null) {
            return "county_code DESC, id DESC";
        }
        if (c.industry() != null) {
            return "industry_code DESC, id DESC";
        }
        return "id DESC";
    }

    /** Streams every matching row in id order, for exports of any size. */
    void forEach(OrganisationCriteria c, Consumer<Organisation> consumer) {
        Where w = where(c);
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM organisation" + w.sql + " ORDER BY id");
        for (var e : w.params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.query(Organisations::map).stream().forEach(consumer);
    }

    /** Counts by a column (kind, county_code or industry_code). */
    Map<String, Long> countBy(String column) {
        if (!List.of("kind", "county_code", "industry_code").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + ", COUNT(*) FROM organisation GROUP BY " + column)
                .query((rs, n) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                    return null;
                })
                .list();
        return out;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single();
    }

    /**
     * Adds {@code delta} to the tally of one (kind, county, industry, demo), in the caller's
     * transaction. The row is first made to exist in a transaction of its own, so two writers
     * creating the first organisation of a combination at once never fail on the key: the loser's
     * insert is simply not needed.
     */
    private void tally(String kind, String county, String industry, boolean demo, long delta) {
        String c = county == null ? "" : county;
        String i = industry == null ? "" : industry;
        if (adjust(kind, c, i, demo, delta) == 0) {
            separately.executeWithoutResult(status -> {
                try {
                    jdbc.sql("INSERT INTO organisation_tally (kind, county_code, industry_code, demo, n)"
                                    + " VALUES (:kind, :county, :industry, :demo, 0)")
                            .param("kind", kind)
                            .param("county", c)
                            .param("industry", i)
                            .param("demo", demo)
                            .update();
                } catch (DuplicateKeyException alreadyThere) {
                    status.setRollbackOnly();
                }
            });
            adjust(kind, c, i, demo, delta);
        }
    }

    private int adjust(String kind, String county, String industry, boolean demo, long delta) {
        return jdbc.sql("UPDATE organisation_tally SET n = n + :delta WHERE kind = :kind AND county_code = :county"
                        + " AND industry_code = :industry AND demo = :demo")
                .param("delta", delta)
                .param("kind", kind)
                .param("county", county)
                .param("industry", industry)
                .param("demo", demo)
                .update();
    }

    private void tally(Organisation o, long delta) {
        tally(o.kind().name(), o.county(), o.industry(), o.demo(), delta);
    }

    /**
     * Recounts the whole tally from the organisation table, in the caller's transaction: after
     * bulk changes made with plain SQL (demo data) and at start-up, which also repairs any drift
     * from rows changed outside the application.
     */
    void retally() {
        retallyNow();
    }

    /** Recounts only when the tally's total disagrees with the table (cheap to check). */
    boolean retallyIfDrifted() {
        long rows = count();
        long tallied = jdbc.sql("SELECT COALESCE(SUM(n), 0) FROM organisation_tally")
                .query(Long.class)
                .single();
        if (rows == tallied) {
            return false;
        }
        retallyNow();
        return true;
    }

    private void retallyNow() {
        jdbc.sql("DELETE FROM organisation_tally").update();
        jdbc.sql("""
                        INSERT INTO organisation_tally (kind, county_code, industry_code, demo, n)
                        SELECT kind, COALESCE(county_code, ''), COALESCE(industry_code, ''), demo, COUNT(*)
                        FROM organisation
                        GROUP BY kind, COALESCE(county_code, ''), COALESCE(industry_code, ''), demo""").update();
    }

    /** Removes one organisation; false when it was not there. */
    boolean delete(long id) {
        Optional<Organisation> o = findById(id);
        if (o.isEmpty()) {
            return false;
        }
        boolean gone = jdbc.sql("DELETE FROM organisation WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
        if (gone) {
            tally(o.get(), -1);
        }
        return gone;
    }

    private static final String INSERT = """
            INSERT INTO organisation (kind, name, uscc, county_code, industry_code, industry_class,
              address, contact_name, contact_phone, contact_email, founded_on, employees,
              annual_revenue, registered_capital, description, demo, version, created_at, updated_at)
            VALUES (:kind, :name, :uscc, :county, :industry, :industryClass, :address, :contactName,
              :contactPhone, :contactEmail, :foundedOn, :employees, :annualRevenue,
              :registeredCapital, :description, :demo, 0, :createdAt, :updatedAt)""";

    long insert(Organisation o) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        bind(jdbc.sql(INSERT), o).update(keys, "id");
        tally(o, 1);
        long id = keys.getKey().longValue();
        insertGrams(List.of(id), List.of(o.name()));
        return id;
    }

    /** Lists the bigrams of each name (ids and names in the same order), in one batch. */
    private void insertGrams(List<Long> ids, List<String> names) {
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            for (String gram : NameGrams.of(names.get(k))) {
                rows.add(new Object[] {gram, ids.get(k)});
            }
        }
        if (!rows.isEmpty()) {
            // in key order: the database then adds to its (gram, organisation_id) index page by page
            rows.sort(java.util.Comparator.comparing((Object[] r) -> (String) r[0])
                    .thenComparing(r -> (Long) r[1]));
            named.getJdbcTemplate()
                    .batchUpdate("INSERT INTO organisation_name_gram (gram, organisation_id) VALUES (?, ?)", rows);
        }
    }

    /**
     * Inserts many in one JDBC batch, in the caller's transaction, and moves the tally once per
     * (kind, county, industry, demo). Returns the new ids in the order given.
     */
    List<Long> insertAll(List<Organisation> all) {
        if (all.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource[] rows = new MapSqlParameterSource[all.size()];
        Map<List<Object>, Long> deltas = new LinkedHashMap<>();
        for (int k = 0; k < rows.length; k++) {
            Organisation o = all.get(k);
            rows[k] = new MapSqlParameterSource(params(o));
            deltas.merge(List.of(o.kind().name(), nz(o.county()), nz(o.industry()), o.demo()), 1L, Long::sum);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        named.batchUpdate(INSERT, rows, keys, new String[] {"id"});
        List<Long> ids = keys.getKeyList().stream()
                .map(m -> ((Number) m.values().iterator().next()).longValue())
                .toList();
        if (ids.size() != all.size()) {
            throw new IllegalStateException("expected " + all.size() + " generated ids, got " + ids.size());
        }
        deltas.forEach((key, n) ->
                tally((String) key.get(0), (String) key.get(1), (String) key.get(2), (Boolean) key.get(3), n));
        insertGrams(ids, all.stream().map(Organisation::name).toList());
        return ids;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * Updates if the version still matches; false when someone else changed it first. {@code
     * before} is the row as the caller read it (the tally moves from its kind, county and industry
     * to the new ones).
     */
    boolean update(Organisation before, Organisation o, int expectedVersion) {
        if (expectedVersion != before.version()) {
            return false;
        }
        boolean ok = bind(jdbc.sql("""
                                UPDATE organisation SET kind = :kind, name = :name, uscc = :uscc, county_code = :county,
                                  industry_code = :industry, industry_class = :industryClass, address = :address,
                                  contact_name = :contactName, contact_phone = :contactPhone,
                                  contact_email = :contactEmail, founded_on = :foundedOn, employees = :employees,
                                  annual_revenue = :annualRevenue, registered_capital = :registeredCapital,
                                  description = :description, version = version + 1, updated_at = :updatedAt
                                WHERE id = :id AND version = :expected"""), o)
                        .param("id", o.id())
                        .param("expected", expectedVersion)
                        .update()
                == 1;
        if (ok && !before.name().equals(o.name())) {
            jdbc.sql("DELETE FROM organisation_name_gram WHERE organisation_id = :id")
                    .param("id", o.id())
                    .update();
            insertGrams(List.of(o.id()), List.of(o.name()));
        }
        if (ok
                && (before.kind() != o.kind()
                        || !java.util.Objects.equals(before.county(), o.county())
                        || !java.util.Objects.equals(before.industry(), o.industry())
                        || before.demo() != o.demo())) {
            tally(before, -1);
            tally(o, 1);
        }
        return ok;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, Organisation o) {
        return s.params(params(o));
    }

    private static Map<String, Object> params(Organisation o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", o.kind().name());
        p.put("name", o.name());
        p.put("uscc", o.uscc());
        p.put("county", o.county());
        p.put("industry", o.industry());
        p.put("industryClass", o.industryClass());
        p.put("address", o.address());
        p.put("contactName", o.contactName());
        p.put("contactPhone", o.contactPhone());
        p.put("contactEmail", o.contactEmail());
        p.put("foundedOn", o.foundedOn() == null ? null : Date.valueOf(o.foundedOn()));
        p.put("employees", o.employees());
        p.put("annualRevenue", o.annualRevenue());
        p.put("registeredCapital", o.registeredCapital());
        p.put("description", o.description());
        p.put("demo", o.demo());
        p.put("createdAt", Sql.timestamp(o.createdAt()));
        p.put("updatedAt", Sql.timestamp(o.updatedAt()));
        return p;
    }

    private static Where where(OrganisationCriteria c) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        if (c.q() != null && !c.q().isBlank()) {
            String q = c.q().strip();
            parts.add("(name LIKE :q OR uscc = :qExact)");
            params.put("q", Sql.contains(q));
            params.put("qExact", q.toUpperCase());
        }
        if (c.kind() != null) {
            parts.add("kind = :kind");
            params.put("kind", c.kind().name());
        }
        if (c.county() != null) {
            parts.add("county_code = :county");
            params.put("county", c.county());
        }
        if (c.industry() != null) {
            parts.add("industry_code = :industry");
            params.put("industry", c.industry());
        }
        if (c.demo() != null) {
            parts.add("demo = :demo");
            params.put("demo", c.demo());
        }
        if (!parts.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", parts));
        }
        return new Where(sql.toString(), params);
    }

    private record Where(String sql, Map<String, Object> params) {}

    /**
     * Postings counted per bigram before the search stops counting: enough to tell rare from
     * common. Checking a name on the list reads its row, about ten times the cost of a name the
     * scan passes, so beyond this the scan is cheaper for the total.
     */
    static final int GRAM_PROBE_LIMIT = 2_000;

    /** Bigrams of a long {@code q} probed at most. */
    static final int GRAMS_PROBED = 8;

    private int gramProbeLimit = GRAM_PROBE_LIMIT;

    /** For tests: a lower limit makes every bigram common. */
    void gramProbeLimit(int limit) {
        this.gramProbeLimit = limit;
    }

    /** A bigram and how many names hold it, counted up to the probe limit ({@code rare} below it). */
    private record Gram(String gram, long postings, boolean rare) {}

    /**
     * The bigram of {@code q} that the fewest names hold: the fewest names to check. A lone bigram
     * is counted only if {@code count} asks for it.
     */
    private Gram rarest(Set<String> grams, boolean count) {
        if (grams.size() == 1 && !count) {
            return new Gram(grams.iterator().next(), -1, false);
        }
        Gram rarest = null;
        int probed = 0;
        for (String gram : grams) {
            if (probed++ == GRAMS_PROBED) {
                break; // a long q: the rarest of its first bigrams narrows enough
            }
            long n = jdbc.sql(
                            "SELECT COUNT(*) FROM (SELECT 1 FROM organisation_name_gram WHERE gram = :gram LIMIT :limit) t")
                    .param("gram", gram)
                    .param("limit", gramProbeLimit)
                    .query(Long.class)
                    .single();
            if (rarest == null || n < rarest.postings()) {
                rarest = new Gram(gram, n, n < gramProbeLimit);
            }
            if (n == 0) {
                break; // no name holds it, so none contains q
            }
        }
        return rarest;
    }

    static Organisation map(ResultSet rs, int n) throws SQLException {
        Date founded = rs.getDate("founded_on");
        int employees = rs.getInt("employees");
        Integer emp = rs.wasNull() ? null : employees;
        return new Organisation(
                rs.getLong("id"),
                OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("uscc"),
                rs.getString("county_code"),
                rs.getString("industry_code"),
                rs.getString("industry_class"),
                rs.getString("address"),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getString("contact_email"),
                founded == null ? null : founded.toLocalDate(),
                emp,
                (BigDecimal) rs.getBigDecimal("annual_revenue"),
                rs.getBigDecimal("registered_capital"),
                rs.getString("description"),
                rs.getBoolean("demo"),
                rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
