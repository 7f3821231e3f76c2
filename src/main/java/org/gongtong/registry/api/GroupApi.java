package org.gongtong.registry.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.registry.Groups;
import org.gongtong.registry.People;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Groups", description = "Leading group, promotion group and their offices")
class GroupApi {

    private final Groups groups;
    private final People people;

    GroupApi(Groups groups, People people) {
        this.groups = groups;
        this.people = people;
    }

    /** People with their posts and the groups they sit in; {@code q} matches name or post. */
    @GetMapping("/people")
    PageResult<People.Person> people(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return people.search(q, PageRequest.of(page, size));
    }

    @GetMapping("/groups")
    List<Groups.GroupSummary> list() {
        return groups.list();
    }

    @GetMapping("/groups/{id}")
    Groups.GroupDetail get(@PathVariable long id) {
        return groups.get(id);
    }
}
