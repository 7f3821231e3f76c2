package org.gongtong.cultivation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongtong.identity.Actor;
import org.gongtong.platform.Messages;
import org.gongtong.platform.Xlsx;
import org.gongtong.registry.ReferenceData;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The office view of the pipeline as labelled rows, on a page or in an .xlsx file. */
@Component
public class PipelineSheets {

    private final Pipeline pipeline;
    private final ReferenceData reference;
    private final Messages messages;

    PipelineSheets(Pipeline pipeline, ReferenceData reference, Messages messages) {
        this.pipeline = pipeline;
        this.reference = reference;
        this.messages = messages;
    }

    public String label(String by, String key) {
        Locale locale = LocaleContextHolder.getLocale();
        if (key == null || key.isEmpty()) {
            return messages.get("cultivation.pipeline.unknown");
        }
        if ("industry".equals(by)) {
            ReferenceData.Industry i = reference.industriesByCode().get(key);
            return i == null ? key : i.label(locale);
        }
        ReferenceData.County c = reference.countiesByCode().get(key);
        return c == null ? key : c.label(locale);
    }

    public List<String> header(String by) {
        List<String> h = new ArrayList<>();
        h.add(messages.get("industry".equals(by) ? "cultivation.pipeline.industry" : "cultivation.pipeline.county"));
        for (Stage s : Stage.values()) {
            h.add(messages.get("cultivation.stage." + s.name()));
        }
        h.add(messages.get("cultivation.pipeline.readyForTechSme"));
        h.add(messages.get("cultivation.pipeline.readyForHnte"));
        h.add(messages.get("cultivation.pipeline.renewalDue"));
        h.add(messages.get("cultivation.pipeline.total"));
        return h;
    }

    public List<List<?>> rows(String by, Actor actor) {
        List<List<?>> rows = new ArrayList<>();
        for (Pipeline.Row r : pipeline.overview(by, actor)) {
            List<Object> row = new ArrayList<>();
            row.add(label(by, r.key()));
            for (Stage s : Stage.values()) {
                row.add(r.stages().getOrDefault(s, 0));
            }
            row.add(r.readyForTechSme());
            row.add(r.readyForHnte());
            row.add(r.renewalDue());
            row.add(r.total());
            rows.add(row);
        }
        return rows;
    }

    public void export(String by, Actor actor, HttpServletResponse response) throws IOException {
        List<List<?>> rows = rows(by, actor);
        String filename = "pipeline-" + ("industry".equals(by) ? "industry" : "county") + ".xlsx";
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8));
        Xlsx.write(response.getOutputStream(), "pipeline", header(by), rows);
    }
}
