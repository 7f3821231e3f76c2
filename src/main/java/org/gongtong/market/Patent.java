package org.gongtong.market;

/** A patent, optionally linked to a result. */
public record Patent(
        long id,
        String number,
        String title,
        String summary,
        String ipc,
        String status,
        Long ownerOrganisationId,
        Long resultId,
        boolean demo) {}
