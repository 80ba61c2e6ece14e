package ai.smartai.backend.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Gradebook cells a spreadsheet would run as formulas, in every disguise the red team tried. */
class CsvTest {

    @Test
    void formulaStartsAreDefusedWhateverComesBeforeThem() {
        for (String v : new String[] { "=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "\u2028=1+1",
                "\u0085=1", " =1", "\u00a0=1", "\u3000=HYPERLINK(\"x\")" }) {
            assertThat(Csv.text(v)).as(v).startsWith("'");
        }
        assertThat(Csv.text("张三")).isEqualTo("张三");
        assertThat(Csv.text("6.5")).isEqualTo("6.5");
    }

    @Test
    void valuesWithLineBreaksQuotesAndCommasReadBackWhole() throws Exception {
        List<String> values = List.of("a\nb", "a\rb", "a,b", "a\"b", "=cmd|' /C calc'!A0\nrest", "a\u2028b");
        byte[] bytes = Csv.write(List.of("id", "name"), values.stream().map(v -> List.<Object>of("1", v)).toList());
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records).hasSize(values.size() + 1);
        for (int i = 0; i < values.size(); i++) {
            assertThat(records.get(i + 1).get(1)).isEqualTo(Csv.text(values.get(i)));
        }
    }
}
