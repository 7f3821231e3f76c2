package org.gongtong.cultivation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.Xlsx;
import org.gongtong.registry.ReferenceData;
import org.springframework.stereotype.Component;

/** Request parameters to {@link PipelineCriteria}, and the filtered list as labelled rows or .xlsx. */
@Component
public class PipelineListSheets {

    private final PipelineList list;
    private final ReferenceData reference;
    private final Messages messages;

    PipelineListSheets(PipelineList list, ReferenceData reference, Messages messages) {
        this.list = list;
        this.reference = reference;
        this.messages = messages;
    }

    /** stage: comma-separated stage names; techSme: true/false; county: code or name. 400 when unknown. */
    public PipelineCriteria criteria(String stage, Boolean techSme, String county) {
        List<Stage> stages = new ArrayList<>();
        if (stage != null && !stage.isBlank()) {
            for (String s : stage.split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                try {
                    stages.add(Stage.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw DomainException.invalid("stage", "cultivation.records.stageInvalid", s.strip());
                }
            }
        }
        String c = null;
        if (county != null && !county.isBlank()) {
            c = reference
                    .county(county)
                    .map(ReferenceData.County::code)
                    .orElseThrow(() -> DomainException.invalid("county", "organisation.countyUnknown", county));
        }
        return new PipelineCriteria(stages, techSme, c);
    }

    public List<String> header() {
        return Arrays.asList(
                messages.get("cultivation.records.id"),
                messages.get("cultivation.records.name"),
                messages.get("cultivation.pipeline.county"),
                messages.get("cultivation.records.stage"),
                messages.get("cultivation.records.techSmeYear"),
                messages.get("cultivation.records.certificate"),
                messages.get("cultivation.records.expiresOn"));
    }

    public List<?> row(PipelineList.Row r) {
        return Arrays.asList(
                r.organisationId(),
                r.name(),
                countyLabel(r.county()),
                messages.get("cultivation.stage." + r.stage().name()),
                r.techSmeYear(),
                r.certificateNumber(),
                r.expiresOn());
    }

    public String countyLabel(String code) {
        if (code == null) {
            return "";
        }
        ReferenceData.County c = reference.countiesByCode().get(code);
        return c == null ? code : c.label(org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    public void export(PipelineCriteria criteria, Actor actor, HttpServletResponse response) throws IOException {
        PipelineCriteria c = list.scoped(criteria, actor);
        List<List<?>> rows = new ArrayList<>();
        list.forEach(c, r -> rows.add(row(r)));
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"cultivation-records.xlsx\"");
        Xlsx.write(response.getOutputStream(), "records", header(), rows);
    }
}
