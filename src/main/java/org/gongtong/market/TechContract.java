package org.gongtong.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A registered technology contract (技术合同): the technology transaction amount (技术交易额) is
 * stated separately from the contract amount.
 */
public record TechContract(
        long id,
        Long brokerageId,
        long sellerOrganisationId,
        String sellerName,
        String sellerCounty,
        long buyerOrganisationId,
        ContractType type,
        String title,
        BigDecimal contractAmount,
        BigDecimal technologyAmount,
        LocalDate signedOn,
        LocalDate registeredOn,
        String status,
        String registrationNumber,
        boolean demo) {}
