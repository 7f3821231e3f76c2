package org.gongtong.network;

/** 专业研究所 / 产业技术创新中心 / 企业联合创新中心. */
public enum InstitutionKind {
    SPECIALISED_INSTITUTE,
    INNOVATION_CENTRE,
    JOINT_INNOVATION_CENTRE
}
