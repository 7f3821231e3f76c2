package org.gongtong.registry;

/** Raised after an organisation joins the registry; other modules may react (search, insight). */
public record OrganisationRegistered(long id, OrganisationKind kind, String name, String county) {}
