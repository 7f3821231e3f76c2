/**
 * Users, roles, API tokens, organisation scope and the append-only, hash-chained audit log.
 * Other modules use {@link org.gongtong.identity.Actor}, {@link org.gongtong.identity.AuditLog}
 * and implement {@link org.gongtong.identity.OrganisationDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package org.gongtong.identity;
