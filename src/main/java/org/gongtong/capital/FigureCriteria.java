package org.gongtong.capital;

/**
 * One object for a capital dashboard figure and the list behind it: which list ({@link Source}),
 * its filters, and the county (of the sub-fund's manager for commitments, of the investee for
 * investments, of the borrower for claims; the pool ledger has none).
 */
public record FigureCriteria(Source source, FundKind fundKind, FundKind investorKind, Boolean local, String county) {

    public enum Source {
        /** Commitments to funds; sum of the committed amounts. */
        COMMITMENTS,
        /** Portfolio investments (initial and follow-on); sum of the invested amounts. */
        INVESTMENTS,
        /** Risk-compensation claims; sum of the amounts already paid from the pool. */
        CLAIMS_PAID,
        /** Risk-compensation claims; sum of the amounts still waiting for the pool. */
        CLAIMS_WAITING,
        /** The pool's ledger; sum of the signed entries (top-ups and recoveries in, payouts out) = balance. */
        POOL_LEDGER
    }

    public FigureCriteria {
        county = county == null || county.isBlank() ? null : county.strip();
    }

    public FigureCriteria withCounty(String c) {
        return new FigureCriteria(source, fundKind, investorKind, local, c);
    }
}
