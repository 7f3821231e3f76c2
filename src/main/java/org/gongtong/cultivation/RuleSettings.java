package org.gongtong.cultivation;

/**
 * The local choices in RULES.md §1–2, editable by an administrator. Every result records the
 * {@link #hnteVersion()} or {@link #techSmeVersion()} it was computed with, so an old result can
 * be told apart after a setting changed.
 *
 * @param revision increases with every change of a setting
 * @param fivePercentIsBandD the two official growth tables disagree whether exactly 5% is band D
 *     (≥ 5%) or E (> 5% needed); default band D
 * @param costClassIIIp relative effort of one more class-II IP (utility model, design, software
 *     copyright), used only to order the gaps cheapest first
 * @param costClassIIp relative effort of one class-I IP (invention patent …)
 * @param costTransformation relative effort of one more transformed result per year
 * @param costStandard relative effort of leading or joining a national or industry standard
 */
public record RuleSettings(
        int revision,
        boolean fivePercentIsBandD,
        int costClassIIIp,
        int costClassIIp,
        int costTransformation,
        int costStandard) {

    public static final RuleSettings DEFAULTS = new RuleSettings(1, true, 1, 4, 2, 5);

    public String hnteVersion() {
        return "HNTE-2016-32.r" + revision;
    }

    public String techSmeVersion() {
        return "TSME-2017-115.r" + revision;
    }

    public RuleSettings withFivePercentIsBandD(boolean value) {
        return new RuleSettings(revision, value, costClassIIIp, costClassIIp, costTransformation, costStandard);
    }
}
