package org.gongtong.market;

/** An expert with fields, organisation and past cooperation. */
public record Expert(
        long id,
        Long organisationId,
        String organisationName,
        String name,
        String title,
        String fields,
        String profile,
        String cooperationHistory,
        boolean demo) {}
