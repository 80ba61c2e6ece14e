package ai.smartai.frontend.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ai.smartai.frontend.i18n.Msg;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.ProblemUpdate;
import ai.smartai.model.problem.ProblemView;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

/**
 * The problem edit form in plain text a teacher can type: rubric lines "points | aspect | description" and test lines
 * "input => expected" with \n for a line break. Parsing is strict and names the bad line.
 */
final class ProblemForm {

    private ProblemForm() {
    }

    /** The edit form's fields as text: a problem's stored values, or what the teacher typed when it was refused. */
    public record Fields(String problemId, String type, String maxScore, String stem, String referenceAnswer,
            String correctChoices, String rubric, String testCases, boolean open) {

        public Fields {
            type = type == null ? "" : type;
            maxScore = maxScore == null ? "" : maxScore;
            stem = stem == null ? "" : stem;
            referenceAnswer = referenceAnswer == null ? "" : referenceAnswer;
            correctChoices = correctChoices == null ? "" : correctChoices;
            rubric = rubric == null ? "" : rubric;
            testCases = testCases == null ? "" : testCases;
        }

        static Fields of(ProblemView p) {
            return new Fields(p.id(), TemplateExtensions.word(p.type()), TemplateExtensions.num(p.maxScore()),
                    p.stem(), p.referenceAnswer() == null ? "" : p.referenceAnswer(),
                    TemplateExtensions.joined(p.correctChoices()), rubricText(p.rubric()), testCasesText(p.testCases()),
                    false);
        }
    }

    static String rubricText(List<RubricItem> rubric) {
        StringBuilder out = new StringBuilder();
        for (RubricItem r : rubric == null ? List.<RubricItem>of() : rubric) {
            out.append(TemplateExtensions.num(r.points())).append(" | ")
                    .append(r.aspect() == null ? "other" : r.aspect()).append(" | ").append(r.description())
                    .append('\n');
        }
        return out.toString();
    }

    static String testCasesText(List<TestCase> tests) {
        StringBuilder out = new StringBuilder();
        for (TestCase t : tests == null ? List.<TestCase>of() : tests) {
            out.append(escape(t.input())).append(" => ").append(escape(t.expected())).append('\n');
        }
        return out.toString();
    }

    /** The form as an update; IllegalArgumentException with a message for the teacher when a field is wrong. */
    static ProblemUpdate parse(Msg msg, String type, String maxScore, String stem, String referenceAnswer,
            String correctChoices, String rubric, String testCases) {
        ProblemType t = null;
        if (type != null && !type.isBlank()) {
            try {
                t = ProblemType.valueOf(type.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("type: '" + type + "'");
            }
        }
        Double points = null;
        if (maxScore != null && !maxScore.isBlank()) {
            try {
                points = Double.valueOf(maxScore.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(msg.notANumber("maxScore", maxScore));
            }
        }
        List<String> letters = correctChoices == null ? List.of()
                : Arrays.stream(correctChoices.toUpperCase(Locale.ROOT).split("[,\\s、，]+")).filter(x -> !x.isBlank())
                        .toList();
        // An emptied list field keeps what is stored: the parser's default rubric is better than none.
        return new ProblemUpdate(t, stem == null ? null : stem.replace("\r\n", "\n"), orNull(rubric(msg, rubric)),
                points, referenceAnswer == null ? null : referenceAnswer.replace("\r\n", "\n"), null,
                orNull(letters), orNull(testCases(msg, testCases)));
    }

    private static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    static List<RubricItem> rubric(Msg msg, String text) {
        List<RubricItem> out = new ArrayList<>();
        for (String line : lines(text)) {
            String[] parts = line.split("\\|", 3);
            try {
                double points = Double.parseDouble(parts[0].strip());
                if (parts.length == 2) {
                    out.add(new RubricItem(parts[1].strip(), points, "other"));
                } else if (parts.length == 3 && !parts[2].isBlank()) {
                    out.add(new RubricItem(parts[2].strip(), points, parts[1].strip().isEmpty() ? "other"
                            : parts[1].strip().toLowerCase(Locale.ROOT)));
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(msg.badRubricLine(line));
            }
        }
        return out;
    }

    static List<TestCase> testCases(Msg msg, String text) {
        List<TestCase> out = new ArrayList<>();
        for (String line : lines(text)) {
            int arrow = line.indexOf("=>");
            if (arrow < 0) {
                throw new IllegalArgumentException(msg.badTestLine(line));
            }
            out.add(new TestCase(unescape(line.substring(0, arrow).strip()), unescape(line.substring(arrow + 2)
                    .strip())));
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
