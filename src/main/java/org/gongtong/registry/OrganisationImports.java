package org.gongtong.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports organisations from .xlsx. Every row is checked first (fields, USCC check character,
 * duplicates in the file and in the registry); then, in one transaction, either nothing is
 * imported when any row failed ({@link Mode#ALL_OR_NOTHING}) or exactly the valid rows are
 * ({@link Mode#VALID_ROWS}). The report names each rejected row, field and reason.
 *
 * <p>Imports run as jobs so a page can show progress; the API can also wait for the result.
 */
@Service
public class OrganisationImports {

    public enum Mode {
        ALL_OR_NOTHING,
        VALID_ROWS
    }

    public enum State {
        VALIDATING,
        IMPORTING,
        DONE,
        FAILED
    }

    /** One rejected cell: the sheet row (as Excel numbers it), the field and why. */
    public record RowError(int row, String field, String message) {}

    /** Where a job stands, and when done, what it did. */
    public record Report(
            String id,
            State state,
            Mode mode,
            int totalRows,
            int processed,
            int imported,
            int rejectedRows,
            List<RowError> errors,
            List<Integer> importedRows,
            String message,
            Instant startedAt,
            Instant finishedAt) {

        public int percent() {
            if (state == State.DONE || state == State.FAILED) {
                return 100;
            }
            if (totalRows == 0) {
                return 0;
            }
            // validation is the first half of the work, writing the second
            int half = state == State.VALIDATING ? 0 : 50;
            return Math.min(99, half + processed * 50 / totalRows);
        }
    }

    private final OrganisationSheets sheets;
    private final OrganisationValidator validator;
    private final Organisations organisations;
    private final Registry registry;
    private final AuditLog audit;
    private final Messages messages;
    private final TransactionTemplate tx;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "organisation-import");
        t.setDaemon(true);
        return t;
    });

    OrganisationImports(
            OrganisationSheets sheets,
            OrganisationValidator validator,
            Organisations organisations,
            Registry registry,
            AuditLog audit,
            Messages messages,
            PlatformTransactionManager transactions) {
        this.sheets = sheets;
        this.validator = validator;
        this.organisations = organisations;
        this.registry = registry;
        this.audit = audit;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Starts an import in the background; poll {@link #report(String)} for progress. */
    public String start(byte[] xlsx, Mode mode, Actor actor) {
        if (!actor.canRegisterOrganisations()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Job job = new Job(UUID.randomUUID().toString(), mode, actor);
        remember(job);
        SecurityContext context = SecurityContextHolder.getContext();
        var locale = LocaleContextHolder.getLocale();
        executor.submit(() -> {
            SecurityContextHolder.setContext(context);
            LocaleContextHolder.setLocale(locale);
            try {
                run(job, xlsx);
            } finally {
                SecurityContextHolder.clearContext();
                LocaleContextHolder.resetLocaleContext();
            }
        });
        return job.id;
    }

    /** Runs an import and waits for its report (API callers). */
    public Report importNow(byte[] xlsx, Mode mode, Actor actor) {
        if (!actor.canRegisterOrganisations()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Job job = new Job(UUID.randomUUID().toString(), mode, actor);
        remember(job);
        run(job, xlsx);
        return job.report();
    }

    /** Keeps a job for its report; reports of jobs finished over a day ago are dropped. */
    private void remember(Job job) {
        Instant cutoff = Instant.now().minus(java.time.Duration.ofDays(1));
        jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(cutoff));
        jobs.put(job.id, job);
    }

    public Optional<Report> report(String id) {
        Job job = jobs.get(id);
        if (job == null || !job.actor.username().equals(Actor.currentOrSystem().username())) {
            return Optional.empty();
        }
        return Optional.of(job.report());
    }

    private void run(Job job, byte[] xlsx) {
        try {
            List<OrganisationSheets.SheetRow> rows;
            try {
                rows = sheets.read(new ByteArrayInputStream(xlsx));
            } catch (IOException | RuntimeException e) {
                job.fail(e instanceof IllegalArgumentException ? e.getMessage() : messages.get("import.unreadable"));
                return;
            }
            job.total = rows.size();
            List<OrganisationValidator.Checked> valid = new ArrayList<>();
            List<Integer> validRows = new ArrayList<>();
            Set<Integer> rejected = new HashSet<>();
            Map<String, Integer> usccInFile = new HashMap<>();
            for (OrganisationSheets.SheetRow row : rows) {
                List<FieldError> errors = new ArrayList<>(row.parseErrors());
                OrganisationValidator.Checked c = validator.check(row.form());
                errors.addAll(c.errors());
                if (c.valid() && !job.actor.canEdit(-1, c.county())) {
                    // a county officer imports organisations of its own county only (-1: a new one)
                    errors.add(new FieldError("county", messages.get("problem.forbidden")));
                }
                if (c.uscc() != null
                        && c.errors().stream().noneMatch(e -> e.field().equals("uscc"))) {
                    Integer first = usccInFile.putIfAbsent(c.uscc(), row.row());
                    if (first != null) {
                        errors.add(new FieldError("uscc", messages.get("import.usccRepeated", c.uscc(), first)));
                    } else if (organisations.idByUscc(c.uscc()).isPresent()) {
                        errors.add(new FieldError("uscc", messages.get("uscc.duplicate", c.uscc())));
                    }
                }
                if (errors.isEmpty()) {
                    valid.add(c);
                    validRows.add(row.row());
                } else {
                    rejected.add(row.row());
                    errors.forEach(e -> job.errors.add(new RowError(row.row(), e.field(), e.message())));
                }
                job.processed.incrementAndGet();
            }
            if (job.mode == Mode.ALL_OR_NOTHING && !rejected.isEmpty()) {
                job.rejectedRows = rejected.size();
                job.finish(0, List.of(), messages.get("import.nothingImported", rejected.size()));
                return;
            }
            job.rejectedRows = rejected.size();
            job.state = State.IMPORTING;
            job.processed.set(0);
            tx.executeWithoutResult(status -> {
                for (OrganisationValidator.Checked c : valid) {
                    registry.insertChecked(c, false);
                    job.processed.incrementAndGet();
                }
                audit.record(
                        "ORGANISATIONS_IMPORTED",
                        "registry",
                        job.id,
                        null,
                        Map.of("mode", job.mode.name(), "imported", valid.size(), "rejected", rejected.size()));
            });
            job.finish(valid.size(), validRows, messages.get("import.done", valid.size(), rejected.size()));
        } catch (ValidationException | DomainException e) {
            job.fail(messages.get("import.failedNothing") + " " + e.getMessage());
        } catch (RuntimeException e) {
            job.fail(messages.get("import.failedNothing"));
            throw e;
        }
    }

    private static final class Job {
        final String id;
        final Mode mode;
        final Actor actor;
        final Instant startedAt = Instant.now();
        final AtomicInteger processed = new AtomicInteger();
        final List<RowError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile State state = State.VALIDATING;
        volatile int total;
        volatile int imported;
        volatile int rejectedRows;
        volatile List<Integer> importedRows = List.of();
        volatile String message;
        volatile Instant finishedAt;

        Job(String id, Mode mode, Actor actor) {
            this.id = id;
            this.mode = mode;
            this.actor = actor;
        }

        void finish(int imported, List<Integer> rows, String message) {
            this.imported = imported;
            this.importedRows = List.copyOf(rows);
            this.message = message;
            this.finishedAt = Instant.now();
            this.state = State.DONE;
        }

        void fail(String message) {
            this.message = message;
            this.imported = 0;
            this.importedRows = List.of();
            this.finishedAt = Instant.now();
            this.state = State.FAILED;
        }

        Report report() {
            List<RowError> copy;
            synchronized (errors) {
                copy = List.copyOf(errors);
            }
            return new Report(
                    id,
                    state,
                    mode,
                    total,
                    processed.get(),
                    imported,
                    rejectedRows,
                    copy,
                    importedRows,
                    message,
                    startedAt,
                    finishedAt);
        }
    }
}
