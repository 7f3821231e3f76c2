package org.gongtong.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gongtong.identity.Actor;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.Xlsx;
import org.gongtong.search.Visibility;
import org.springframework.stereotype.Service;

/**
 * Needs, results, experts and patents in and out of Excel: one column list per record type serves
 * the import template, the reading of an uploaded sheet (headers in Chinese or English, any order)
 * and the export of any filtered list (scoped to the caller, so confidential needs of other
 * organisations are never written). An export can be imported again: the extra export columns
 * (id, organisation name, county, status) are ignored on import.
 */
@Service
public class MarketSheets {

    /** The record types that go in and out of Excel. */
    public enum Kind {
        NEED("needs"),
        RESULT("results"),
        EXPERT("experts"),
        PATENT("patents");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }

        /** The name used in URLs and file names ({@code needs}, {@code results}, ...). */
        public String plural() {
            return plural;
        }

        /** The kind named by a URL segment or a form value, case-insensitively; null if none. */
        public static Kind of(String name) {
            if (name == null) {
                return null;
            }
            String n = name.strip().toLowerCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.plural.equals(n) || k.name().toLowerCase(Locale.ROOT).equals(n)) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * A column: the form field it fills ({@code key}), its header's message key, whether the
     * template marks it required, and whether it is read on import (the export-only ones are not).
     */
    record Column(String key, String label, boolean required, boolean imported) {}

    private static Column in(String key, String label) {
        return new Column(key, label, false, true);
    }

    private static Column req(String key, String label) {
        return new Column(key, label, true, true);
    }

    private static Column out(String key, String label) {
        return new Column(key, label, false, false);
    }

    static final Map<Kind, List<Column>> COLUMNS = Map.of(
            Kind.NEED,
            List.of(
                    out("id", "market.field.id"),
                    req("title", "market.field.title"),
                    req("description", "market.field.description"),
                    in("industry", "market.field.industry"),
                    in("field", "market.field.field"),
                    in("budgetMin", "market.field.budgetMin"),
                    in("budgetMax", "market.field.budgetMax"),
                    req("cooperation", "market.field.cooperation"),
                    in("deadline", "market.field.deadline"),
                    in("visibility", "market.field.visibility"),
                    in("organisationId", "market.field.organisationId"),
                    out("organisationName", "market.field.organisation"),
                    out("county", "market.field.county"),
                    out("status", "market.field.status")),
            Kind.RESULT,
            List.of(
                    out("id", "market.field.id"),
                    req("title", "market.field.title"),
                    req("summary", "market.field.summary"),
                    in("trl", "market.field.trl"),
                    in("ipSummary", "market.field.ip"),
                    in("industry", "market.field.industry"),
                    in("field", "market.field.field"),
                    req("cooperation", "market.field.cooperation"),
                    in("price", "market.field.price"),
                    in("terms", "market.field.terms"),
                    in("visibility", "market.field.visibility"),
                    in("organisationId", "market.field.organisationId"),
                    out("organisationName", "market.field.organisation"),
                    out("county", "market.field.county")),
            Kind.EXPERT,
            List.of(
                    out("id", "market.field.id"),
                    req("name", "market.field.name"),
                    in("title", "market.field.expertTitle"),
                    req("fields", "market.field.fields"),
                    in("profile", "market.field.profile"),
                    in("cooperationHistory", "market.field.history"),
                    in("organisationId", "market.field.organisationId"),
                    out("organisationName", "market.field.organisation")),
            Kind.PATENT,
            List.of(
                    out("id", "market.field.id"),
                    req("number", "market.field.patentNumber"),
                    req("title", "market.field.title"),
                    in("summary", "market.field.abstract"),
                    in("ipc", "market.field.ipc"),
                    in("status", "market.field.patentStatus"),
                    in("ownerOrganisationId", "market.field.owner"),
                    in("resultId", "market.field.resultId")));

    /** One data row of an uploaded sheet: its row number as Excel shows it, the form, parse errors. */
    public record SheetRow(int row, Object form, List<FieldError> parseErrors) {}

    private final Market market;
    private final Messages messages;

    MarketSheets(Market market, Messages messages) {
        this.market = market;
        this.messages = messages;
    }

    /** The header of a column as the caller reads it (with * on required import columns). */
    public String header(Kind kind, String key) {
        return COLUMNS.get(kind).stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .map(c -> messages.get(c.label()))
                .orElse(key);
    }

    // ------------------------------------------------------------------ template and export

    /** The import template of a kind: the importable columns and one example row. */
    public void template(Kind kind, OutputStream out) throws IOException {
        List<Column> cols = COLUMNS.get(kind).stream().filter(Column::imported).toList();
        List<String> header = cols.stream()
                .map(c -> messages.get(c.label()) + (c.required() ? "*" : ""))
                .toList();
        Xlsx.write(out, kind.plural(), header, List.of(example(kind, cols)));
    }

    private List<?> example(Kind kind, List<Column> cols) {
        Map<String, Object> v = new HashMap<>();
        String coop = label(Cooperation.TRANSFER) + "、" + label(Cooperation.LICENCE);
        switch (kind) {
            case NEED -> {
                v.put("title", "冷库果蔬保鲜期短");
                v.put("description", "冷库贮藏的苹果三个月后腐烂率高，希望引进保鲜技术。");
                v.put("industry", "现代高效农业");
                v.put("field", "农产品保鲜");
                v.put("budgetMin", new BigDecimal("200000"));
                v.put("budgetMax", new BigDecimal("500000"));
                v.put("cooperation", coop);
                v.put("deadline", LocalDate.of(2027, 6, 30));
                v.put("visibility", messages.get("market.vis.MEMBERS"));
            }
            case RESULT -> {
                v.put("title", "果蔬减压贮藏保鲜技术");
                v.put("summary", "利用低压环境降低果蔬呼吸强度并排除乙烯，延长贮藏期。");
                v.put("trl", 7);
                v.put("ipSummary", "发明专利 1 项");
                v.put("industry", "现代高效农业");
                v.put("field", "农产品保鲜");
                v.put("cooperation", coop);
                v.put("price", new BigDecimal("800000"));
                v.put("visibility", messages.get("market.vis.PUBLIC"));
            }
            case EXPERT -> {
                v.put("name", "张明");
                v.put("title", "教授");
                v.put("fields", "农产品贮藏保鲜；冷链物流");
                v.put("profile", "长期从事果蔬采后生理研究。");
            }
            case PATENT -> {
                v.put("number", "CN202310000000.0");
                v.put("title", "一种果蔬减压贮藏装置");
                v.put("summary", "本发明公开了一种减压贮藏装置。");
                v.put("ipc", "A23B7/148");
                v.put("status", "GRANTED");
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        List<Object> row = new ArrayList<>();
        cols.forEach(c -> row.add(v.get(c.key())));
        return row;
    }

    /** The export of a list: every column of the kind, one row a record, in the caller's language. */
    public void export(Kind kind, List<?> records, OutputStream out) throws IOException {
        List<Column> cols = COLUMNS.get(kind);
        List<String> header = cols.stream().map(c -> messages.get(c.label())).toList();
        List<List<?>> rows = new ArrayList<>();
        for (Object r : records) {
            Map<String, Object> v = values(r);
            List<Object> row = new ArrayList<>();
            cols.forEach(c -> row.add(v.get(c.key())));
            rows.add(row);
        }
        Xlsx.write(out, kind.plural(), header, rows);
    }

    /** Needs the actor may see under these filters, written as .xlsx (confidential ones of others never). */
    public void exportNeeds(NeedCriteria c, Actor actor, OutputStream out) throws IOException {
        export(Kind.NEED, market.allNeeds(c, actor), out);
    }

    public void exportResults(ResultCriteria c, Actor actor, OutputStream out) throws IOException {
        export(Kind.RESULT, market.allResults(c, actor), out);
    }

    public void exportExperts(String q, OutputStream out) throws IOException {
        export(Kind.EXPERT, market.experts(q), out);
    }

    public void exportPatents(Long resultId, Actor actor, OutputStream out) throws IOException {
        export(Kind.PATENT, market.patents(resultId, actor), out);
    }

    private Map<String, Object> values(Object record) {
        Map<String, Object> v = new HashMap<>();
        if (record instanceof TechNeed n) {
            v.put("id", n.id());
            v.put("title", n.title());
            v.put("description", n.description());
            v.put("industry", n.industry());
            v.put("field", n.field());
            v.put("budgetMin", n.budgetMin());
            v.put("budgetMax", n.budgetMax());
            v.put("cooperation", labels(n.cooperation()));
            v.put("deadline", n.deadline());
            v.put("visibility", messages.get("market.vis." + n.visibility().name()));
            v.put("organisationId", n.organisationId());
            v.put("organisationName", n.organisationName());
            v.put("county", n.county());
            v.put("status", n.status());
        } else if (record instanceof TechResult r) {
            v.put("id", r.id());
            v.put("title", r.title());
            v.put("summary", r.summary());
            v.put("trl", r.trl());
            v.put("ipSummary", r.ipSummary());
            v.put("industry", r.industry());
            v.put("field", r.field());
            v.put("cooperation", labels(r.cooperation()));
            v.put("price", r.price());
            v.put("terms", r.terms());
            v.put("visibility", messages.get("market.vis." + r.visibility().name()));
            v.put("organisationId", r.organisationId());
            v.put("organisationName", r.organisationName());
            v.put("county", r.county());
        } else if (record instanceof Expert e) {
            v.put("id", e.id());
            v.put("name", e.name());
            v.put("title", e.title());
            v.put("fields", e.fields());
            v.put("profile", e.profile());
            v.put("cooperationHistory", e.cooperationHistory());
            v.put("organisationId", e.organisationId());
            v.put("organisationName", e.organisationName());
        } else if (record instanceof Patent p) {
            v.put("id", p.id());
            v.put("number", p.number());
            v.put("title", p.title());
            v.put("summary", p.summary());
            v.put("ipc", p.ipc());
            v.put("status", p.status());
            v.put("ownerOrganisationId", p.ownerOrganisationId());
            v.put("resultId", p.resultId());
        }
        return v;
    }

    private String label(Cooperation c) {
        return messages.get("market.coop." + c.name());
    }

    private String labels(List<Cooperation> list) {
        return String.join("、", list.stream().map(this::label).toList());
    }

    // ------------------------------------------------------------------ reading an upload

    /**
     * Reads the first sheet of an upload into forms of the kind; headers may be the Chinese or
     * English ones or the field names, in any order. Blank rows are skipped.
     *
     * @throws IllegalArgumentException (with the message to show) when a required column is missing
     */
    public List<SheetRow> read(Kind kind, InputStream in) throws IOException {
        List<SheetRow> out = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            Iterator<Row> rows = sheet.rowIterator();
            if (!rows.hasNext()) {
                return out;
            }
            Map<String, Integer> index = headerIndex(kind, rows.next());
            List<String> missing = COLUMNS.get(kind).stream()
                    .filter(c -> c.required() && !index.containsKey(c.key()))
                    .map(c -> messages.get(c.label()))
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(messages.get("market.import.badHeader", String.join("、", missing)));
            }
            while (rows.hasNext()) {
                Row r = rows.next();
                Map<String, String> v = new HashMap<>();
                for (var e : index.entrySet()) {
                    String text = Xlsx.text(r.getCell(e.getValue()));
                    if (text != null) {
                        v.put(e.getKey(), text);
                    }
                }
                if (v.isEmpty()) {
                    continue;
                }
                List<FieldError> errors = new ArrayList<>();
                out.add(new SheetRow(r.getRowNum() + 1, form(kind, new Cells(v, errors)), errors));
            }
        }
        return out;
    }

    private Object form(Kind kind, Cells v) {
        return switch (kind) {
            case NEED ->
                new NeedForm(
                        v.text("title"),
                        v.text("description"),
                        v.text("industry"),
                        v.text("field"),
                        v.money("budgetMin"),
                        v.money("budgetMax"),
                        v.cooperation("cooperation"),
                        v.date("deadline"),
                        v.visibility("visibility"),
                        v.id("organisationId"));
            case RESULT ->
                new ResultForm(
                        v.text("title"),
                        v.text("summary"),
                        v.integer("trl"),
                        v.text("ipSummary"),
                        v.text("industry"),
                        v.text("field"),
                        v.cooperation("cooperation"),
                        v.money("price"),
                        v.text("terms"),
                        v.visibility("visibility"),
                        v.id("organisationId"));
            case EXPERT ->
                new Market.ExpertForm(
                        v.id("organisationId"),
                        v.text("name"),
                        v.text("title"),
                        v.text("fields"),
                        v.text("profile"),
                        v.text("cooperationHistory"));
            case PATENT ->
                new Patent(
                        0,
                        v.text("number"),
                        v.text("title"),
                        v.text("summary"),
                        v.text("ipc"),
                        v.text("status"),
                        v.id("ownerOrganisationId"),
                        v.id("resultId"),
                        false);
        };
    }

    private Map<String, Integer> headerIndex(Kind kind, Row header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.getLastCellNum(); i++) {
            String h = Xlsx.text(header.getCell(i));
            if (h == null) {
                continue;
            }
            String norm = norm(h);
            for (Column col : COLUMNS.get(kind)) {
                if (col.imported()
                        && (norm.equals(norm(col.key()))
                                || norm.equals(norm(messages.get(Locale.SIMPLIFIED_CHINESE, col.label())))
                                || norm.equals(norm(messages.get(Locale.ENGLISH, col.label()))))) {
                    index.putIfAbsent(col.key(), i);
                }
            }
        }
        return index;
    }

    private static String norm(String s) {
        return s.replace("*", "").strip().toLowerCase(Locale.ROOT);
    }

    /** The cells of one row by field, collecting what cannot be read. */
    private final class Cells {
        private final Map<String, String> v;
        private final List<FieldError> errors;

        Cells(Map<String, String> v, List<FieldError> errors) {
            this.v = v;
            this.errors = errors;
        }

        String text(String key) {
            return v.get(key);
        }

        private <T> T parse(String key, String messageKey, Function<String, T> parser) {
            String s = v.get(key);
            if (s == null) {
                return null;
            }
            try {
                return parser.apply(s);
            } catch (RuntimeException e) {
                errors.add(new FieldError(key, messages.get(messageKey, s)));
                return null;
            }
        }

        BigDecimal money(String key) {
            return parse(
                    key,
                    "validation.number",
                    s -> new BigDecimal(
                            s.replace(",", "").replace("，", "").replace("¥", "").strip()));
        }

        Integer integer(String key) {
            return parse(key, "validation.integer", s -> new BigDecimal(s.replace(",", "")).intValueExact());
        }

        Long id(String key) {
            return parse(key, "validation.integer", s -> new BigDecimal(s.replace(",", "")).longValueExact());
        }

        LocalDate date(String key) {
            return parse(key, "validation.date", s -> {
                try {
                    return LocalDate.parse(s.replace('/', '-').replace('.', '-'));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(e);
                }
            });
        }

        /** Cooperation forms as names (TRANSFER) or labels in either language, separated by 、,;or spaces. */
        List<Cooperation> cooperation(String key) {
            String s = v.get(key);
            List<Cooperation> out = new ArrayList<>();
            if (s == null) {
                return out;
            }
            for (String part : s.split("[、,，;；/\\n]+")) {
                if (part.isBlank()) {
                    continue;
                }
                Cooperation c = named(Cooperation.values(), part, "market.coop.");
                if (c == null) {
                    errors.add(new FieldError(key, messages.get("market.error.cooperationInvalid", part)));
                } else if (!out.contains(c)) {
                    out.add(c);
                }
            }
            return out;
        }

        Visibility visibility(String key) {
            String s = v.get(key);
            if (s == null) {
                return null;
            }
            Visibility vis = named(Visibility.values(), s, "market.vis.");
            if (vis == null) {
                errors.add(new FieldError(key, messages.get("market.error.visibilityInvalid", s)));
            }
            return vis;
        }

        private <E extends Enum<E>> E named(E[] values, String text, String prefix) {
            String t = norm(text);
            for (E e : values) {
                if (t.equals(norm(e.name()))
                        || t.equals(norm(messages.get(Locale.SIMPLIFIED_CHINESE, prefix + e.name())))
                        || t.equals(norm(messages.get(Locale.ENGLISH, prefix + e.name())))) {
                    return e;
                }
            }
            return null;
        }
    }
}
