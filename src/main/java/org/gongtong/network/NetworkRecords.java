package org.gongtong.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The rows of the network module as the service, pages and API see them. */
public final class NetworkRecords {

    private NetworkRecords() {}

    /** An R&D institution. */
    public record Institution(
            long id,
            String name,
            InstitutionKind kind,
            EstablishmentMode establishmentMode,
            InstitutionStatus status,
            String county,
            String industry,
            String field,
            Integer staffCount,
            Long organisationId,
            boolean demo,
            int version,
            Instant createdAt,
            Instant updatedAt) {}

    /** A partner organisation of an institution with its role and equity or contribution share (%). */
    public record Partner(Long organisationId, String name, String role, BigDecimal sharePercent) {}

    /** The figures JITRI judges an institute by, for one year. */
    public record YearFigures(
            long institutionId,
            int year,
            BigDecimal rndSpend,
            BigDecimal contractRevenue,
            int resultsTransferred,
            int spinOffs,
            int talents) {}

    /** One row of the figures drill-down: an institution's figure for a year. */
    public record FigureRow(
            long institutionId,
            String name,
            String county,
            int year,
            BigDecimal rndSpend,
            BigDecimal contractRevenue) {}

    /** A city-level community; {@code overdue} when still preparing after its deadline. */
    public record Community(
            long id,
            String name,
            CommunityStatus status,
            String county,
            String industry,
            Long leadOrganisationId,
            String form,
            String operatingModel,
            LocalDate preparationDeadline,
            String uscc,
            LocalDate registeredOn,
            boolean overdue,
            boolean demo,
            int version,
            Instant createdAt) {}

    /** A member of a community: one of the seven elements, an investor (with share) or the lead. */
    public record Member(
            long organisationId, String organisationName, String kind, String role, BigDecimal sharePercent) {}

    /** An approved extension of a community's preparation deadline. */
    public record Extension(
            LocalDate oldDeadline, LocalDate newDeadline, String reason, String approvedBy, Instant approvedAt) {}

    /** One status change, for the timeline. */
    public record Transition(String from, String to, String actor, String reason, Instant at) {}
}
