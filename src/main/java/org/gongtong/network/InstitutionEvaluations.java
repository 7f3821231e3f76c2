package org.gongtong.network;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongtong.network.EvaluationScoring.Figure;
import org.gongtong.network.EvaluationScoring.Points;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Annual evaluations, the indicator set per kind and the thresholds. */
@Repository
class InstitutionEvaluations {

    private static final String SELECT = """
            SELECT e.id, e.institution_id, e.eval_year, e.score, e.points, e.proposed_outcome, e.final_outcome,
              e.override_reason, e.decided_by, e.created_at, i.county_code
            FROM institution_evaluation e JOIN rnd_institution i ON i.id = e.institution_id""";

    private final JdbcClient jdbc;

    InstitutionEvaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EvaluationService.Indicator> indicators(InstitutionKind kind) {
        return jdbc.sql("SELECT figure, weight, target FROM evaluation_indicator WHERE kind = :k ORDER BY id")
                .param("k", kind.name())
                .query((rs, n) -> new EvaluationService.Indicator(
                        Figure.valueOf(rs.getString(1)), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .list();
    }

    void replaceIndicators(InstitutionKind kind, List<EvaluationService.Indicator> list) {
        jdbc.sql("DELETE FROM evaluation_indicator WHERE kind = :k")
                .param("k", kind.name())
                .update();
        for (EvaluationService.Indicator i : list) {
            jdbc.sql("INSERT INTO evaluation_indicator (kind, figure, weight, target) VALUES (:k, :f, :w, :t)")
                    .param("k", kind.name())
                    .param("f", i.figure().name())
                    .param("w", i.weight())
                    .param("t", i.target())
                    .update();
        }
    }

    EvaluationService.Thresholds thresholds() {
        return jdbc.sql("SELECT continue_at, warn_at FROM evaluation_threshold WHERE id = 1")
                .query((rs, n) -> new EvaluationService.Thresholds(rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .single();
    }

    void updateThresholds(EvaluationService.Thresholds t) {
        jdbc.sql("UPDATE evaluation_threshold SET continue_at = :c, warn_at = :w WHERE id = 1")
                .param("c", t.continueAt())
                .param("w", t.warnAt())
                .update();
    }

    boolean exists(long institutionId, int year) {
        return jdbc.sql("SELECT COUNT(*) FROM institution_evaluation WHERE institution_id = :i AND eval_year = :y")
                        .param("i", institutionId)
                        .param("y", year)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(long institutionId, int year, BigDecimal score, List<Points> points, String proposed, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO institution_evaluation (institution_id, eval_year, score, points, proposed_outcome,
                          created_at) VALUES (:i, :y, :s, :p, :o, :at)""")
                .param("i", institutionId)
                .param("y", year)
                .param("s", score)
                .param("p", encode(points))
                .param("o", proposed)
                .param("at", Sql.timestamp(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Decides an undecided evaluation; false when it was decided meanwhile. */
    boolean decide(long id, String outcome, String reason, String by) {
        return jdbc.sql("""
                        UPDATE institution_evaluation SET final_outcome = :o, override_reason = :r, decided_by = :b
                        WHERE id = :id AND final_outcome IS NULL""")
                        .param("o", outcome)
                        .param("r", reason)
                        .param("b", by)
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<EvaluationService.Evaluation> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = :id")
                .param("id", id)
                .query(InstitutionEvaluations::row)
                .optional();
    }

    List<EvaluationService.Evaluation> ofInstitution(long institutionId) {
        return jdbc.sql(SELECT + " WHERE e.institution_id = :i ORDER BY e.eval_year DESC")
                .param("i", institutionId)
                .query(InstitutionEvaluations::row)
                .list();
    }

    /** Every evaluation (of one year, of one county, when given) with its institution's name, newest first. */
    List<EvaluationService.Listed> overview(Integer year, String county) {
        return jdbc.sql(SELECT.replace("i.county_code", "i.county_code, i.name AS institution_name")
                        + " WHERE (CAST(:y AS INT) IS NULL OR e.eval_year = :y)"
                        + " AND (CAST(:c AS VARCHAR(32)) IS NULL OR i.county_code = :c)"
                        + " ORDER BY e.eval_year DESC, i.name, e.id")
                .param("y", year)
                .param("c", county)
                .query((rs, n) -> new EvaluationService.Listed(row(rs, n), rs.getString("institution_name")))
                .list();
    }

    static String encode(List<Points> points) {
        StringBuilder b = new StringBuilder();
        for (Points p : points) {
            if (!b.isEmpty()) {
                b.append(';');
            }
            b.append(p.figure().name())
                    .append('|')
                    .append(p.target().toPlainString())
                    .append('|');
            b.append(p.actual().toPlainString())
                    .append('|')
                    .append(p.weight().toPlainString())
                    .append('|');
            b.append(p.points().toPlainString());
        }
        return b.toString();
    }

    static List<Points> decode(String s) {
        List<Points> list = new ArrayList<>();
        if (s == null || s.isBlank()) {
            return list;
        }
        for (String line : s.split(";")) {
            String[] f = line.split("\\|");
            list.add(new Points(
                    Figure.valueOf(f[0]),
                    new BigDecimal(f[1]),
                    new BigDecimal(f[2]),
                    new BigDecimal(f[3]),
                    new BigDecimal(f[4])));
        }
        return list;
    }

    private static EvaluationService.Evaluation row(ResultSet rs, int n) throws SQLException {
        return new EvaluationService.Evaluation(
                rs.getLong("id"),
                rs.getLong("institution_id"),
                rs.getInt("eval_year"),
                rs.getBigDecimal("score"),
                decode(rs.getString("points")),
                InstitutionStatus.valueOf(rs.getString("proposed_outcome")),
                rs.getString("final_outcome") == null ? null : InstitutionStatus.valueOf(rs.getString("final_outcome")),
                rs.getString("override_reason"),
                rs.getString("decided_by"),
                Sql.instant(rs, "created_at"),
                rs.getString("county_code"));
    }
}
