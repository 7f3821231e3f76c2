package org.gongtong.registry.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gongtong.registry.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/groups")
@Tag(name = "Groups", description = "Leading group, promotion group and their offices")
class GroupApi {

    private final Groups groups;

    GroupApi(Groups groups) {
        this.groups = groups;
    }

    @GetMapping
    List<Groups.GroupSummary> list() {
        return groups.list();
    }

    @GetMapping("/{id}")
    Groups.GroupDetail get(@PathVariable long id) {
        return groups.get(id);
    }
}
