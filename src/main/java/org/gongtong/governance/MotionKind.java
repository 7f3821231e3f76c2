package org.gongtong.governance;

/** 重大事项 / 院长选聘 / 年度计划审议 / 其他. */
public enum MotionKind {
    MAJOR_DECISION,
    DIRECTOR_SELECTION,
    ANNUAL_PLAN,
    OTHER
}
