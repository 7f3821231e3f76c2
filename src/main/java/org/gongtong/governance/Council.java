package org.gongtong.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gongtong.governance.GovernanceRecords.AnnualPlan;
import org.gongtong.governance.GovernanceRecords.Category;
import org.gongtong.governance.GovernanceRecords.Meeting;
import org.gongtong.governance.GovernanceRecords.Member;
import org.gongtong.governance.GovernanceRecords.Motion;
import org.gongtong.governance.GovernanceRecords.Recusal;
import org.gongtong.governance.GovernanceRecords.Vote;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The council's tables: members, meetings, attendance, motions, recusals, votes, settings and annual plans. */
@Repository
class Council {

    private static final String MEMBER = """
            SELECT id, name, affiliation, category, user_id, organisation_id, term_start, term_end, demo
            FROM council_member""";
    private static final String MOTION = """
            SELECT id, meeting_id, title, kind, status, candidate, annual_plan_id, votes_for, votes_against, abstentions,
              present, eligible, opened_at, closed_at FROM motion""";
    private static final String PLAN = """
            SELECT id, plan_year, title, content, status, revision, content_hash, adopted_at, demo FROM annual_plan""";

    private final JdbcClient jdbc;

    Council(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // members

    long insertMember(
            String name,
            String affiliation,
            Category category,
            Long userId,
            Long orgId,
            LocalDate start,
            LocalDate end,
            boolean demo) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO council_member (name, affiliation, category, user_id, organisation_id, term_start,
                          term_end, demo) VALUES (:name, :aff, :cat, :user, :org, :start, :end, :demo)""")
                .param("name", name)
                .param("aff", affiliation)
                .param("cat", category.name())
                .param("user", userId)
                .param("org", orgId)
                .param("start", start)
                .param("end", end)
                .param("demo", demo)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Member> member(long id) {
        return jdbc.sql(MEMBER + " WHERE id = :id")
                .param("id", id)
                .query(Council::member)
                .optional();
    }

    List<Member> members() {
        return jdbc.sql(MEMBER + " ORDER BY CASE WHEN category = 'CHAIR' THEN 0 ELSE 1 END, id")
                .query(Council::member)
                .list();
    }

    List<Member> membersOfUser(long userId) {
        return jdbc.sql(MEMBER + " WHERE user_id = :u ORDER BY id")
                .param("u", userId)
                .query(Council::member)
                .list();
    }

    // meetings

    long insertMeeting(String title, LocalDate on, String location, boolean demo, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO council_meeting (title, held_on, location, status, demo, created_at)
                        VALUES (:title, :on, :loc, 'SCHEDULED', :demo, :at)""")
                .param("title", title)
                .param("on", on)
                .param("loc", location)
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Meeting> meeting(long id) {
        return jdbc.sql("SELECT id, title, held_on, location, status, demo FROM council_meeting WHERE id = :id")
                .param("id", id)
                .query(Council::meeting)
                .optional();
    }

    List<Meeting> meetings() {
        return jdbc.sql(
                        "SELECT id, title, held_on, location, status, demo FROM council_meeting ORDER BY held_on DESC, id DESC")
                .query(Council::meeting)
                .list();
    }

    boolean closeMeeting(long id) {
        return jdbc.sql("UPDATE council_meeting SET status = 'CLOSED' WHERE id = :id AND status = 'SCHEDULED'")
                        .param("id", id)
                        .update()
                == 1;
    }

    void setAttendance(long meetingId, List<Long> memberIds) {
        jdbc.sql("DELETE FROM meeting_attendance WHERE meeting_id = :m")
                .param("m", meetingId)
                .update();
        for (Long id : memberIds) {
            jdbc.sql("INSERT INTO meeting_attendance (meeting_id, member_id) VALUES (:m, :id)")
                    .param("m", meetingId)
                    .param("id", id)
                    .update();
        }
    }

    List<Long> attendance(long meetingId) {
        return jdbc.sql("SELECT member_id FROM meeting_attendance WHERE meeting_id = :m ORDER BY member_id")
                .param("m", meetingId)
                .query(Long.class)
                .list();
    }

    // motions

    long insertMotion(long meetingId, String title, MotionKind kind, String candidate, Long planId, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO motion (meeting_id, title, kind, status, candidate, annual_plan_id, created_at)
                        VALUES (:m, :title, :kind, 'DRAFT', :cand, :plan, :at)""")
                .param("m", meetingId)
                .param("title", title)
                .param("kind", kind.name())
                .param("cand", candidate)
                .param("plan", planId)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Motion> motion(long id) {
        return jdbc.sql(MOTION + " WHERE id = :id")
                .param("id", id)
                .query(Council::motion)
                .optional();
    }

    /** Locks the motion's row so votes and the close are serialised. */
    Optional<Motion> motionForUpdate(long id) {
        return jdbc.sql(MOTION + " WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Council::motion)
                .optional();
    }

    List<Motion> motions(long meetingId) {
        return jdbc.sql(MOTION + " WHERE meeting_id = :m ORDER BY id")
                .param("m", meetingId)
                .query(Council::motion)
                .list();
    }

    List<Motion> motionsVoting() {
        return jdbc.sql(MOTION + " WHERE status = 'VOTING' ORDER BY id")
                .query(Council::motion)
                .list();
    }

    boolean openMotion(long id, Instant now) {
        return jdbc.sql("UPDATE motion SET status = 'VOTING', opened_at = :at WHERE id = :id AND status = 'DRAFT'")
                        .param("at", Sql.timestamp(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean closeMotion(long id, VoteRules.Tally t, Instant now) {
        return jdbc.sql("""
                                UPDATE motion SET status = :status, votes_for = :f, votes_against = :a, abstentions = :ab,
                                  present = :p, eligible = :e, closed_at = :at WHERE id = :id AND status = 'VOTING'""")
                        .param("status", t.result().name())
                        .param("f", t.votesFor())
                        .param("a", t.against())
                        .param("ab", t.abstentions())
                        .param("p", t.present())
                        .param("e", t.eligible())
                        .param("at", Sql.timestamp(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    void insertRecusal(long motionId, long memberId, String reason) {
        jdbc.sql("INSERT INTO motion_recusal (motion_id, member_id, reason) VALUES (:m, :id, :r)")
                .param("m", motionId)
                .param("id", memberId)
                .param("r", reason)
                .update();
    }

    List<Recusal> recusals(long motionId) {
        return jdbc.sql("""
                        SELECT r.member_id, m.name, r.reason FROM motion_recusal r JOIN council_member m ON m.id = r.member_id
                        WHERE r.motion_id = :m ORDER BY r.member_id""")
                .param("m", motionId)
                .query((rs, n) -> new Recusal(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    Optional<Vote> vote(long motionId, long memberId) {
        return votes(motionId).stream().filter(v -> v.memberId() == memberId).findFirst();
    }

    void upsertVote(long motionId, long memberId, Choice choice, String by, Instant now) {
        int n = jdbc.sql("""
                        UPDATE council_vote SET choice = :c, cast_by = :by, cast_at = :at
                        WHERE motion_id = :m AND member_id = :id""")
                .param("c", choice.name())
                .param("by", by)
                .param("at", Sql.timestamp(now))
                .param("m", motionId)
                .param("id", memberId)
                .update();
        if (n == 0) {
            jdbc.sql("""
                            INSERT INTO council_vote (motion_id, member_id, choice, cast_by, cast_at)
                            VALUES (:m, :id, :c, :by, :at)""")
                    .param("c", choice.name())
                    .param("by", by)
                    .param("at", Sql.timestamp(now))
                    .param("m", motionId)
                    .param("id", memberId)
                    .update();
        }
    }

    List<Vote> votes(long motionId) {
        return jdbc.sql("""
                        SELECT v.member_id, m.name, v.choice, v.cast_by, v.cast_at FROM council_vote v
                        JOIN council_member m ON m.id = v.member_id WHERE v.motion_id = :m ORDER BY v.member_id""")
                .param("m", motionId)
                .query((rs, n) -> new Vote(
                        rs.getLong(1),
                        rs.getString(2),
                        Choice.valueOf(rs.getString(3)),
                        rs.getString(4),
                        Sql.instant(rs, "cast_at")))
                .list();
    }

    // settings

    VoteRules rules() {
        return jdbc.sql("""
                        SELECT quorum_num, quorum_den, quorum_inclusive, simple_num, simple_den, simple_inclusive,
                          major_num, major_den, major_inclusive FROM governance_setting WHERE id = 1""")
                .query((rs, n) -> new VoteRules(
                        new VoteRules.Fraction(rs.getInt(1), rs.getInt(2), rs.getBoolean(3)),
                        new VoteRules.Fraction(rs.getInt(4), rs.getInt(5), rs.getBoolean(6)),
                        new VoteRules.Fraction(rs.getInt(7), rs.getInt(8), rs.getBoolean(9))))
                .single();
    }

    void saveRules(VoteRules r) {
        jdbc.sql("""
                        UPDATE governance_setting SET quorum_num = :qn, quorum_den = :qd, quorum_inclusive = :qi,
                          simple_num = :sn, simple_den = :sd, simple_inclusive = :si,
                          major_num = :mn, major_den = :md, major_inclusive = :mi WHERE id = 1""")
                .param("qn", r.quorum().numerator())
                .param("qd", r.quorum().denominator())
                .param("qi", r.quorum().inclusive())
                .param("sn", r.simpleMajority().numerator())
                .param("sd", r.simpleMajority().denominator())
                .param("si", r.simpleMajority().inclusive())
                .param("mn", r.majorMajority().numerator())
                .param("md", r.majorMajority().denominator())
                .param("mi", r.majorMajority().inclusive())
                .update();
    }

    // annual plans

    long insertPlan(int year, String title, String content, boolean demo, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO annual_plan (plan_year, title, content, status, demo, created_at)
                        VALUES (:y, :t, :c, 'DRAFT', :demo, :at)""")
                .param("y", year)
                .param("t", title)
                .param("c", content)
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<AnnualPlan> plan(long id) {
        return jdbc.sql(PLAN + " WHERE id = :id")
                .param("id", id)
                .query(Council::plan)
                .optional();
    }

    List<AnnualPlan> plans() {
        return jdbc.sql(PLAN + " ORDER BY plan_year DESC, id DESC")
                .query(Council::plan)
                .list();
    }

    boolean revisePlan(long id, String title, String content) {
        return jdbc.sql("""
                                UPDATE annual_plan SET title = :t, content = :c, revision = revision + 1
                                WHERE id = :id AND status = 'DRAFT'""")
                        .param("t", title)
                        .param("c", content)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean adoptPlan(long id, String hash, Instant now) {
        return jdbc.sql("""
                                UPDATE annual_plan SET status = 'ADOPTED', content_hash = :h, adopted_at = :at
                                WHERE id = :id AND status = 'DRAFT'""")
                        .param("h", hash)
                        .param("at", Sql.timestamp(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    int deleteDemo() {
        List<Long> meetings = jdbc.sql("SELECT id FROM council_meeting WHERE demo = TRUE")
                .query(Long.class)
                .list();
        for (Long m : meetings) {
            for (String t : List.of("council_vote", "motion_recusal")) {
                jdbc.sql("DELETE FROM " + t + " WHERE motion_id IN (SELECT id FROM motion WHERE meeting_id = :m)")
                        .param("m", m)
                        .update();
            }
            jdbc.sql("DELETE FROM motion WHERE meeting_id = :m").param("m", m).update();
            jdbc.sql("DELETE FROM meeting_attendance WHERE meeting_id = :m")
                    .param("m", m)
                    .update();
            jdbc.sql("DELETE FROM council_meeting WHERE id = :m").param("m", m).update();
        }
        jdbc.sql("DELETE FROM annual_plan WHERE demo = TRUE").update();
        jdbc.sql("DELETE FROM council_member WHERE demo = TRUE AND id NOT IN (SELECT member_id FROM council_vote)"
                        + " AND id NOT IN (SELECT member_id FROM meeting_attendance)"
                        + " AND id NOT IN (SELECT member_id FROM motion_recusal)")
                .update();
        return meetings.size();
    }

    private static Member member(ResultSet rs, int n) throws SQLException {
        long u = rs.getLong(5);
        Long user = rs.wasNull() ? null : u;
        long o = rs.getLong(6);
        Long org = rs.wasNull() ? null : o;
        return new Member(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Category.valueOf(rs.getString(4)),
                user,
                org,
                rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class),
                rs.getBoolean(9));
    }

    private static Meeting meeting(ResultSet rs, int n) throws SQLException {
        return new Meeting(
                rs.getLong(1),
                rs.getString(2),
                rs.getObject(3, LocalDate.class),
                rs.getString(4),
                rs.getString(5),
                rs.getBoolean(6));
    }

    private static Integer integer(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Motion motion(ResultSet rs, int n) throws SQLException {
        long p = rs.getLong(7);
        Long plan = rs.wasNull() ? null : p;
        return new Motion(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                MotionKind.valueOf(rs.getString(4)),
                MotionStatus.valueOf(rs.getString(5)),
                rs.getString(6),
                plan,
                integer(rs, 8),
                integer(rs, 9),
                integer(rs, 10),
                integer(rs, 11),
                integer(rs, 12),
                Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "closed_at"));
    }

    private static AnnualPlan plan(ResultSet rs, int n) throws SQLException {
        return new AnnualPlan(
                rs.getLong(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                Sql.instant(rs, "adopted_at"),
                rs.getBoolean(9));
    }
}
