package org.gongtong.governance.web;

import java.util.Set;
import org.gongtong.governance.CouncilService;
import org.gongtong.identity.Actor;
import org.gongtong.platform.MenuAccess;
import org.springframework.stereotype.Component;

/** The council's record is read by its secretariat, the office and the members (CouncilService.canRead). */
@Component
class CouncilMenu implements MenuAccess {

    @Override
    public Set<String> hiddenSections() {
        return Actor.current().filter(CouncilService::canRead).isPresent() ? Set.of() : Set.of("council");
    }
}
