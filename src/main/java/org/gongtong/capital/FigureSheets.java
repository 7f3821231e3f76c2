package org.gongtong.capital;

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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Request parameters to {@link FigureCriteria}; the rows as labelled cells or .xlsx. */
@Component
public class FigureSheets {

    private final CapitalFigures figures;
    private final ReferenceData reference;
    private final Messages messages;

    FigureSheets(CapitalFigures figures, ReferenceData reference, Messages messages) {
        this.figures = figures;
        this.reference = reference;
        this.messages = messages;
    }

    public FigureCriteria criteria(String source, String fundKind, String investorKind, Boolean local, String county) {
        FigureCriteria.Source s = parse(FigureCriteria.Source.class, "source", source);
        if (s == null) {
            throw DomainException.invalid("source", "capital.choiceInvalid", List.of(FigureCriteria.Source.values()));
        }
        String c = null;
        if (county != null && !county.isBlank()) {
            c = reference
                    .county(county)
                    .map(ReferenceData.County::code)
                    .orElseThrow(() -> DomainException.invalid("county", "organisation.countyUnknown", county));
        }
        return new FigureCriteria(
                s,
                parse(FundKind.class, "fundKind", fundKind),
                parse(FundKind.class, "investorKind", investorKind),
                local,
                c);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "capital.choiceInvalid", List.of(type.getEnumConstants()));
        }
    }

    public String title(FigureCriteria c) {
        return messages.get("capital.figures." + c.source().name());
    }

    public List<String> header(FigureCriteria c) {
        String p = "capital.figures.col." + c.source().name() + ".";
        return Arrays.asList(
                "#",
                messages.get(p + "subject"),
                messages.get(p + "counterpart"),
                messages.get(p + "detail"),
                messages.get("capital.col.date"),
                messages.get("capital.col.amount"),
                messages.get("capital.figures.col.county"));
    }

    public List<?> row(CapitalFigures.Row r) {
        return Arrays.asList(
                r.id(), r.subject(), r.counterpart(), r.detail(), r.date(), r.amount(), countyLabel(r.county()));
    }

    public String countyLabel(String code) {
        if (code == null) {
            return "";
        }
        ReferenceData.County c = reference.countiesByCode().get(code);
        return c == null ? code : c.label(LocaleContextHolder.getLocale());
    }

    public void export(FigureCriteria criteria, Actor actor, HttpServletResponse response) throws IOException {
        FigureCriteria c = figures.scoped(criteria, actor);
        List<List<?>> rows = new ArrayList<>();
        figures.forEach(c, r -> rows.add(row(r)));
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"capital-" + c.source().name().toLowerCase(Locale.ROOT) + ".xlsx\"");
        Xlsx.write(response.getOutputStream(), c.source().name(), header(c), rows);
    }
}
