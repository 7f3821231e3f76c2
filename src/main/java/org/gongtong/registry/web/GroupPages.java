package org.gongtong.registry.web;

import org.gongtong.registry.Groups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class GroupPages {

    private final Groups groups;

    GroupPages(Groups groups) {
        this.groups = groups;
    }

    @GetMapping("/groups")
    String list(Model model) {
        model.addAttribute("groups", groups.list());
        return "registry/groups";
    }

    @GetMapping("/groups/{id}")
    String group(@PathVariable long id, Model model) {
        model.addAttribute("group", groups.get(id));
        return "registry/group";
    }
}
