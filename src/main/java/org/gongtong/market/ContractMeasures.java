package org.gongtong.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.gongtong.grants.GrantRecords.IndicatorKind;
import org.gongtong.grants.PerformanceMeasure;
import org.gongtong.platform.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The grant indicators the technology contracts answer: the grantee's contract revenue and its
 * results transferred (transfer and licence contracts), both from the contracts registered in the grant
 * year with the grantee as seller.
 */
@Configuration(proxyBeanMethods = false)
class ContractMeasures {

    @Bean
    PerformanceMeasure contractRevenueMeasure(JdbcClient jdbc, Messages messages) {
        return new Measure(IndicatorKind.CONTRACT_REVENUE, jdbc, messages, false);
    }

    @Bean
    PerformanceMeasure resultsTransferredMeasure(JdbcClient jdbc, Messages messages) {
        return new Measure(IndicatorKind.RESULTS_TRANSFERRED, jdbc, messages, true);
    }

    private record Measure(IndicatorKind indicator, JdbcClient jdbc, Messages messages, boolean transfers)
            implements PerformanceMeasure {

        @Override
        public Optional<Reading> read(long organisationId, LocalDate from, LocalDate to) {
            var row = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(contract_amount), 0) FROM tech_contract"
                            + " WHERE seller_organisation_id = :o AND registered_on >= :from AND registered_on < :to"
                            + (transfers ? " AND contract_type IN ('TRANSFER', 'LICENCE')" : ""))
                    .param("o", organisationId)
                    .param("from", from)
                    .param("to", to)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)})
                    .single();
            long contracts = (Long) row[0];
            String until = to.minusDays(1).toString();
            return Optional.of(
                    transfers
                            ? new Reading(
                                    BigDecimal.valueOf(contracts),
                                    messages.get(
                                            "market.measure.resultsTransferred", from.toString(), until, contracts))
                            : new Reading(
                                    ((BigDecimal) row[1]).setScale(2),
                                    messages.get("market.measure.contractRevenue", from.toString(), until, contracts)));
        }
    }
}
