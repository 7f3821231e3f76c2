/**
 * Insight for the leading group: the indicators of every module on city and county dashboards,
 * each figure a link to the rows it counts or sums, monthly snapshots, reports and the
 * collaboration graph. Other modules contribute {@link org.gongtong.insight.Indicator} and
 * {@link org.gongtong.insight.CollaborationEdges} beans; insight depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.gongtong.insight;
