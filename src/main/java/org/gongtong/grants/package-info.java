/**
 * Grants: the city special development fund (专项发展资金) ledger with yearly budgets, allocations
 * and disbursements that can never overspend; grant programmes with rounds, eligibility and review
 * stages; applications pre-filled from the registry; expert review with weighted criteria,
 * conflicts and research-integrity records; decisions; target agreements (目标绩效), annual
 * assessments and tranche payments with the county's matching share.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grants")
package org.gongtong.grants;
