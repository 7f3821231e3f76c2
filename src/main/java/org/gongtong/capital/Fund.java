package org.gongtong.capital;

import java.math.BigDecimal;
import java.time.Instant;

/** A fund: parent (母基金), sub-fund of a parent, angel or venture; managed by a registry organisation. */
public record Fund(
        long id,
        String name,
        FundKind kind,
        Long parentFundId,
        String parentFundName,
        BigDecimal size,
        int vintage,
        Long managerId,
        String managerName,
        boolean demo,
        Instant createdAt) {}
