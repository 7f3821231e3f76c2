package org.gongtong.search;

import java.time.Instant;

/**
 * State of the index.
 *
 * @param documents documents in the index
 * @param rebuilding a rebuild is running
 * @param rebuildDone documents written by the running (or last) rebuild
 * @param rebuildTotal documents the running (or last) rebuild has to write
 * @param lastRebuildStarted when the last rebuild started, null if never
 * @param lastRebuildFinished when it finished, null if running or never
 * @param lastError message of the last rebuild failure, null if none
 */
public record IndexStatus(
        long documents,
        boolean rebuilding,
        long rebuildDone,
        long rebuildTotal,
        Instant lastRebuildStarted,
        Instant lastRebuildFinished,
        String lastError) {

    /** Progress of the rebuild in percent (100 when none runs). */
    public int percent() {
        if (!rebuilding || rebuildTotal <= 0) {
            return rebuilding ? 0 : 100;
        }
        return (int) Math.min(100, rebuildDone * 100 / rebuildTotal);
    }
}
