package org.gongtong.portal;

import java.time.Instant;

/** Someone who registered for an event from the portal. */
public record EventRegistration(String name, String organisation, String phone, Instant createdAt) {}
