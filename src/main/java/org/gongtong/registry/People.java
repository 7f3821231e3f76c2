package org.gongtong.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People of the registry with their posts and the groups they sit in. */
@Service
public class People {

    /** A person: name and post as recorded, organisation if known, and group memberships. */
    public record Person(long id, String name, String post, Long organisationId, List<Membership> memberships) {}

    /** A seat in a group: the group, the role in it and the post listed there. */
    public record Membership(long groupId, String groupName, RoleInGroup roleInGroup, String post, int order) {}

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** People whose name or post contains {@code q}, by id; memberships fetched in one query. */
    @Transactional(readOnly = true)
    public PageResult<Person> search(String q, PageRequest page) {
        boolean filtered = q != null && !q.isBlank();
        String where = filtered ? " WHERE name LIKE :q OR post LIKE :q" : "";
        var count = jdbc.sql("SELECT COUNT(*) FROM person" + where);
        var list = jdbc.sql("SELECT id, name, post, organisation_id FROM person" + where
                + " ORDER BY id LIMIT :limit OFFSET :offset");
        if (filtered) {
            String like = Sql.contains(q);
            count = count.param("q", like);
            list = list.param("q", like);
        }
        long total = count.query(Long.class).single();
        Map<Long, Person> people = new LinkedHashMap<>();
        list.param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> {
                    long org = rs.getLong(4);
                    Long orgId = rs.wasNull() ? null : org;
                    return new Person(rs.getLong(1), rs.getString(2), rs.getString(3), orgId, new ArrayList<>());
                })
                .list()
                .forEach(p -> people.put(p.id(), p));
        if (!people.isEmpty()) {
            jdbc.sql("""
                            SELECT m.person_id, g.id, g.name, m.role_in_group, m.post, m.sort_order
                            FROM group_membership m JOIN org_group g ON g.id = m.group_id
                            WHERE m.person_id IN (:ids) ORDER BY g.sort_order, m.sort_order""")
                    .param("ids", List.copyOf(people.keySet()))
                    .query((rs, n) -> {
                        people.get(rs.getLong(1))
                                .memberships()
                                .add(new Membership(
                                        rs.getLong(2),
                                        rs.getString(3),
                                        RoleInGroup.valueOf(rs.getString(4)),
                                        rs.getString(5),
                                        rs.getInt(6)));
                        return null;
                    })
                    .list();
        }
        return new PageResult<>(List.copyOf(people.values()), total, page.page(), page.size());
    }
}
