/**
 * Talent (S12, S16): appointments under the four programmes — industry professors (产业教授),
 * dual-mentor graduate training (双导师制), science and technology commissioners (科技特派员),
 * technology vice-presidents (科技副总) — with terms, duties, agreed outputs, periodic reports,
 * evaluation and the paid part-time flag; horizontal (enterprise-funded) research projects whose
 * totals count in the researcher's record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Talent")
package org.gongtong.talent;
