package org.gongtong.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institute's profile (S3, S5): legal form, builder and operator, its company, director and
 * deputies, and the construction phases with milestones. Governance records the director the
 * council selected through {@link #appointDirector}.
 */
@Service
public class InstituteService {

    /** The institute as its page shows it. */
    public record Profile(
            String name,
            String legalForm,
            String builder,
            String companyName,
            String directorName,
            LocalDate directorAppointedOn,
            Long directorMotionId,
            String deputies) {}

    public record Phase(long id, String name, String milestone, LocalDate plannedOn, LocalDate doneOn) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    InstituteService(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Profile profile() {
        return jdbc.sql("""
                        SELECT name, legal_form, builder, company_name, director_name, director_appointed_on,
                          director_motion_id, deputies FROM institute WHERE id = 1""")
                .query((rs, n) -> {
                    LocalDate appointed = rs.getObject(6, LocalDate.class);
                    long m = rs.getLong(7);
                    Long motion = rs.wasNull() ? null : m;
                    return new Profile(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            appointed,
                            motion,
                            rs.getString(8));
                })
                .single();
    }

    @Transactional(readOnly = true)
    public List<Phase> phases() {
        return jdbc.sql("SELECT id, name, milestone, planned_on, done_on FROM institute_phase ORDER BY sort_order, id")
                .query((rs, n) -> new Phase(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** Records the director the council selected by a passed motion (called in the closing transaction). */
    @Transactional
    public Profile appointDirector(String name, LocalDate on, long motionId) {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("candidate", "network.required");
        }
        Profile before = profile();
        jdbc.sql("""
                        UPDATE institute SET director_name = :name, director_appointed_on = :on, director_motion_id = :m,
                          updated_at = :at WHERE id = 1""")
                .param("name", name.strip())
                .param("on", on)
                .param("m", motionId)
                .param("at", Sql.timestamp(clock.instant()))
                .update();
        Profile after = profile();
        audit.record(
                "DIRECTOR_APPOINTED",
                "institute",
                1,
                Map.of("director", String.valueOf(before.directorName())),
                Map.of("director", after.directorName(), "motionId", motionId),
                "motion " + motionId);
        return after;
    }

    /** Changes the deputies and marks a phase done; the office and the institute only. */
    @Transactional
    public Profile updateDeputies(String deputies, Actor actor) {
        NetworkAccess.requireManager(actor);
        Profile before = profile();
        jdbc.sql("UPDATE institute SET deputies = :d, updated_at = :at WHERE id = 1")
                .param("d", deputies == null || deputies.isBlank() ? null : deputies.strip())
                .param("at", Sql.timestamp(clock.instant()))
                .update();
        Profile after = profile();
        audit.record("INSTITUTE_UPDATED", "institute", 1, before, after);
        return after;
    }

    @Transactional
    public void completePhase(long phaseId, LocalDate on, Actor actor) {
        NetworkAccess.requireManager(actor);
        int n = jdbc.sql("UPDATE institute_phase SET done_on = :on WHERE id = :id")
                .param("on", on)
                .param("id", phaseId)
                .update();
        if (n == 0) {
            throw DomainException.notFound("network.notFound");
        }
        audit.record("INSTITUTE_PHASE_DONE", "institute_phase", phaseId, null, Map.of("doneOn", on));
    }
}
