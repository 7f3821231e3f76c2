package org.gongtong.capital.web;

import java.util.Set;
import org.gongtong.capital.CapitalAccess;
import org.gongtong.identity.Actor;
import org.gongtong.platform.MenuAccess;
import org.springframework.stereotype.Component;

/** Funds and the risk pool are for the overseeing roles and finance users (CapitalAccess.requireAny). */
@Component
class CapitalMenu implements MenuAccess {

    @Override
    public Set<String> hiddenSections() {
        boolean any = Actor.current()
                .filter(a -> CapitalAccess.seesAll(a) || CapitalAccess.isFinance(a))
                .isPresent();
        return any ? Set.of() : Set.of("funds", "risk-pool");
    }
}
