package org.gongtong.cultivation;

import java.util.List;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.springframework.stereotype.Service;

/**
 * The module's public entry to the two rule engines: checks the input (400 naming each field),
 * evaluates with the current settings, and words explanations in the caller's language.
 */
@Service
public class Evaluations {

    private final CultivationSettings settings;
    private final Messages messages;

    Evaluations(CultivationSettings settings, Messages messages) {
        this.settings = settings;
        this.messages = messages;
    }

    public TechSmeResult techSme(TechSmeInput in) {
        reject(TechSmeRules.check(in));
        return TechSmeRules.evaluate(in, settings.current());
    }

    public HnteResult hnte(HnteInput in) {
        reject(HnteRules.check(in));
        return HnteRules.evaluate(in, settings.current());
    }

    /** The explanation in the current request's language; arguments starting with @ are keys too. */
    public String say(Explanation e) {
        Object[] args = e.args().stream()
                .map(a -> a != null && a.startsWith("@") ? messages.get(a.substring(1)) : a)
                .toArray();
        return messages.get(e.key(), args);
    }

    private void reject(List<InputError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream()
                    .map(x -> new FieldError(x.field(), messages.get(x.key(), x.args())))
                    .toList());
        }
    }
}
