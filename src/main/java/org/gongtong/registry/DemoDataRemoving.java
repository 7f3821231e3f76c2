package org.gongtong.registry;

/**
 * Published, inside the removal's transaction, just before the registry deletes its sample
 * organisations: modules holding demo rows that refer to them remove those first, so one call
 * removes all demo data.
 */
public record DemoDataRemoving() {}
