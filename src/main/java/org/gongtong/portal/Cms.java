package org.gongtong.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.search.SearchDocumentChanged;
import org.gongtong.search.SearchDocumentRemoved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal content: the editors' workflow (draft → review → published now or at a time → unpublished
 * with a reason), each step a guarded transition, versioned and audited; and the public reading of
 * what is public at the clock's now.
 */
@Service
public class Cms {

    private final Articles articles;
    private final AuditLog audit;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cms(Articles articles, AuditLog audit, Messages messages, ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.audit = audit;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Editors are the institute's staff and administrators. */
    public static boolean isEditor(Actor actor) {
        return actor != null && (actor.role() == Role.ADMIN || actor.role() == Role.INSTITUTE_STAFF);
    }

    private static void requireEditor(Actor actor) {
        if (!isEditor(actor)) {
            throw DomainException.forbidden("problem.forbidden");
        }
    }

    // editing

    @Transactional
    public Article create(ArticleForm form, Actor actor) {
        requireEditor(actor);
        return insert(form, actor, false);
    }

    /** Demo content, loaded without an actor check. */
    @Transactional
    Article insert(ArticleForm form, Actor actor, boolean demo) {
        String slug = validate(form, 0);
        Instant now = clock.instant();
        String body = RichText.sanitise(form.bodyHtml());
        long id = articles.insert(
                trimmed(form), slug == null ? "tmp-" + now.toEpochMilli() : slug, body, demo, actor.username(), now);
        if (slug == null) {
            // a readable default: the date and the id
            String generated = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.ofHours(8))
                            .toString()
                            .replace("-", "")
                    + "-" + id;
            articles.update(id, trimmed(form), generated, body, ArticleStatus.DRAFT, 0, now);
        }
        Article a = articles.find(id).orElseThrow();
        articles.recordVersion(a, "CREATED", null, actor.username(), now);
        audit.record(
                "PORTAL_ARTICLE_CREATED",
                "portal_article",
                id,
                null,
                Map.of("title", a.title(), "section", a.section().name()));
        return a;
    }

    /** Changes a draft (an article in review or unpublished goes back to draft). */
    @Transactional
    public Article update(long id, ArticleForm form, Integer version, Actor actor) {
        requireEditor(actor);
        Article before = find(id);
        if (before.status() == ArticleStatus.PUBLISHED || before.status() == ArticleStatus.SCHEDULED) {
            throw DomainException.conflict("portal.article.unpublishFirst");
        }
        ArticleForm f = new ArticleForm(
                before.section(),
                form.slug(),
                form.title(),
                form.summary(),
                form.bodyHtml(),
                form.issuer(),
                form.docNumber(),
                form.issuedOn(),
                form.appliedBy(),
                form.attachments(),
                form.eventStartsAt(),
                form.eventPlace(),
                form.eventCapacity(),
                form.featured());
        String slug = validate(f, id);
        Instant now = clock.instant();
        if (!articles.update(
                id,
                trimmed(f),
                slug == null ? before.slug() : slug,
                RichText.sanitise(f.bodyHtml()),
                ArticleStatus.DRAFT,
                version == null ? before.version() : version,
                now)) {
            throw DomainException.conflict("problem.stale");
        }
        Article after = find(id);
        articles.recordVersion(after, "EDITED", null, actor.username(), now);
        audit.record(
                "PORTAL_ARTICLE_EDITED",
                "portal_article",
                id,
                Map.of("status", before.status().name()),
                Map.of("status", after.status().name()));
        return after;
    }

    @Transactional
    public Article submit(long id, Integer version, Actor actor) {
        requireEditor(actor);
        Article a =
                move(id, version, ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, null, null, null, "SUBMITTED", actor);
        events.publishEvent(new NotificationRequested(
                "portal",
                NotificationRequested.Category.TASK,
                NotificationRequested.Audience.role(Role.INSTITUTE_STAFF),
                "portal.notify.review",
                List.of(a.title()),
                "/portal/admin/articles/" + a.id(),
                null,
                "portal.review." + a.id() + "." + a.version()));
        return a;
    }

    @Transactional
    public Article returnToDraft(long id, Integer version, String reason, Actor actor) {
        requireEditor(actor);
        return move(
                id,
                version,
                ArticleStatus.IN_REVIEW,
                ArticleStatus.DRAFT,
                null,
                null,
                blank(reason),
                "RETURNED",
                actor);
    }

    /** Publishes now, or at {@code at} when that is later than now (scheduled). */
    @Transactional
    public Article publish(long id, Integer version, Instant at, Actor actor) {
        requireEditor(actor);
        Instant now = clock.instant();
        if (at != null && at.isAfter(now)) {
            return move(
                    id, version, ArticleStatus.IN_REVIEW, ArticleStatus.SCHEDULED, at, null, null, "SCHEDULED", actor);
        }
        return move(id, version, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED, now, now, null, "PUBLISHED", actor);
    }

    @Transactional
    public Article unpublish(long id, Integer version, String reason, Actor actor) {
        requireEditor(actor);
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "portal.article.reasonRequired");
        }
        Article a = find(id);
        if (a.status() != ArticleStatus.PUBLISHED && a.status() != ArticleStatus.SCHEDULED) {
            throw DomainException.conflict(
                    "portal.article.illegalTransition", a.status().name(), "UNPUBLISHED");
        }
        return move(
                id,
                version,
                a.status(),
                ArticleStatus.UNPUBLISHED,
                a.publishAt(),
                a.publishedAt(),
                reason.strip(),
                "UNPUBLISHED",
                actor);
    }

    private Article move(
            long id,
            Integer version,
            ArticleStatus from,
            ArticleStatus to,
            Instant publishAt,
            Instant publishedAt,
            String reason,
            String action,
            Actor actor) {
        Article before = find(id);
        if (before.status() != from) {
            throw DomainException.conflict(
                    "portal.article.illegalTransition", before.status().name(), to.name());
        }
        Instant now = clock.instant();
        if (!articles.transition(
                id, from, version == null ? before.version() : version, to, publishAt, publishedAt, reason, now)) {
            throw DomainException.conflict("problem.stale");
        }
        Article after = find(id);
        articles.recordVersion(after, action, reason, actor.username(), now);
        if (ArticleSearch.indexed(after)) {
            events.publishEvent(new SearchDocumentChanged(ArticleSearch.document(after)));
        } else if (ArticleSearch.indexed(before)) {
            events.publishEvent(new SearchDocumentRemoved(ArticleSearch.TYPE, Long.toString(id)));
        }
        audit.record(
                "PORTAL_ARTICLE_" + action,
                "portal_article",
                id,
                Map.of("status", from.name()),
                Map.of("status", to.name()),
                reason);
        return after;
    }

    @Transactional(readOnly = true)
    public Article find(long id) {
        return articles.find(id).orElseThrow(() -> DomainException.notFound("portal.article.notFound", id));
    }

    @Transactional(readOnly = true)
    public Article forEditor(long id, Actor actor) {
        requireEditor(actor);
        return find(id);
    }

    @Transactional(readOnly = true)
    public List<ArticleVersion> versions(long id, Actor actor) {
        requireEditor(actor);
        return articles.versions(id);
    }

    @Transactional(readOnly = true)
    public PageResult<Article> all(Section s, ArticleStatus status, String q, PageRequest page, Actor actor) {
        requireEditor(actor);
        return articles.all(s, status, q, page);
    }

    @Transactional(readOnly = true)
    public List<EventRegistration> registrations(long id, Actor actor) {
        requireEditor(actor);
        return articles.registrationList(id);
    }

    // public reading

    @Transactional(readOnly = true)
    public PageResult<Article> published(Section s, String q, PageRequest page) {
        return articles.published(s, q, clock.instant(), page);
    }

    @Transactional(readOnly = true)
    public Article publicArticle(Section s, String slug) {
        Instant now = clock.instant();
        return articles.findBySlug(s, slug)
                .filter(a -> a.publicAt(now))
                .orElseThrow(() -> DomainException.notFound("portal.article.notFound", slug));
    }

    @Transactional(readOnly = true)
    public List<Article> latest(Section s, int n) {
        return articles.published(s, null, clock.instant(), PageRequest.of(0, n))
                .content();
    }

    @Transactional(readOnly = true)
    public List<Article> upcomingEvents(int n) {
        return articles.upcomingEvents(clock.instant(), n);
    }

    @Transactional(readOnly = true)
    public long countPublished(Section s) {
        return articles.countPublished(s, clock.instant());
    }

    @Transactional(readOnly = true)
    public long registrationCount(long articleId) {
        return articles.registrations(articleId);
    }

    /** Registers someone for a public event that has not started and is not full. */
    @Transactional
    public void registerForEvent(String slug, String name, String organisation, String phone) {
        Article a = publicArticle(Section.EVENT, slug);
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldError("name", messages.get("validation.required")));
        }
        if (phone == null || !phone.strip().matches("[0-9+\\- ]{5,40}")) {
            errors.add(new FieldError("phone", messages.get("portal.event.phoneInvalid")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (a.eventStartsAt() != null && !a.eventStartsAt().isAfter(clock.instant())) {
            throw DomainException.conflict("portal.event.started");
        }
        articles.lock(a.id());
        if (a.eventCapacity() != null && articles.registrations(a.id()) >= a.eventCapacity()) {
            throw DomainException.conflict("portal.event.full");
        }
        articles.register(a.id(), name.strip(), blank(organisation), phone.strip(), clock.instant());
    }

    /** Demo and seed content goes public straight away, by the system, without a review task. */
    @Transactional
    Article publishDirectly(long id, Actor actor) {
        Article a = find(id);
        Instant now = clock.instant();
        return move(id, a.version(), a.status(), ArticleStatus.PUBLISHED, now, now, null, "PUBLISHED", actor);
    }

    @Transactional
    int deleteDemo() {
        for (long id : articles.demoIds()) {
            events.publishEvent(new SearchDocumentRemoved(ArticleSearch.TYPE, Long.toString(id)));
        }
        return articles.deleteDemo();
    }

    boolean exists(Section s, String title) {
        return articles.exists(s, title);
    }

    private String validate(ArticleForm f, long id) {
        List<FieldError> errors = new ArrayList<>();
        if (f.section() == null) {
            errors.add(new FieldError("section", messages.get("validation.required")));
        }
        if (f.title() == null || f.title().isBlank() || f.title().length() > 300) {
            errors.add(new FieldError("title", messages.get("validation.required")));
        }
        if (f.summary() != null && f.summary().length() > 500) {
            errors.add(new FieldError("summary", messages.get("portal.article.tooLong", 500)));
        }
        if (f.bodyHtml() == null
                || RichText.text(RichText.sanitise(f.bodyHtml())).isBlank()) {
            errors.add(new FieldError("bodyHtml", messages.get("validation.required")));
        }
        String slug = blank(f.slug());
        if (slug != null) {
            slug = slug.toLowerCase(java.util.Locale.ROOT);
            if (!slug.matches("[a-z0-9][a-z0-9\\-]{0,99}")) {
                errors.add(new FieldError("slug", messages.get("portal.article.slugInvalid")));
            } else if (f.section() != null && articles.slugTaken(f.section(), slug, id)) {
                errors.add(new FieldError("slug", messages.get("portal.article.slugTaken")));
            }
        }
        if (f.section() == Section.EVENT && f.eventStartsAt() == null) {
            errors.add(new FieldError("eventStartsAt", messages.get("validation.required")));
        }
        if (f.eventCapacity() != null && f.eventCapacity() < 1) {
            errors.add(new FieldError("eventCapacity", messages.get("portal.article.capacityInvalid")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return slug;
    }

    private static ArticleForm trimmed(ArticleForm f) {
        return new ArticleForm(
                f.section(),
                f.slug(),
                f.title().strip(),
                blank(f.summary()),
                f.bodyHtml(),
                blank(f.issuer()),
                blank(f.docNumber()),
                f.issuedOn(),
                blank(f.appliedBy()),
                blank(f.attachments()),
                f.eventStartsAt(),
                blank(f.eventPlace()),
                f.eventCapacity(),
                f.featured());
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
