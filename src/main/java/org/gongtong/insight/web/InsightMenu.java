package org.gongtong.insight.web;

import java.util.Set;
import org.gongtong.identity.Actor;
import org.gongtong.insight.internal.Access;
import org.gongtong.platform.MenuAccess;
import org.springframework.stereotype.Component;

/** The dashboards are for the leading group's roles and county officers; others are not shown the link. */
@Component
class InsightMenu implements MenuAccess {

    @Override
    public Set<String> hiddenSections() {
        return Actor.current().filter(Access::seesAny).isPresent() ? Set.of() : Set.of("insight");
    }
}
