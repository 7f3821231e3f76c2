package org.gongtong.market;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of needs, results, experts and patents.
 *
 * <p>From Excel (.xlsx), like the registry's organisation import: every row is read and checked
 * first with the same checks as a single create (nothing written); then, in one transaction,
 * either nothing is imported when any row failed ({@link Mode#ALL_OR_NOTHING}) or exactly the
 * valid rows are ({@link Mode#VALID_ROWS}). Each record is audited and indexed after the commit
 * like any other change, and the import itself is audited. The report names each rejected row,
 * field and reason in the caller's language.
 *
 * <p>From JSON Lines (needs and results): each row is created in its own transaction, and the
 * report tells per row whether it was created (with its id) or why not.
 */
@Service
public class MarketImports {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MarketImports.class);

    public enum Mode {
        ALL_OR_NOTHING,
        VALID_ROWS
    }

    /** One rejected cell: the sheet row (as Excel numbers it), the field, its column header and why. */
    public record RowError(int row, String field, String column, String message) {}

    /**
     * What an Excel import did.
     *
     * @param id the import's id (its audit entry is {@code market.import} on entity type {@code
     *     kind.plural()} with this id)
     * @param done false when the file could not be read or the write failed (nothing imported)
     * @param importedRows the sheet rows imported, with {@code ids} the records created for them
     */
    public record Report(
            String id,
            MarketSheets.Kind kind,
            Mode mode,
            boolean done,
            int totalRows,
            int imported,
            int rejectedRows,
            List<RowError> errors,
            List<Integer> importedRows,
            List<Long> ids,
            String message) {}

    private final Market market;
    private final MarketSheets sheets;
    private final AuditLog audit;
    private final Messages messages;
    private final TransactionTemplate tx;
    private final ObjectMapper json = new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    MarketImports(
            Market market,
            MarketSheets sheets,
            AuditLog audit,
            Messages messages,
            PlatformTransactionManager transactions) {
        this.market = market;
        this.sheets = sheets;
        this.audit = audit;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactions);
    }

    // ------------------------------------------------------------------ Excel

    /** Imports an uploaded .xlsx of the kind and returns the per-row report. */
    public Report fromXlsx(MarketSheets.Kind kind, byte[] xlsx, Mode mode, Actor actor) {
        Mode m = mode == null ? Mode.ALL_OR_NOTHING : mode;
        String importId = java.util.UUID.randomUUID().toString();
        List<MarketSheets.SheetRow> rows;
        try {
            rows = sheets.read(kind, new ByteArrayInputStream(xlsx == null ? new byte[0] : xlsx));
        } catch (IllegalArgumentException e) {
            return failed(importId, kind, m, 0, List.of(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            return failed(importId, kind, m, 0, List.of(), messages.get("import.unreadable"));
        }
        List<RowError> errors = new ArrayList<>();
        Map<Integer, Market.Checked<?>> valid = new LinkedHashMap<>();
        Map<String, Integer> numbersInFile = new HashMap<>();
        for (MarketSheets.SheetRow row : rows) {
            List<FieldError> problems = new ArrayList<>(row.parseErrors());
            Market.Checked<?> checked = null;
            if (problems.isEmpty()) {
                try {
                    checked = check(kind, row.form(), actor);
                } catch (ValidationException e) {
                    problems.addAll(e.errors());
                } catch (DomainException e) {
                    problems.add(new FieldError(
                            e.field() == null ? firstField(kind) : e.field(), messages.get(e.messageKey(), e.args())));
                }
            }
            if (checked != null && checked.form() instanceof Patent p) {
                Integer first = numbersInFile.putIfAbsent(p.number(), row.row());
                if (first != null) {
                    problems.add(
                            new FieldError("number", messages.get("market.import.numberRepeated", p.number(), first)));
                }
            }
            if (problems.isEmpty()) {
                valid.put(row.row(), checked);
            } else {
                problems.forEach(f ->
                        errors.add(new RowError(row.row(), f.field(), sheets.header(kind, f.field()), f.message())));
            }
        }
        int rejected = rows.size() - valid.size();
        if (m == Mode.ALL_OR_NOTHING && rejected > 0) {
            return new Report(
                    importId,
                    kind,
                    m,
                    true,
                    rows.size(),
                    0,
                    rejected,
                    errors,
                    List.of(),
                    List.of(),
                    messages.get("import.nothingImported", rejected));
        }
        List<Long> ids;
        try {
            ids = tx.execute(status -> {
                List<Long> created = new ArrayList<>();
                for (Market.Checked<?> c : valid.values()) {
                    created.add(insert(kind, c, actor));
                }
                audit.record(
                        "market.import",
                        kind.plural(),
                        importId,
                        null,
                        Map.of(
                                "mode", m.name(),
                                "rows", rows.size(),
                                "imported", created.size(),
                                "rejected", rejected,
                                "ids", created));
                return created;
            });
        } catch (RuntimeException e) {
            log.warn("Market import {} of {} rolled back", importId, kind.plural(), e);
            return failed(importId, kind, m, rows.size(), errors, messages.get("import.failedNothing"));
        }
        return new Report(
                importId,
                kind,
                m,
                true,
                rows.size(),
                ids.size(),
                rejected,
                errors,
                List.copyOf(valid.keySet()),
                ids,
                messages.get("import.done", ids.size(), rejected));
    }

    private static Report failed(
            String id, MarketSheets.Kind kind, Mode mode, int total, List<RowError> errors, String message) {
        return new Report(id, kind, mode, false, total, 0, 0, errors, List.of(), List.of(), message);
    }

    private Market.Checked<?> check(MarketSheets.Kind kind, Object form, Actor actor) {
        return switch (kind) {
            case NEED -> market.checkNeed((NeedForm) form, actor);
            case RESULT -> market.checkResult((ResultForm) form, actor);
            case EXPERT -> market.checkExpert((Market.ExpertForm) form, actor);
            case PATENT -> market.checkPatent((Patent) form, actor);
        };
    }

    @SuppressWarnings("unchecked")
    private long insert(MarketSheets.Kind kind, Market.Checked<?> c, Actor actor) {
        return switch (kind) {
            case NEED ->
                market.insertNeed((Market.Checked<NeedForm>) c, actor, false).id();
            case RESULT ->
                market.insertResult((Market.Checked<ResultForm>) c, false).id();
            case EXPERT ->
                market.insertExpert((Market.Checked<Market.ExpertForm>) c, false)
                        .id();
            case PATENT ->
                market.insertPatent((Market.Checked<Patent>) c, false).id();
        };
    }

    /** The column a refusal without a field is about: who the record is for. */
    private static String firstField(MarketSheets.Kind kind) {
        return kind == MarketSheets.Kind.PATENT ? "resultId" : "organisationId";
    }

    /** One row of an import report: line number, created id or the errors. */
    public record RowReport(int row, Long id, List<String> errors) {
        public boolean ok() {
            return id != null;
        }
    }

    public List<RowReport> needsFromJsonLines(String body, Actor actor) {
        return lines(
                body,
                line -> market.createNeed(json.readValue(line, NeedForm.class), actor)
                        .id());
    }

    public List<RowReport> resultsFromJsonLines(String body, Actor actor) {
        return lines(
                body,
                line -> market.createResult(json.readValue(line, ResultForm.class), actor)
                        .id());
    }

    interface Row {
        long create(String line) throws Exception;
    }

    private List<RowReport> lines(String body, Row create) {
        List<RowReport> out = new ArrayList<>();
        String[] lines = body == null ? new String[0] : body.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            out.add(row(i + 1, line, create));
        }
        return out;
    }

    private RowReport row(int number, String line, Row create) {
        try {
            return new RowReport(number, create.create(line), List.of());
        } catch (ValidationException e) {
            return new RowReport(
                    number,
                    null,
                    e.errors().stream().map(f -> f.field() + ": " + f.message()).toList());
        } catch (DomainException e) {
            return new RowReport(number, null, List.of(messages.get(e.messageKey(), e.args())));
        } catch (Exception e) {
            return new RowReport(number, null, List.of(messages.get("market.error.unreadableRow")));
        }
    }
}
