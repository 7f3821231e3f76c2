/**
 * The "1+N" network: the institute's profile and construction phases, R&D institutions (kinds,
 * modes of establishment, partners with shares, yearly figures, life-cycle and annual evaluation),
 * city-level communities with their preparation period, the 1+N plan and the nine industries'
 * chains.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Network")
package org.gongtong.network;
