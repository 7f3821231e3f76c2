package org.gongtong.registry;

/** The seven elements of the community (政产学研金服用). */
public enum OrganisationKind {
    GOVERNMENT("政", "政府"),
    ENTERPRISE("产", "企业"),
    UNIVERSITY("学", "高校"),
    RESEARCH("研", "科研机构"),
    FINANCE("金", "金融机构"),
    SERVICE("服", "服务机构"),
    USER("用", "应用方");

    private final String element;
    private final String label;

    OrganisationKind(String element, String label) {
        this.element = element;
        this.label = label;
    }

    public String element() {
        return element;
    }

    public String label() {
        return label;
    }

    /** Accepts the code ({@code ENTERPRISE}), the element ({@code 产}) or the label ({@code 企业}). */
    public static OrganisationKind parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        for (OrganisationKind k : values()) {
            if (k.name().equalsIgnoreCase(v) || k.element.equals(v) || k.label.equals(v)) {
                return k;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
