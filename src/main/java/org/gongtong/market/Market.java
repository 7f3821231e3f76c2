package org.gongtong.market;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.OrganisationDirectory;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.search.Matching;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SearchDocumentChanged;
import org.gongtong.search.SearchHit;
import org.gongtong.search.SearchQuery;
import org.gongtong.search.SearchScope;
import org.gongtong.search.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The market's public service: needs and results (validated, audited, indexed after commit), their
 * scoped lists and exports, and matching in both directions.
 */
@Service
public class Market {

    public static final String NEED = "need";
    public static final String RESULT = "result";
    public static final String EXPERT = "expert";

    private final Needs needs;
    private final Results results;
    private final Experts experts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Matching matching;
    private final OrganisationDirectory directory;
    private final Messages messages;
    private final Clock clock;

    Market(
            Needs needs,
            Results results,
            Experts experts,
            AuditLog audit,
            ApplicationEventPublisher events,
            Matching matching,
            OrganisationDirectory directory,
            Messages messages,
            Clock clock) {
        this.needs = needs;
        this.results = results;
        this.experts = experts;
        this.audit = audit;
        this.events = events;
        this.matching = matching;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- needs

    @Transactional
    public TechNeed createNeed(NeedForm form, Actor actor) {
        return createNeed(form, actor, false);
    }

    @Transactional
    public TechNeed createNeed(NeedForm form, Actor actor, boolean demo) {
        return insertNeed(checkNeed(form, actor), actor, demo);
    }

    /** A form that passed every check, normalised, with the organisation it is recorded for. */
    record Checked<F>(F form, Long organisationId) {}

    /**
     * Checks a need without writing anything: a {@link ValidationException} lists the rejected
     * fields, a {@link DomainException} says why the actor may not post it.
     */
    Checked<NeedForm> checkNeed(NeedForm form, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "title", form.title(), 200);
        required(errors, "description", form.description(), 4000);
        if (form.cooperation() == null || form.cooperation().isEmpty()) {
            errors.add(new FieldError("cooperation", messages.get("market.error.cooperationRequired")));
        }
        if (form.budgetMin() != null
                && form.budgetMax() != null
                && form.budgetMin().compareTo(form.budgetMax()) > 0) {
            errors.add(new FieldError("budgetMax", messages.get("market.error.budgetRange")));
        }
        long org = owner(form.organisationId(), actor, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Checked<>(
                new NeedForm(
                        form.title().strip(),
                        form.description().strip(),
                        NeedCriteria.blank(form.industry()),
                        NeedCriteria.blank(form.field()),
                        form.budgetMin(),
                        form.budgetMax(),
                        form.cooperation(),
                        form.deadline(),
                        form.visibility() == null ? Visibility.MEMBERS : form.visibility(),
                        org),
                org);
    }

    /** Writes a checked need (in the caller's transaction): audited, indexed after commit, matched. */
    TechNeed insertNeed(Checked<NeedForm> c, Actor actor, boolean demo) {
        long org = c.organisationId();
        long id = needs.insert(c.form(), org, actor.userId() == 0 ? null : actor.userId(), demo, clock.instant());
        TechNeed need = needs.find(id).orElseThrow();
        audit.record("market.need.create", "tech_need", id, null, need.title() + " [" + need.visibility() + "]");
        events.publishEvent(new SearchDocumentChanged(document(need)));
        if (demo) {
            // demo needs notify no one, so they are not matched (on a first start that was the only
            // reason the Chinese analyser's dictionaries were loaded before readiness; ADR 0064)
            return need;
        }
        List<SearchHit> found = matching.match(Matching.MatchRequest.of(
                need.title() + "\n" + need.description(), need.industry(), SearchScope.ALL, 5, RESULT, EXPERT));
        if (!found.isEmpty()) {
            events.publishEvent(new NotificationRequested(
                    "market",
                    NotificationRequested.Category.RESULT,
                    NotificationRequested.Audience.organisation(org),
                    "market.notify.needMatched",
                    List.of(need.title(), String.valueOf(found.size())),
                    "/market/needs/" + id,
                    null,
                    "market.need.matched." + id));
        }
        return need;
    }

    @Transactional(readOnly = true)
    public PageResult<TechNeed> needs(NeedCriteria c, Actor actor, PageRequest page) {
        return needs.page(c, SearchScope.of(actor), page);
    }

    @Transactional(readOnly = true)
    public List<TechNeed> allNeeds(NeedCriteria c, Actor actor) {
        return needs.all(c, SearchScope.of(actor));
    }

    /** A need the actor may see; a confidential need of another organisation is "not found". */
    @Transactional(readOnly = true)
    public TechNeed need(long id, Actor actor) {
        TechNeed n = needs.find(id).orElseThrow(() -> DomainException.notFound("market.error.needNotFound", id));
        if (!SearchScope.of(actor).maySee(n.visibility(), n.organisationId())) {
            throw DomainException.notFound("market.error.needNotFound", id);
        }
        return n;
    }

    // ---------------------------------------------------------------- results

    @Transactional
    public TechResult createResult(ResultForm form, Actor actor) {
        return createResult(form, actor, false);
    }

    @Transactional
    public TechResult createResult(ResultForm form, Actor actor, boolean demo) {
        return insertResult(checkResult(form, actor), demo);
    }

    /** Checks a result without writing anything (see {@link #checkNeed}). */
    Checked<ResultForm> checkResult(ResultForm form, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "title", form.title(), 200);
        required(errors, "summary", form.summary(), 4000);
        if (form.trl() != null && (form.trl() < 1 || form.trl() > 9)) {
            errors.add(new FieldError("trl", messages.get("market.error.trl")));
        }
        if (form.cooperation() == null || form.cooperation().isEmpty()) {
            errors.add(new FieldError("cooperation", messages.get("market.error.cooperationRequired")));
        }
        if (form.price() != null && form.price().signum() < 0) {
            errors.add(new FieldError("price", messages.get("market.error.negative")));
        }
        long org = owner(form.organisationId(), actor, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Checked<>(
                new ResultForm(
                        form.title().strip(),
                        form.summary().strip(),
                        form.trl(),
                        NeedCriteria.blank(form.ipSummary()),
                        NeedCriteria.blank(form.industry()),
                        NeedCriteria.blank(form.field()),
                        form.cooperation(),
                        form.price(),
                        NeedCriteria.blank(form.terms()),
                        form.visibility() == null ? Visibility.PUBLIC : form.visibility(),
                        org),
                org);
    }

    /** Writes a checked result (in the caller's transaction): audited, indexed after commit. */
    TechResult insertResult(Checked<ResultForm> c, boolean demo) {
        long id = results.insert(c.form(), c.organisationId(), demo, clock.instant());
        TechResult r = results.find(id).orElseThrow();
        audit.record("market.result.create", "tech_result", id, null, r.title());
        events.publishEvent(new SearchDocumentChanged(document(r)));
        return r;
    }

    @Transactional(readOnly = true)
    public PageResult<TechResult> results(ResultCriteria c, Actor actor, PageRequest page) {
        return results.page(c, SearchScope.of(actor), page);
    }

    @Transactional(readOnly = true)
    public List<TechResult> allResults(ResultCriteria c, Actor actor) {
        return results.all(c, SearchScope.of(actor));
    }

    @Transactional(readOnly = true)
    public TechResult result(long id, Actor actor) {
        TechResult r = results.find(id).orElseThrow(() -> DomainException.notFound("market.error.resultNotFound", id));
        if (!SearchScope.of(actor).maySee(r.visibility(), r.organisationId())) {
            throw DomainException.notFound("market.error.resultNotFound", id);
        }
        return r;
    }

    // ---------------------------------------------------------------- the public market (portal)

    /**
     * Results an anonymous visitor of the public portal may read: visibility {@link Visibility#PUBLIC}
     * only (members-only and confidential results never leave the platform).
     */
    @Transactional(readOnly = true)
    public PageResult<TechResult> publicResults(ResultCriteria c, PageRequest page) {
        return results.page(c, SearchScope.PUBLIC, page);
    }

    /** A public result; anything not {@link Visibility#PUBLIC} is "not found". */
    @Transactional(readOnly = true)
    public TechResult publicResult(long id) {
        return results.find(id)
                .filter(r -> r.visibility() == Visibility.PUBLIC)
                .orElseThrow(() -> DomainException.notFound("market.error.resultNotFound", id));
    }

    /**
     * Open public needs: visibility {@link Visibility#PUBLIC}, status OPEN and the deadline (if any)
     * not past today.
     */
    @Transactional(readOnly = true)
    public PageResult<TechNeed> publicNeeds(NeedCriteria c, PageRequest page) {
        return needs.page(c, SearchScope.PUBLIC, page, today());
    }

    /** An open public need; anything else (not public, closed, past its deadline) is "not found". */
    @Transactional(readOnly = true)
    public TechNeed publicNeed(long id) {
        return needs.find(id)
                .filter(n -> isOpenPublic(n, today()))
                .orElseThrow(() -> DomainException.notFound("market.error.needNotFound", id));
    }

    static boolean isOpenPublic(TechNeed n, java.time.LocalDate today) {
        return n.visibility() == Visibility.PUBLIC
                && Needs.OPEN.equals(n.status())
                && (n.deadline() == null || !n.deadline().isBefore(today));
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- experts and patents

    /** What an expert is recorded with. */
    public record ExpertForm(
            Long organisationId, String name, String title, String fields, String profile, String cooperationHistory) {}

    @Transactional
    public Expert createExpert(ExpertForm form, Actor actor, boolean demo) {
        return insertExpert(checkExpert(form, actor), demo);
    }

    /** Checks an expert without writing anything (see {@link #checkNeed}). */
    Checked<ExpertForm> checkExpert(ExpertForm form, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "name", form.name(), 100);
        required(errors, "fields", form.fields(), 500);
        optional(errors, "title", form.title(), 100);
        optional(errors, "profile", form.profile(), 4000);
        optional(errors, "cooperationHistory", form.cooperationHistory(), 2000);
        Long org = form.organisationId();
        if (org != null && !actor.citywide() && !org.equals(actor.organisationId())) {
            throw DomainException.forbidden("market.error.notYourOrganisation");
        }
        if (org == null && !actor.citywide()) {
            org = actor.organisationId();
        }
        if (org != null && directory.lookup(org).isEmpty()) {
            errors.add(new FieldError("organisationId", messages.get("market.error.organisationUnknown")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Checked<>(
                new ExpertForm(
                        org,
                        form.name().strip(),
                        NeedCriteria.blank(form.title()),
                        form.fields().strip(),
                        NeedCriteria.blank(form.profile()),
                        NeedCriteria.blank(form.cooperationHistory())),
                org);
    }

    /** Writes a checked expert (in the caller's transaction): audited, indexed after commit. */
    Expert insertExpert(Checked<ExpertForm> c, boolean demo) {
        ExpertForm f = c.form();
        long id = experts.insert(
                c.organisationId(),
                f.name(),
                f.title(),
                f.fields(),
                f.profile(),
                f.cooperationHistory(),
                demo,
                clock.instant());
        Expert e = experts.find(id).orElseThrow();
        audit.record("market.expert.create", "expert", id, null, e.name());
        events.publishEvent(new SearchDocumentChanged(document(e)));
        return e;
    }

    @Transactional(readOnly = true)
    public List<Expert> experts(String q) {
        return experts.list(q);
    }

    @Transactional
    public Patent createPatent(Patent p, Actor actor, boolean demo) {
        return insertPatent(checkPatent(p, actor), demo);
    }

    /**
     * Checks a patent without writing anything: number and title required, the number not yet
     * recorded, a linked result visible to and (unless staff) owned by the actor's organisation.
     */
    Checked<Patent> checkPatent(Patent p, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "number", p.number(), 64);
        required(errors, "title", p.title(), 300);
        optional(errors, "summary", p.summary(), 4000);
        optional(errors, "ipc", p.ipc(), 64);
        optional(errors, "status", p.status(), 32);
        if (p.number() != null
                && !p.number().isBlank()
                && experts.patentNumberTaken(p.number().strip())) {
            errors.add(new FieldError(
                    "number",
                    messages.get("market.error.patentNumberTaken", p.number().strip())));
        }
        if (p.ownerOrganisationId() != null
                && directory.lookup(p.ownerOrganisationId()).isEmpty()) {
            errors.add(new FieldError("ownerOrganisationId", messages.get("market.error.organisationUnknown")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (p.resultId() != null) {
            TechResult r = result(p.resultId(), actor);
            if (!actor.citywide() && !Long.valueOf(r.organisationId()).equals(actor.organisationId())) {
                throw DomainException.forbidden("market.error.notYourOrganisation");
            }
        }
        return new Checked<>(
                new Patent(
                        0,
                        p.number().strip(),
                        p.title().strip(),
                        NeedCriteria.blank(p.summary()),
                        NeedCriteria.blank(p.ipc()),
                        p.status() == null || p.status().isBlank()
                                ? "GRANTED"
                                : p.status().strip(),
                        p.ownerOrganisationId(),
                        p.resultId(),
                        false),
                p.ownerOrganisationId());
    }

    /** Writes a checked patent (in the caller's transaction), audited. */
    Patent insertPatent(Checked<Patent> c, boolean demo) {
        long id = experts.insertPatent(c.form(), demo, clock.instant());
        audit.record("market.patent.create", "patent", id, null, c.form().number());
        return experts.patent(id).orElseThrow();
    }

    /**
     * Patents for a caller: those linked to a result it may not see are left out (the link would
     * tell of a confidential result).
     */
    @Transactional(readOnly = true)
    public List<Patent> patents(Long resultId, Actor actor) {
        SearchScope scope = SearchScope.of(actor);
        Map<Long, Boolean> visible = new java.util.HashMap<>();
        return experts.patents(resultId).stream()
                .filter(p -> p.resultId() == null
                        || visible.computeIfAbsent(
                                p.resultId(),
                                id -> results.find(id)
                                        .map(r -> scope.maySee(r.visibility(), r.organisationId()))
                                        .orElse(false)))
                .toList();
    }

    // ---------------------------------------------------------------- matching

    /** Matching filters: cooperation form, minimum TRL, county. */
    public record MatchFilters(Cooperation cooperation, Integer minTrl, String county) {
        public static final MatchFilters NONE = new MatchFilters(null, null, null);
    }

    /** What a need matches: results, experts and the institutions behind them. */
    public record NeedMatches(
            TechNeed need,
            List<SearchHit> results,
            List<SearchHit> experts,
            List<Matching.InstitutionMatch> institutions,
            Map<Long, String> organisationNames) {}

    @Transactional(readOnly = true)
    public NeedMatches matches(long needId, MatchFilters filters, Actor actor) {
        TechNeed n = need(needId, actor);
        SearchScope scope = SearchScope.of(actor);
        Map<String, List<String>> agree = new LinkedHashMap<>();
        if (n.field() != null) {
            agree.put("field", List.of(n.field()));
        }
        agree.put("cooperation", n.cooperation().stream().map(Enum::name).toList());
        Map<String, String> f = new LinkedHashMap<>();
        if (filters.cooperation() != null) {
            f.put("cooperation", filters.cooperation().name());
        }
        List<SearchQuery.Range> ranges = filters.minTrl() == null
                ? List.of()
                : List.of(new SearchQuery.Range("trl", filters.minTrl().longValue(), null));
        String text = n.title() + "\n" + n.description();
        Matching.MatchRequest forResults = new Matching.MatchRequest(
                text, n.industry(), agree, Set.of(RESULT), f, ranges, filters.county(), n.organisationId(), scope, 10);
        Matching.MatchRequest forExperts = new Matching.MatchRequest(
                text,
                n.industry(),
                agree,
                Set.of(EXPERT),
                Map.of(),
                List.of(),
                filters.county(),
                n.organisationId(),
                scope,
                5);
        Matching.MatchRequest forInstitutions = new Matching.MatchRequest(
                text,
                n.industry(),
                agree,
                Set.of(RESULT, EXPERT),
                f,
                ranges,
                filters.county(),
                n.organisationId(),
                scope,
                5);
        List<Matching.InstitutionMatch> inst = matching.institutions(forInstitutions);
        Map<Long, String> names = new LinkedHashMap<>();
        for (Matching.InstitutionMatch m : inst) {
            directory.lookup(m.organisationId()).ifPresent(o -> names.put(o.id(), o.name()));
        }
        return new NeedMatches(n, matching.match(forResults), matching.match(forExperts), inst, names);
    }

    /** Enterprises whose needs fit a result: the needs the caller may see, best first. */
    @Transactional(readOnly = true)
    public List<SearchHit> enterprisesFor(long resultId, Actor actor) {
        TechResult r = result(resultId, actor);
        Map<String, List<String>> agree = new LinkedHashMap<>();
        if (r.field() != null) {
            agree.put("field", List.of(r.field()));
        }
        agree.put("cooperation", r.cooperation().stream().map(Enum::name).toList());
        return matching.match(new Matching.MatchRequest(
                r.title() + "\n" + r.summary(),
                r.industry(),
                agree,
                Set.of(NEED),
                Map.of(),
                List.of(),
                null,
                r.organisationId(),
                SearchScope.of(actor),
                10));
    }

    // ---------------------------------------------------------------- search documents

    static SearchDocument document(TechNeed n) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (n.field() != null) {
            fields.put("field", List.of(n.field()));
        }
        fields.put("cooperation", n.cooperation().stream().map(Enum::name).toList());
        fields.put("status", List.of(n.status()));
        return new SearchDocument(
                NEED,
                String.valueOf(n.id()),
                n.title(),
                n.description(),
                n.organisationId(),
                n.visibility(),
                n.industry(),
                n.county(),
                fields,
                Map.of());
    }

    static SearchDocument document(TechResult r) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (r.field() != null) {
            fields.put("field", List.of(r.field()));
        }
        fields.put("cooperation", r.cooperation().stream().map(Enum::name).toList());
        Map<String, Long> numbers =
                r.trl() == null ? Map.of() : Map.of("trl", r.trl().longValue());
        return new SearchDocument(
                RESULT,
                String.valueOf(r.id()),
                r.title(),
                r.summary(),
                r.organisationId(),
                r.visibility(),
                r.industry(),
                r.county(),
                fields,
                numbers);
    }

    static SearchDocument document(Expert e) {
        String body = String.join("\n", nz(e.fields()), nz(e.profile()), nz(e.cooperationHistory()));
        return new SearchDocument(
                EXPERT,
                String.valueOf(e.id()),
                e.name() + (e.title() == null ? "" : " " + e.title()),
                body,
                e.organisationId(),
                Visibility.MEMBERS,
                null,
                null,
                Map.of(),
                Map.of());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---------------------------------------------------------------- helpers

    private long owner(Long requested, Actor actor, List<FieldError> errors) {
        if (requested != null && (actor.citywide() || requested.equals(actor.organisationId()))) {
            if (directory.lookup(requested).isEmpty()) {
                errors.add(new FieldError("organisationId", messages.get("market.error.organisationUnknown")));
                return -1;
            }
            return requested;
        }
        if (requested != null) {
            throw DomainException.forbidden("market.error.notYourOrganisation");
        }
        if (actor.organisationId() == null) {
            errors.add(new FieldError("organisationId", messages.get("market.error.organisationRequired")));
            return -1;
        }
        return actor.organisationId();
    }

    private void optional(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(new FieldError(field, messages.get("market.error.tooLong", max)));
        }
    }

    private void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, messages.get("market.error.required")));
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, messages.get("market.error.tooLong", max)));
        }
    }

    static String joinCooperation(List<Cooperation> list) {
        return list == null
                ? ""
                : String.join(",", list.stream().map(Enum::name).toList());
    }

    static List<Cooperation> parseCooperation(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(","))
                .filter(x -> !x.isBlank())
                .map(Cooperation::valueOf)
                .toList();
    }

    /** Reads cooperation forms typed as names, separated by commas or spaces; unknown ones are refused. */
    public static List<Cooperation> cooperation(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Cooperation> out = new ArrayList<>();
        for (String p : text.split("[,，;；\\s]+")) {
            if (p.isBlank()) {
                continue;
            }
            try {
                Cooperation c = Cooperation.valueOf(p.strip().toUpperCase(Locale.ROOT));
                if (!out.contains(c)) {
                    out.add(c);
                }
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("cooperation", "market.error.cooperationInvalid", p);
            }
        }
        return out;
    }
}
