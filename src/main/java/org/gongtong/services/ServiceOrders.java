package org.gongtong.services;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Service agencies (the testing platform among them), their catalogues and orders. */
public final class ServiceOrders {

    private ServiceOrders() {}

    public enum AgencyKind {
        TESTING_PLATFORM,
        IP,
        TECH_TRANSFER,
        DESIGN,
        CONSULTING
    }

    /** Services of the testing platform (standards, metrology, inspection and testing, certification) and of agencies. */
    public enum Category {
        STANDARDS,
        METROLOGY,
        INSPECTION_TESTING,
        CERTIFICATION_ACCREDITATION,
        IP,
        TECH_TRANSFER,
        DESIGN,
        CONSULTING
    }

    /**
     * REQUESTED → QUOTED → ACCEPTED → IN_PROGRESS → DELIVERED → RATED; REQUESTED/QUOTED → DECLINED.
     */
    public enum Status {
        REQUESTED,
        QUOTED,
        ACCEPTED,
        IN_PROGRESS,
        DELIVERED,
        RATED,
        DECLINED
    }

    public record Agency(
            long id,
            long organisationId,
            String organisationName,
            String name,
            AgencyKind kind,
            String description,
            long orders,
            long delivered,
            BigDecimal averageRating,
            long ratings,
            List<Offering> services,
            boolean demo) {}

    public record Offering(long id, String name, Category category, BigDecimal unitPrice, String description) {}

    public record Order(
            long id,
            long agencyId,
            String agencyName,
            long agencyOrganisationId,
            Long serviceId,
            long clientId,
            String clientName,
            String requestedBy,
            String description,
            Status status,
            BigDecimal quoteAmount,
            String deliveryNote,
            Integer rating,
            String ratingComment,
            Instant requestedAt,
            Instant quotedAt,
            Instant acceptedAt,
            Instant startedAt,
            Instant deliveredAt,
            Instant ratedAt,
            List<Document> documents,
            boolean demo) {}

    public record Document(long id, String name, String link, String addedBy, Instant addedAt) {}
}
