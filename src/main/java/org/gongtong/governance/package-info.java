/**
 * Governance of the institute by its council (理事会): members with terms, meetings, motions with
 * quorum and majority rules as settings, recusals for declared conflicts, per-member votes in the
 * audit log, minutes, director selection and the annual plan.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Governance")
package org.gongtong.governance;
