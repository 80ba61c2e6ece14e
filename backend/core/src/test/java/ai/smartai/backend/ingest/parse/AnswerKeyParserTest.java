package ai.smartai.backend.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

class AnswerKeyParserTest {

    static Map<String, ProblemType> demoTypes() {
        Map<String, ProblemType> t = new LinkedHashMap<>();
        List<ProblemType> types = List.of(ProblemType.CHOICE, ProblemType.CHOICE, ProblemType.CALCULATION,
                ProblemType.CALCULATION, ProblemType.CALCULATION, ProblemType.PROGRAMMING, ProblemType.CONCEPT,
                ProblemType.PROOF, ProblemType.REASONING);
        for (int i = 0; i < types.size(); i++) {
            t.put(Integer.toString(i + 1), types.get(i));
        }
        return t;
    }

    @Test
    void readsTheDemoKey() throws Exception {
        var r = AnswerKeyParser.parse("answer-key.md",
                Files.readString(ProblemSetParserTest.DEMO.resolve("answer-key.md")), demoTypes());
        assertThat(r.warnings()).isEmpty();
        Map<String, ParsedKey> keys = new LinkedHashMap<>();
        r.keys().forEach(k -> keys.put(k.number(), k));
        assertThat(keys.get("1").correctChoices()).containsExactly("B");
        assertThat(keys.get("2").correctChoices()).containsExactly("A", "C");
        assertThat(keys.get("3").rubric()).extracting(RubricItem::points).containsExactly(4.0, 3.0, 3.0);
        assertThat(keys.get("3").referenceAnswer()).contains("答案：2").doesNotContain("评分标准");
        assertThat(keys.get("6").testCases()).hasSize(6)
                .contains(new TestCase("is_palindrome(\"Never odd or even\")", "True"));
        assertThat(keys.get("6").referenceAnswer()).contains("def is_palindrome").doesNotContain("assert");
        assertThat(keys.get("6").rubric()).extracting(RubricItem::aspect)
                .containsExactly("functionality", "functionality", "complexity", "style");
        assertThat(keys.get("8").rubric()).hasSize(4);
    }

    @Test
    void readsChoiceLettersInTheirUsualForms() {
        assertThat(AnswerKeyParser.letters("答案：B")).containsExactly("B");
        assertThat(AnswerKeyParser.letters("A, C")).containsExactly("A", "C");
        assertThat(AnswerKeyParser.letters("(A)(C)")).containsExactly("A", "C");
        assertThat(AnswerKeyParser.letters("C、A")).containsExactly("A", "C");
        assertThat(AnswerKeyParser.letters("A and C")).containsExactly("A", "C");
        assertThat(AnswerKeyParser.letters("Answer: d")).containsExactly("D");
        assertThat(AnswerKeyParser.letters("Because the queue is FIFO")).isEmpty();
    }

    @Test
    void readsTableAndArrowTestCases() {
        String key = """
                ## 1.
                ```python
                def add(a, b): return a + b
                ```
                Test cases:
                | input | expected |
                |---|---|
                | add(1, 2) | 3 |
                | add(-1, 1) | 0 |

                ## 2.
                Tests:
                - 3 4 → 7
                - 10 -5 -> 5
                """;
        Map<String, ProblemType> types = Map.of("1", ProblemType.PROGRAMMING, "2", ProblemType.PROGRAMMING);
        var r = AnswerKeyParser.parse("key.md", key, new LinkedHashMap<>(types));
        Map<String, ParsedKey> keys = new LinkedHashMap<>();
        r.keys().forEach(k -> keys.put(k.number(), k));
        assertThat(keys.get("1").testCases()).containsExactly(new TestCase("add(1, 2)", "3"),
                new TestCase("add(-1, 1)", "0"));
        assertThat(keys.get("1").referenceAnswer()).contains("def add");
        assertThat(keys.get("2").testCases()).containsExactly(new TestCase("3 4", "7"), new TestCase("10 -5", "5"));
    }

    @Test
    void reportsAnswersForNoProblemAndProblemsWithoutAnswer() {
        var r = AnswerKeyParser.parse("key.md", "## 1.\nA\n## 7.\nB", new LinkedHashMap<>(Map.of("1",
                ProblemType.CHOICE, "2", ProblemType.CHOICE)));
        assertThat(r.warnings()).anyMatch(w -> w.contains("answer 7 matches no problem"))
                .anyMatch(w -> w.contains("no answer for problem 2"));
    }
}
