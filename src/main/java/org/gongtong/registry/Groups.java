package org.gongtong.registry;

import java.util.List;
import java.util.Optional;
import org.gongtong.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Groups (领导小组, 推进小组…) with their office and members in the seed's order. */
@Service
public class Groups {

    /** A group as listed. */
    public record GroupSummary(long id, String code, GroupKind kind, String name, int memberCount) {}

    /** A group with its office and members. */
    public record GroupDetail(
            long id, String code, GroupKind kind, String name, String source, Office office, List<Member> members) {}

    /** The group's office (办公室): where it sits and who heads it. */
    public record Office(String name, String location, Long hostOrganisationId, String head, String headNote) {}

    /** One member: name, post and role exactly as the source lists them, with the order. */
    public record Member(
            long personId, String name, String post, RoleInGroup roleInGroup, String roleLabel, int order) {}

    private final JdbcClient jdbc;

    Groups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<GroupSummary> list() {
        return jdbc.sql("""
                        SELECT g.id, g.code, g.kind, g.name,
                          (SELECT COUNT(*) FROM group_membership m WHERE m.group_id = g.id)
                        FROM org_group g ORDER BY g.sort_order, g.id""")
                .query((rs, n) -> new GroupSummary(
                        rs.getLong(1),
                        rs.getString(2),
                        GroupKind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getInt(5)))
                .list();
    }

    @Transactional(readOnly = true)
    public GroupDetail get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("group.notFound", id));
    }

    @Transactional(readOnly = true)
    public Optional<GroupDetail> find(long id) {
        return jdbc.sql("SELECT id, code, kind, name, source FROM org_group WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new GroupDetail(
                        rs.getLong(1),
                        rs.getString(2),
                        GroupKind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        office(id),
                        members(id)))
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Long> idByCode(String code) {
        return jdbc.sql("SELECT id FROM org_group WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .optional();
    }

    private Office office(long groupId) {
        return jdbc.sql("""
                        SELECT o.name, o.location, o.host_organisation_id, p.name, o.head_note
                        FROM group_office o LEFT JOIN person p ON p.id = o.head_person_id
                        WHERE o.group_id = :g""")
                .param("g", groupId)
                .query((rs, n) -> {
                    long host = rs.getLong(3);
                    return new Office(
                            rs.getString(1),
                            rs.getString(2),
                            rs.wasNull() ? null : host,
                            rs.getString(4),
                            rs.getString(5));
                })
                .optional()
                .orElse(null);
    }

    private List<Member> members(long groupId) {
        return jdbc.sql("""
                        SELECT p.id, p.name, m.post, m.role_in_group, m.sort_order
                        FROM group_membership m JOIN person p ON p.id = m.person_id
                        WHERE m.group_id = :g ORDER BY m.sort_order""")
                .param("g", groupId)
                .query((rs, n) -> {
                    RoleInGroup role = RoleInGroup.valueOf(rs.getString(4));
                    return new Member(
                            rs.getLong(1), rs.getString(2), rs.getString(3), role, role.label(), rs.getInt(5));
                })
                .list();
    }

    // writes used by the seed loader

    long createGroup(String code, GroupKind kind, String name, String source, int order) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO org_group (code, kind, name, source, sort_order) VALUES (:c, :k, :n, :s, :o)")
                .param("c", code)
                .param("k", kind.name())
                .param("n", name)
                .param("s", source)
                .param("o", order)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long person(String name, String post, Long organisationId) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM person WHERE name = :n ORDER BY id LIMIT 1")
                .param("n", name)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO person (name, post, organisation_id) VALUES (:n, :p, :o)")
                .param("n", name)
                .param("p", post)
                .param("o", organisationId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void addMember(long groupId, long personId, RoleInGroup role, String post, int order) {
        jdbc.sql("INSERT INTO group_membership (group_id, person_id, role_in_group, post, sort_order)"
                        + " VALUES (:g, :p, :r, :post, :o)")
                .param("g", groupId)
                .param("p", personId)
                .param("r", role.name())
                .param("post", post)
                .param("o", order)
                .update();
    }

    void setOffice(
            long groupId, String name, String location, Long hostOrganisationId, Long headPersonId, String note) {
        jdbc.sql("INSERT INTO group_office (group_id, name, location, host_organisation_id, head_person_id, head_note)"
                        + " VALUES (:g, :n, :l, :h, :p, :note)")
                .param("g", groupId)
                .param("n", name)
                .param("l", location)
                .param("h", hostOrganisationId)
                .param("p", headPersonId)
                .param("note", note)
                .update();
    }
}
