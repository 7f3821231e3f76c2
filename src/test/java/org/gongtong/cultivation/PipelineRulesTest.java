package org.gongtong.cultivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gongtong.cultivation.Deadlines.Kind;
import org.gongtong.cultivation.Deadlines.Reminder;
import org.junit.jupiter.api.Test;

class PipelineRulesTest {

    static LocalDate on(String isoInstant) {
        // the service reads "today" from a Clock in Asia/Shanghai; tests use fixed clocks the same way
        return LocalDate.now(Clock.fixed(Instant.parse(isoInstant), ZoneId.of("Asia/Shanghai")));
    }

    static CultivationRecord recognised(LocalDate certificate) {
        return CultivationRecord.candidate(1)
                .registerTechSme(2022, "202237150200001")
                .applyHnte(certificate.minusMonths(5))
                .recognise("GR202237000123", certificate);
    }

    @Test
    void theHappyPathAndItsGuards() {
        CultivationRecord r = CultivationRecord.candidate(7);
        assertThat(r.stage()).isEqualTo(Stage.CANDIDATE);
        r = r.registerTechSme(2024, "2024371502A0001");
        assertThat(r.stage()).isEqualTo(Stage.TECH_SME);
        CultivationRecord tsme = r;
        assertThatThrownBy(() -> tsme.recognise("X", LocalDate.of(2024, 12, 1)))
                .isInstanceOf(CultivationRecord.IllegalTransition.class)
                .hasMessage("cultivation.pipeline.notApplied");
        r = r.applyHnte(LocalDate.of(2024, 6, 20));
        assertThat(r.stage()).isEqualTo(Stage.HNTE_APPLIED);
        CultivationRecord applied = r;
        assertThatThrownBy(() -> applied.applyHnte(LocalDate.of(2024, 7, 1)))
                .hasMessage("cultivation.pipeline.alreadyApplied");
        assertThatThrownBy(() -> applied.recognise("GR1", LocalDate.of(2024, 6, 1)))
                .hasMessage("cultivation.pipeline.certificateBeforeApplication");
        r = r.recognise("GR202437000001", LocalDate.of(2024, 12, 5));
        assertThat(r.stage()).isEqualTo(Stage.RECOGNISED);
        assertThat(r.expiresOn()).isEqualTo(LocalDate.of(2027, 12, 5));
        // renewal, then not approved: still recognised until expiry
        assertThat(r.applyHnte(LocalDate.of(2027, 6, 1)).stage()).isEqualTo(Stage.RENEWAL_APPLIED);
        assertThat(r.applyHnte(LocalDate.of(2027, 6, 1)).reject().stage()).isEqualTo(Stage.RECOGNISED);
        // rejection of a first application goes back to tech SME
        assertThat(applied.reject().stage()).isEqualTo(Stage.TECH_SME);
        assertThat(CultivationRecord.candidate(1)
                        .applyHnte(LocalDate.of(2024, 1, 1))
                        .reject()
                        .stage())
                .isEqualTo(Stage.CANDIDATE);
    }

    @Test
    void cancelledFirmCannotReapplyTheSameYear() {
        CultivationRecord cancelled = recognised(LocalDate.of(2023, 11, 1)).cancel(LocalDate.of(2025, 3, 10), "审计发现");
        assertThat(cancelled.stage()).isEqualTo(Stage.CANCELLED);
        assertThatThrownBy(() -> cancelled.applyHnte(LocalDate.of(2025, 12, 31)))
                .hasMessage("cultivation.pipeline.cancelledThisYear");
        assertThat(cancelled.applyHnte(LocalDate.of(2026, 1, 1)).stage()).isEqualTo(Stage.HNTE_APPLIED);
        assertThatThrownBy(() -> recognised(LocalDate.of(2023, 11, 1)).cancel(LocalDate.of(2025, 3, 10), " "))
                .hasMessage("cultivation.pipeline.reasonRequired");
        assertThatThrownBy(() -> CultivationRecord.candidate(1).cancel(LocalDate.of(2025, 3, 10), "x"))
                .hasMessage("cultivation.pipeline.notRecognised");
    }

    @Test
    void annualReportDueThirtyFirstMayForThePreviousYear() {
        CultivationRecord r = recognised(LocalDate.of(2023, 11, 1));
        assertThat(Deadlines.reportYears(r)).containsExactly(2023, 2024, 2025);
        // 1 April 2024: the 2023 report is due on 31 May 2024, reminded ahead
        List<Reminder> april = Deadlines.of(r, List.of(), List.of(), on("2024-04-01T02:00:00Z"));
        assertThat(april)
                .containsExactly(new Reminder(Kind.ANNUAL_REPORT, 2023, LocalDate.of(2024, 5, 31), false, null));
        // 31 May 2024 (Shanghai) is still on time; 1 June is late
        assertThat(Deadlines.of(r, List.of(), List.of(), on("2024-05-31T15:59:59Z"))
                        .get(0)
                        .overdue())
                .isFalse();
        assertThat(Deadlines.of(r, List.of(), List.of(), on("2024-05-31T16:00:00Z"))
                        .get(0)
                        .overdue())
                .isTrue();
        // filed: nothing left
        assertThat(Deadlines.of(r, List.of(2023), List.of(), on("2024-06-02T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void twoMissedReportsInTheValidityPeriodCancel() {
        CultivationRecord r = recognised(LocalDate.of(2023, 11, 1));
        LocalDate june2025 = LocalDate.of(2025, 6, 1);
        assertThat(Deadlines.missedReports(r, List.of(), june2025)).containsExactly(2023, 2024);
        assertThat(Deadlines.of(r, List.of(), List.of(), june2025))
                .extracting(Reminder::kind)
                .contains(Kind.CANCELLATION);
        // one missed only: a reminder, no cancellation
        assertThat(Deadlines.of(r, List.of(2024), List.of(), june2025))
                .extracting(Reminder::kind)
                .doesNotContain(Kind.CANCELLATION);
        // on 31 May 2025 the second is not missed yet
        assertThat(Deadlines.missedReports(r, List.of(), LocalDate.of(2025, 5, 31)))
                .containsExactly(2023);
    }

    @Test
    void changesWithinThreeMonthsAndRenewalBeforeExpiry() {
        CultivationRecord r = recognised(LocalDate.of(2023, 11, 1));
        Deadlines.Change rename = new Deadlines.Change(LocalDate.of(2024, 2, 10), "更名", null);
        List<Reminder> before = Deadlines.of(r, List.of(2023), List.of(rename), LocalDate.of(2024, 5, 10));
        assertThat(before)
                .containsExactly(new Reminder(Kind.CHANGE_REPORT, null, LocalDate.of(2024, 5, 10), false, "更名"));
        assertThat(Deadlines.of(r, List.of(2023), List.of(rename), LocalDate.of(2024, 5, 11))
                        .get(0)
                        .overdue())
                .isTrue();
        Deadlines.Change reported = new Deadlines.Change(LocalDate.of(2024, 2, 10), "更名", LocalDate.of(2024, 3, 1));
        assertThat(Deadlines.of(r, List.of(2023), List.of(reported), LocalDate.of(2024, 5, 11)))
                .isEmpty();
        // renewal: reminded from 6 months before expiry (1 Nov 2026), late from the day of expiry
        assertThat(Deadlines.of(r, List.of(2023, 2024, 2025), List.of(), LocalDate.of(2026, 4, 30)))
                .isEmpty();
        assertThat(Deadlines.of(r, List.of(2023, 2024, 2025), List.of(), LocalDate.of(2026, 5, 1)))
                .containsExactly(new Reminder(Kind.RENEWAL, null, LocalDate.of(2026, 11, 1), false, null));
        assertThat(Deadlines.of(r, List.of(2023, 2024, 2025), List.of(), LocalDate.of(2026, 11, 1))
                        .get(0)
                        .overdue())
                .isTrue();
        // once renewal is applied, no renewal reminder
        assertThat(Deadlines.of(
                        r.applyHnte(LocalDate.of(2026, 6, 1)),
                        List.of(2023, 2024, 2025),
                        List.of(),
                        LocalDate.of(2026, 7, 1)))
                .isEmpty();
    }
}
