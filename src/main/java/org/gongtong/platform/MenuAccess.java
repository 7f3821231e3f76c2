package org.gongtong.platform;

import java.util.Set;

/**
 * A module's say on the menu: which of its sections (the first path segment of its pages, as the menu
 * names them) the signed-in user may not open, so that no page shows a link that would only be refused.
 * Each module keeps the rule in one place (its access class) and answers from it; the layout hides the
 * union. Called once per rendered page, on the request thread.
 */
public interface MenuAccess {

    /** Sections of this module the current user may not open; empty when all may be opened. */
    Set<String> hiddenSections();
}
