package org.gongtong.portal;

/**
 * The editorial workflow: a draft is submitted for review; a reviewer publishes it now or at a
 * time (scheduled: public from that moment on, by the clock) or returns it to draft; a published
 * article can be unpublished with a reason and edited again as a draft.
 */
public enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED
}
