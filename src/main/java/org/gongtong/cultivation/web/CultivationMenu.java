package org.gongtong.cultivation.web;

import java.util.Set;
import org.gongtong.cultivation.Pipeline;
import org.gongtong.identity.Actor;
import org.gongtong.platform.MenuAccess;
import org.springframework.stereotype.Component;

/** The pipeline overview is the office's view (Pipeline.seesOverview); enterprises see their own records. */
@Component
class CultivationMenu implements MenuAccess {

    @Override
    public Set<String> hiddenSections() {
        return Actor.current().filter(Pipeline::seesOverview).isPresent() ? Set.of() : Set.of("cultivation/pipeline");
    }
}
