package ai.smartai.backend.ingest.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.smartai.backend.ingest.parse.Numbering.Heading;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

/**
 * Reads an answer key: each reference answer mapped to its problem by number, rubric lines, the correct letters of
 * choice problems, and program test cases (assertions, {@code input | expected} tables, {@code input → output}).
 */
public final class AnswerKeyParser {

    public record Result(List<ParsedKey> keys, List<String> warnings) {
    }

    private static final Pattern RUBRIC_HEAD = Pattern.compile(
            "^\\s*(?:#+\\s*)?\\**(评分标准|评分细则|评分要点|给分标准|rubric|grading|marking scheme|scoring)\\**\\s*[:：]?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RUBRIC_ITEM = Pattern.compile(
            "^\\s*(?:[-*•·]|\\d+[.)、])\\s*(.+?)\\s*[:：,，]?\\s*[(（]?\\s*(\\d{1,3}(?:\\.\\d)?)\\s*"
                    + "(分|points?|pts?|marks?)\\s*[)）]?\\s*[。.;；]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TESTS_HEAD = Pattern.compile(
            "^\\s*(?:#+\\s*)?\\**(test cases?|tests|测试用例|测试样例|样例|examples?)\\**\\s*[:：]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSERT = Pattern.compile("^\\s*assert\\s+(.+?)\\s*==\\s*(.+?)\\s*(?:#.*)?$");
    private static final Pattern ARROW = Pattern.compile("^\\s*(?:[-*•]\\s*)?(.+?)\\s*(?:→|->|=>|⇒)\\s*(.+?)\\s*$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|?(.+?)\\|(.+?)\\|?\\s*$");
    private static final Pattern ANSWER_PREFIX = Pattern.compile(
            "^\\s*(?:\\*\\*)?(?:答案|正确答案|答|answer|correct answer|key)(?:\\*\\*)?\\s*[:：]?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LETTERS = Pattern.compile(
            "^[(（]?([A-H])[)）]?((?:\\s*(?:[,，、/&;；和及]|and)?\\s*[(（]?[A-H][)）]?)*)\\s*[.。]?\\s*$");

    private AnswerKeyParser() {
    }

    /** {@code types}: each problem's number and type, in order. */
    public static Result parse(String fileName, String text, java.util.Map<String, ProblemType> types) {
        Collection<String> problemNumbers = types.keySet();
        List<String> lines = Texts.lines(text);
        List<Heading> headings = Numbering.answerHeadings(lines, problemNumbers);
        List<String> warnings = new ArrayList<>();
        List<ParsedKey> keys = new ArrayList<>();
        if (headings.isEmpty()) {
            warnings.add(fileName + ": no problem numbering found, so no answer could be matched to a problem.");
            return new Result(keys, warnings);
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int end = i + 1 < headings.size() ? headings.get(i + 1).line() : lines.size();
            if (!problemNumbers.contains(h.number())) {
                warnings.add(fileName + ": answer " + h.number() + " matches no problem and was ignored.");
                continue;
            }
            List<String> body = new ArrayList<>();
            if (!h.rest().isEmpty()) {
                body.add(h.rest());
            }
            body.addAll(lines.subList(h.line() + 1, end));
            keys.add(entry(h.number(), body, types.get(h.number())));
        }
        for (String n : problemNumbers) {
            if (keys.stream().noneMatch(k -> k.number().equals(n))) {
                warnings.add(fileName + ": no answer for problem " + n + ".");
            }
        }
        return new Result(keys, warnings);
    }

    static ParsedKey entry(String number, List<String> body, ProblemType type) {
        List<String> rest = new ArrayList<>(body);
        List<RubricItem> rubric = rubric(rest, type);
        List<TestCase> tests = tests(rest);
        String reference = Texts.block(rest, 0, rest.size());
        List<String> letters = type == ProblemType.CHOICE ? letters(reference) : List.of();
        return new ParsedKey(number, reference, rubric, letters, tests);
    }

    /** Removes the rubric block from {@code lines} and returns its items. */
    static List<RubricItem> rubric(List<String> lines, ProblemType type) {
        List<RubricItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher head = RUBRIC_HEAD.matcher(lines.get(i));
            if (!head.matches()) {
                continue;
            }
            int start = i;
            int j = i + 1;
            String inline = head.group(2).strip();
            if (!inline.isEmpty()) {
                Matcher item = RUBRIC_ITEM.matcher("- " + inline);
                if (item.matches()) {
                    items.add(item(item, type));
                } else if (!inline.isEmpty()) {
                    // "Rubric: full marks for exactly A and C": prose, kept as a note on the reference.
                    continue;
                }
            }
            while (j < lines.size()) {
                String line = lines.get(j);
                Matcher item = RUBRIC_ITEM.matcher(line);
                if (item.matches()) {
                    items.add(item(item, type));
                    j++;
                } else if (line.isBlank() && j + 1 < lines.size() && RUBRIC_ITEM.matcher(lines.get(j + 1)).matches()) {
                    j++;
                } else {
                    break;
                }
            }
            if (!items.isEmpty()) {
                lines.subList(start, j).clear();
                return items;
            }
        }
        return items;
    }

    private static RubricItem item(Matcher m, ProblemType type) {
        String description = m.group(1).strip().replaceAll("[:：,，]$", "");
        return new RubricItem(description, Double.parseDouble(m.group(2)), aspect(description, type));
    }

    /** Which grader may decide a rubric line, guessed from its words. */
    static String aspect(String description, ProblemType type) {
        String d = description.toLowerCase(Locale.ROOT);
        if (d.matches(".*(复杂度|complexity|o\\(|效率|efficien).*")) {
            return "complexity";
        }
        if (d.matches(".*(边界|edge|boundary|特殊情况|corner).*")) {
            return "edge-cases";
        }
        if (d.matches(".*(清晰|结构|规范|可读|风格|style|clear|readab|clean|注释|comment).*")) {
            return "style";
        }
        if (d.matches(".*(测试|test|通过|实现|正确实现|functional|correct results|动态规划|dynamic programming).*")) {
            return "functionality";
        }
        if (d.matches(".*(结论|结果|答案|result|final|answer|conclusion|root|根).*")) {
            return "result";
        }
        if (d.matches(".*(方法|思路|method|approach|setup|set up|公式|formula|原函数|antiderivative|因式分解|factor).*")) {
            return "method";
        }
        if (d.matches(".*(推导|过程|步骤|derivation|steps|代入|substitut|计算|limits).*")) {
            return "derivation";
        }
        return switch (type == null ? ProblemType.OTHER : type) {
            case PROGRAMMING -> "functionality";
            case CALCULATION, REASONING -> "derivation";
            case CHOICE -> "result";
            case PROOF, CONCEPT -> "claim";
            case OTHER -> "other";
        };
    }

    /** Removes test-case lines (and a code fence that held only tests) from {@code lines} and returns them. */
    static List<TestCase> tests(List<String> lines) {
        List<TestCase> tests = new ArrayList<>();
        boolean inTestSection = false;
        boolean tableHeaderSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (TESTS_HEAD.matcher(line).matches()) {
                inTestSection = true;
                lines.set(i, null);
                continue;
            }
            Matcher a = ASSERT.matcher(line);
            if (a.matches()) {
                tests.add(new TestCase(a.group(1).strip(), a.group(2).strip()));
                lines.set(i, null);
                continue;
            }
            if (!inTestSection) {
                continue;
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (line.contains("|") && row.matches()) {
                String left = row.group(1).strip();
                String right = row.group(2).strip();
                boolean separator = left.matches("[-: ]+") && right.matches("[-: ]+");
                boolean header = !tableHeaderSeen && left.toLowerCase(Locale.ROOT).matches(".*(input|输入|参数|args?).*");
                if (header) {
                    tableHeaderSeen = true;
                } else if (!separator) {
                    tests.add(new TestCase(left, right));
                }
                lines.set(i, null);
                continue;
            }
            Matcher arrow = ARROW.matcher(line);
            if (arrow.matches()) {
                tests.add(new TestCase(arrow.group(1).strip(), arrow.group(2).strip()));
                lines.set(i, null);
                continue;
            }
            if (!line.isBlank() && !line.strip().startsWith("```")) {
                inTestSection = false;
            }
        }
        // Drop fences left empty by the removal, then the removed lines.
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) != null && lines.get(i).strip().startsWith("```")) {
                int j = i + 1;
                while (j < lines.size() && lines.get(j) == null) {
                    j++;
                }
                if (j < lines.size() && j > i + 1 && lines.get(j) != null && lines.get(j).strip().equals("```")) {
                    lines.set(i, null);
                    lines.set(j, null);
                }
            }
        }
        lines.removeIf(l -> l == null);
        return tests;
    }

    /** "B", "答案：A, C", "(A)(C)", "A和C", "A and C" → sorted letters; empty when the text is not just letters. */
    public static List<String> letters(String reference) {
        for (String line : Texts.lines(reference)) {
            String s = ANSWER_PREFIX.matcher(line.strip()).replaceFirst("").strip();
            if (s.isEmpty()) {
                continue;
            }
            String upper = s.toUpperCase(Locale.ROOT).replace("AND", "and");
            if (LETTERS.matcher(upper).matches()) {
                TreeSet<String> set = new TreeSet<>();
                Matcher m = Pattern.compile("[A-H]").matcher(upper);
                while (m.find()) {
                    set.add(m.group());
                }
                return List.copyOf(set);
            }
            return List.of();
        }
        return List.of();
    }
}
