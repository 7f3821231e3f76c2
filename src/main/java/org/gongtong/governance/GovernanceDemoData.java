package org.gongtong.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongtong.governance.GovernanceRecords.Meeting;
import org.gongtong.governance.GovernanceRecords.Motion;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.registry.DemoDataRemoving;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A sample council and one past meeting with its motions, a recusal and the votes; flagged demo, named （示例）. */
@Component
@Order(31)
class GovernanceDemoData implements ApplicationRunner {

    static final String MEETING = "（示例）理事会第一次会议";

    private final boolean enabled;
    private final CouncilService council;
    private final Council rows;
    private final AuditLog audit;

    GovernanceDemoData(
            @Value("${gongtong.demo-data:true}") boolean enabled,
            CouncilService council,
            Council rows,
            AuditLog audit) {
        this.enabled = enabled;
        this.council = council;
        this.rows = rows;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || rows.meetings().stream().anyMatch(m -> m.title().equals(MEETING))) {
            return;
        }
        Actor system = Actor.SYSTEM;
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate end = LocalDate.of(2028, 12, 31);
        String[][] people = {
            {"（示例）理事长", "分管副市长", "CHAIR"},
            {"（示例）市科技局理事", "市科技局", "DEPARTMENT"},
            {"（示例）市财政局理事", "市财政局", "DEPARTMENT"},
            {"（示例）产研院理事", "聊城产业技术研究院", "INSTITUTE"},
            {"（示例）聊城大学理事", "聊城大学", "UNIVERSITY"},
            {"（示例）企业理事", "新材料龙头企业", "ENTERPRISE"},
            {"（示例）银行理事", "合作银行", "FINANCE"}
        };
        List<Long> ids = new ArrayList<>();
        for (String[] p : people) {
            ids.add(council.addMember(
                            new CouncilService.MemberForm(p[0], p[1], p[2], null, null, start, end), system, true)
                    .id());
        }
        var plan = council.createPlan(
                new CouncilService.PlanForm(2024, "（示例）2024 年度工作计划", "一、建设新材料专业研究所；\n二、启动两个创新创业共同体筹建；\n三、设立产业引导基金。"),
                system,
                true);
        Meeting meeting = council.createMeeting(
                new CouncilService.MeetingForm(MEETING, LocalDate.of(2024, 3, 15), "聊城高新区管委会"), system, true);
        council.setAttendance(meeting.id(), ids.subList(0, 6), system);
        Motion planMotion = council.createMotion(
                new CouncilService.MotionForm(meeting.id(), "审议 2024 年度工作计划", "ANNUAL_PLAN", null, plan.id()), system);
        Motion major = council.createMotion(
                new CouncilService.MotionForm(meeting.id(), "出资共建新材料专业研究所", "MAJOR_DECISION", null, null), system);
        council.recuse(major.id(), ids.get(5), "该理事所在企业为共建出资方", system);
        council.open(planMotion.id(), system);
        council.open(major.id(), system);
        for (int i = 0; i < 6; i++) {
            council.vote(planMotion.id(), ids.get(i), i < 5 ? "FOR" : "ABSTAIN", system);
            if (i != 5) {
                council.vote(major.id(), ids.get(i), i < 4 ? "FOR" : "AGAINST", system);
            }
        }
        council.close(planMotion.id(), system);
        council.close(major.id(), system);
        council.closeMeeting(meeting.id(), system);
        audit.record("GOVERNANCE_DEMO_LOADED", "council_meeting", meeting.id(), null, Map.of("members", ids.size()));
    }

    @EventListener
    @Transactional
    public void on(DemoDataRemoving event) {
        int n = rows.deleteDemo();
        if (n > 0) {
            audit.record("GOVERNANCE_DEMO_REMOVED", "council_meeting", null, null, Map.of("meetings", n));
        }
    }
}
