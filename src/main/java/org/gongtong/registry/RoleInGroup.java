package org.gongtong.registry;

/** 组长, 副组长, 成员 — as the seed's annexes list them. */
public enum RoleInGroup {
    LEADER("组长"),
    DEPUTY_LEADER("副组长"),
    MEMBER("成员");

    private final String label;

    RoleInGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
