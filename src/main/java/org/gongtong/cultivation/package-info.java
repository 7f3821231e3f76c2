/**
 * 小升高 cultivation: the tech-SME (科技型中小企业) and high-tech-enterprise (高新技术企业) rule
 * engines that explain themselves, the enterprise's yearly figures, the cultivation pipeline with
 * its deadlines, and policy eligibility (免申即享).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cultivation")
package org.gongtong.cultivation;
