package ai.smartai.backend.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Gradebook cells a spreadsheet would run as formulas, in every disguise the red team tried. */
class CsvCellTest {

    @Test
    void formulaStartsAreDefusedWhateverComesBeforeThem() {
        for (String v : new String[] { "=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "\u2028=1+1", "\u0085=1",
                " =1", "\u00a0=1", "\u3000=HYPERLINK(\"x\")" }) {
            String cell = GradingService.csvCell(v);
            String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
            assertThat(unquoted).as(v).startsWith("'");
        }
    }

    @Test
    void lineBreaksOfAnyKindAreQuoted() {
        for (String v : new String[] { "a\nb", "a\rb", "a\u2028b", "a\u2029b", "a\u0085b", "a,b", "a\"b" }) {
            assertThat(GradingService.csvCell(v)).as(v).startsWith("\"").endsWith("\"");
        }
        assertThat(GradingService.csvCell("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(GradingService.csvCell("张三")).isEqualTo("张三");
    }
}
