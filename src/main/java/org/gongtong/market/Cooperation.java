package org.gongtong.market;

/** Forms of cooperation a need asks for or a result offers. */
public enum Cooperation {
    TRANSFER,
    LICENCE,
    JOINT_DEVELOPMENT,
    COMMISSIONED,
    CONSULTING
}
