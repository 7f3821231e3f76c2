/**
 * Technology market (技术市场): technology needs posted by enterprises, results (科技成果) of
 * universities, institutes and enterprises, experts and patents; matching through the search
 * module; brokerage (对接) from a match to a contract, and technology contract registration
 * (技术合同认定登记, RULES.md §5).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Market")
package org.gongtong.market;
