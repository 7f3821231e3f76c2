/**
 * Shared web glue with no business rules: layout, locale, problem details, paging, clock, Excel
 * helpers. Every module may use it; it uses no other module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gongtong.platform;
