package org.gongtong.grants;

import org.gongtong.platform.FormChecks;
import org.gongtong.platform.Messages;

/** The shared form checks with this module's messages ({@code grants.required}, ...). */
final class Forms extends FormChecks {

    Forms(Messages messages) {
        super(messages, "grants");
    }
}
