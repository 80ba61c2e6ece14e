package ai.smartai.model.report;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link ClassQuestion}: the analytics operation it was mapped to (null when none applies), its
 * arguments, the table the server computed, and a sentence whose every number appears in that table.
 */
public record ClassAnswer(
        String operation,
        Map<String, String> arguments,
        Table table,
        String answer) {

    /** Rows of cells: text, or numbers as numbers. */
    public record Table(List<String> columns, List<List<Object>> rows) {
    }
}
