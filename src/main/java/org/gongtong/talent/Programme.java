package org.gongtong.talent;

/** The talent programmes of S12. */
public enum Programme {
    /** 产业教授: an enterprise leader appointed at a university. */
    INDUSTRY_PROFESSOR,
    /** 双导师制: a graduate student with an academic and an industry mentor. */
    DUAL_MENTOR,
    /** 科技特派员: a researcher sent to a firm. */
    COMMISSIONER,
    /** 科技副总: a researcher in a firm's management. */
    TECH_VICE_PRESIDENT
}
