package org.gongtong.market;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.springframework.stereotype.Service;

/**
 * Imports of needs and results from JSON Lines: each row is created in its own transaction, and
 * the report tells per row whether it was created (with its id) or why not.
 */
@Service
public class MarketImports {

    private final Market market;
    private final Messages messages;
    private final ObjectMapper json = new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    MarketImports(Market market, Messages messages) {
        this.market = market;
        this.messages = messages;
    }

    /** One row of an import report: line number, created id or the errors. */
    public record RowReport(int row, Long id, List<String> errors) {
        public boolean ok() {
            return id != null;
        }
    }

    public List<RowReport> needsFromJsonLines(String body, Actor actor) {
        return lines(
                body,
                line -> market.createNeed(json.readValue(line, NeedForm.class), actor)
                        .id());
    }

    public List<RowReport> resultsFromJsonLines(String body, Actor actor) {
        return lines(
                body,
                line -> market.createResult(json.readValue(line, ResultForm.class), actor)
                        .id());
    }

    interface Row {
        long create(String line) throws Exception;
    }

    private List<RowReport> lines(String body, Row create) {
        List<RowReport> out = new ArrayList<>();
        String[] lines = body == null ? new String[0] : body.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            out.add(row(i + 1, line, create));
        }
        return out;
    }

    private RowReport row(int number, String line, Row create) {
        try {
            return new RowReport(number, create.create(line), List.of());
        } catch (ValidationException e) {
            return new RowReport(
                    number,
                    null,
                    e.errors().stream().map(f -> f.field() + ": " + f.message()).toList());
        } catch (DomainException e) {
            return new RowReport(number, null, List.of(messages.get(e.messageKey(), e.args())));
        } catch (Exception e) {
            return new RowReport(number, null, List.of(messages.get("market.error.unreadableRow")));
        }
    }
}
