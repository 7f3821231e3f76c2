package org.gongtong.cultivation;

import java.time.LocalDate;

/**
 * An enterprise's pipeline record. Transitions are guarded: each returns the new record or throws
 * {@link IllegalTransition} naming why the move is refused. Pure: no Spring, no clock of its own.
 */
public record CultivationRecord(
        long organisationId,
        Stage stage,
        Integer techSmeYear,
        String techSmeNumber,
        LocalDate appliedOn,
        String certificateNumber,
        LocalDate certificateDate,
        LocalDate expiresOn,
        LocalDate cancelledOn,
        String cancelReason,
        int version) {

    /** A certificate is valid for three years from its date. */
    public static final int VALID_YEARS = 3;

    public static CultivationRecord candidate(long organisationId) {
        return new CultivationRecord(
                organisationId, Stage.CANDIDATE, null, null, null, null, null, null, null, null, -1);
    }

    /** A refused move: the message key (cultivation bundle) and its arguments. */
    public static class IllegalTransition extends RuntimeException {
        private final String key;
        private final transient Object[] args;

        IllegalTransition(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args;
        }
    }

    /** Registered in the year's tech-SME database with its registration number. */
    public CultivationRecord registerTechSme(int year, String number) {
        // a cancelled high-tech firm may still register as a tech SME; its stage stays CANCELLED
        if (number == null || number.isBlank()) {
            throw new IllegalTransition("cultivation.pipeline.numberRequired");
        }
        Stage next = stage == Stage.CANDIDATE ? Stage.TECH_SME : stage;
        return new CultivationRecord(
                organisationId,
                next,
                year,
                number.strip(),
                appliedOn,
                certificateNumber,
                certificateDate,
                expiresOn,
                cancelledOn,
                cancelReason,
                version);
    }

    /** Applies for recognition, or for renewal when recognised; a firm cancelled this year may not. */
    public CultivationRecord applyHnte(LocalDate on) {
        return switch (stage) {
            case CANDIDATE, TECH_SME -> applied(Stage.HNTE_APPLIED, on);
            case RECOGNISED -> applied(Stage.RENEWAL_APPLIED, on);
            case CANCELLED -> {
                if (cancelledOn != null && cancelledOn.getYear() == on.getYear()) {
                    throw new IllegalTransition("cultivation.pipeline.cancelledThisYear", cancelledOn);
                }
                yield applied(Stage.HNTE_APPLIED, on);
            }
            default -> throw new IllegalTransition("cultivation.pipeline.alreadyApplied", stage);
        };
    }

    private CultivationRecord applied(Stage next, LocalDate on) {
        return new CultivationRecord(
                organisationId,
                next,
                techSmeYear,
                techSmeNumber,
                on,
                certificateNumber,
                certificateDate,
                expiresOn,
                cancelledOn,
                cancelReason,
                version);
    }

    /** Recognised with a certificate, valid three years from its date. */
    public CultivationRecord recognise(String number, LocalDate date) {
        if (stage != Stage.HNTE_APPLIED && stage != Stage.RENEWAL_APPLIED) {
            throw new IllegalTransition("cultivation.pipeline.notApplied", stage);
        }
        if (number == null || number.isBlank()) {
            throw new IllegalTransition("cultivation.pipeline.numberRequired");
        }
        if (date == null || (appliedOn != null && date.isBefore(appliedOn))) {
            throw new IllegalTransition("cultivation.pipeline.certificateBeforeApplication", appliedOn);
        }
        return new CultivationRecord(
                organisationId,
                Stage.RECOGNISED,
                techSmeYear,
                techSmeNumber,
                appliedOn,
                number.strip(),
                date,
                date.plusYears(VALID_YEARS),
                null,
                null,
                version);
    }

    /** The application was not approved: back to where the firm stood before. */
    public CultivationRecord reject() {
        if (stage == Stage.HNTE_APPLIED) {
            return new CultivationRecord(
                    organisationId,
                    techSmeYear == null ? Stage.CANDIDATE : Stage.TECH_SME,
                    techSmeYear,
                    techSmeNumber,
                    null,
                    certificateNumber,
                    certificateDate,
                    expiresOn,
                    cancelledOn,
                    cancelReason,
                    version);
        }
        if (stage == Stage.RENEWAL_APPLIED) {
            return new CultivationRecord(
                    organisationId,
                    Stage.RECOGNISED,
                    techSmeYear,
                    techSmeNumber,
                    null,
                    certificateNumber,
                    certificateDate,
                    expiresOn,
                    cancelledOn,
                    cancelReason,
                    version);
        }
        throw new IllegalTransition("cultivation.pipeline.notApplied", stage);
    }

    /** Cancels a recognition (missed reports, a finding, a request) with a reason. */
    public CultivationRecord cancel(LocalDate on, String reason) {
        if (stage != Stage.RECOGNISED && stage != Stage.RENEWAL_APPLIED) {
            throw new IllegalTransition("cultivation.pipeline.notRecognised", stage);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalTransition("cultivation.pipeline.reasonRequired");
        }
        return new CultivationRecord(
                organisationId,
                Stage.CANCELLED,
                techSmeYear,
                techSmeNumber,
                appliedOn,
                certificateNumber,
                certificateDate,
                expiresOn,
                on,
                reason.strip(),
                version);
    }
}
