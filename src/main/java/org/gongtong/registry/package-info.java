/**
 * The registry of the seven elements (政产学研金服用): organisations with their validated USCC,
 * people, the counties and zones of Liaocheng, the nine industries and GB/T 4754 classes, and the
 * groups of the seed (leading group, promotion group) with offices and memberships.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.gongtong.registry;
