package ai.smartai.backend.ingest.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.smartai.backend.ingest.parse.Numbering.Heading;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.common.Scores;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

/**
 * Reads an answer key: each reference answer mapped to its problem by number, rubric lines, the correct letters of
 * choice problems, and program test cases ({@link TestReader}).
 */
public final class AnswerKeyParser {

    public record Result(List<ParsedKey> keys, List<Message> warnings) {
    }

    private static final Pattern RUBRIC_HEAD = Pattern.compile(
            "^\\s*(?:#+\\s*)?\\**(评分标准|评分细则|评分要点|给分标准|rubric|grading|marking scheme|scoring)\\**\\s*[:：]?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RUBRIC_ITEM = Pattern.compile(
            "^\\s*(?:[-*•·]|\\d+[.)、])\\s*(.+?)\\s*[:：,，—–]?\\s*[(（]?\\s*(\\d{1,3}(?:\\.\\d)?)\\s*"
                    + "(分|points?|pts?|marks?)\\s*[)）]?\\s*[。.;；]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET_GAP = Pattern.compile("\\s+(?=•\\s)");
    private static final Pattern NOTE_AFTER_POINTS = Pattern.compile(
            "(?i)^(•.*?\\d\\s*(?:pts?|points?|marks?|分)[.。])\\s+(\\S.*)$");
    /** The title over a rubric table: "第5题评分表：", "Rubric for problem 3:". */
    private static final Pattern TABLE_TITLE = Pattern
            .compile("(?i)^.{0,20}(评分表|评分标准|rubric|marking scheme)\\s*[:：]?\\s*$");
    private static final Pattern ANSWER_PREFIX = Pattern.compile(
            "^\\s*(?:\\*\\*)?(?:答案|正确答案|答|answer|correct answer|key)(?:\\*\\*)?\\s*[:：]?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GENERAL_HEAD = Pattern.compile(
            "^\\s*#{1,6}\\s*(?:\\*\\*)?(评分说明|评分规则|评分政策|总体要求|通用规则|总则|注意事项|general( rules| policy| notes)?|"
                    + "grading (policy|policies|rules|notes)|marking (policy|rules|notes)|policies|notes)(?:\\*\\*)?\\s*[:：]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** The points of every problem summed up after the last answer ("Point summary: P1 10 · P2 15 … = 100"). */
    private static final Pattern POINT_SUMMARY = Pattern.compile("^\\s*(?:\\*\\*)?(?:points?\\s+(?:summary|breakdown|"
            + "distribution)|summary\\s+of\\s+(?:points|marks)|marks?\\s+(?:summary|breakdown)|分值(?:汇总|分配|小结)|"
            + "各题分值)(?:\\*\\*)?\\s*[:：]", Pattern.CASE_INSENSITIVE);
    private static final Pattern POINTS_COLUMN = Pattern.compile("(?i)\\**\\s*(分值|分数|得分|配分|分|points?|pts|marks?|score)"
            + "\\s*\\**");
    private static final Pattern TOTAL_ROW = Pattern.compile("(?i)\\**\\s*(合计|总计|总分|total|sum)\\b.*");
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:\\.\\d)?)");
    /** "扣2分", "lose 1 point", "at most 3 points": a rule about deductions, not a rubric line's points. */
    private static final Pattern DEDUCTION = Pattern.compile("(扣|最多|至多|不超过|deduct|lose|minus|penalt|at most|up to)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT = Pattern.compile("\\d\\s*(分|points?|pts?|marks?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_POINTS = Pattern.compile(
            "^\\s*[(（\\[【]\\s*(\\d{1,3}(?:\\.\\d)?)\\s*(?:分|points?|pts?|marks?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern POINTS_ONLY = Pattern.compile(
            "[(（\\[【][^)）\\]】]{0,20}\\d\\s*(分|points?|pts?|marks?)[^)）\\]】]{0,20}[)）\\]】][.。]?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTE = Pattern.compile("^[>*_\\s]*(注|注意|备注|提示|说明|note|notes|nb|remark|hint)\\s*[:：]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORTH = Pattern.compile(
            "(?:满分|本题满分|本题|共计?|worth|out of|total(?: of)?|max(?:imum)?(?: score)?)\\s*[:：]?\\s*(\\d{1,3}(?:\\.\\d)?)\\s*"
                    + "(?:分|points?|pts?|marks?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_LETTERS = Pattern.compile(
            "((?:[(（]?[A-H][)）]?(?:\\s*(?:[,，、/&和及]|and)\\s*)?)+)(?=[.。:：;；,，(（\\s]|$)");
    private static final Pattern BOLD_LETTER = Pattern.compile("^\\s*\\*\\*[(（]?([A-H])[)）]?\\*\\*(?=[\\s(（:：.。,，]|$)");
    private static final Pattern SMALL_BRACKETED = Pattern.compile("(?<![\\p{L}\\d])[(（]([a-h])[)）]");
    private static final Pattern LETTERS = Pattern.compile(
            "^[(（]?([A-H])[)）]?((?:\\s*(?:[,，、/&;；和及]|and)?\\s*[(（]?[A-H][)）]?)*)\\s*[.。]?\\s*$");

    private AnswerKeyParser() {
    }

    /** {@code types}: each problem's number and type, in order. */
    public static Result parse(String fileName, String text, Map<String, ProblemType> types) {
        Collection<String> problemNumbers = types.keySet();
        List<String> lines = Texts.lines(text);
        List<Heading> headings = Numbering.answerHeadings(lines, problemNumbers);
        List<Message> warnings = new ArrayList<>();
        List<ParsedKey> keys = new ArrayList<>();
        if (headings.isEmpty()) {
            warnings.add(Message.of(MessageCode.UP_KEY_NO_NUMBERING, fileName));
            return new Result(keys, warnings);
        }
        // Rules stated for the whole key: before the first answer, or under a heading such as "评分说明".
        List<String> general = new ArrayList<>(lines.subList(0, headings.get(0).line()));
        // Rules under a section title ("Part B — Programming" then "3 points per passing test"): the section's own.
        List<String> section = List.of();
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int next = i + 1 < headings.size() ? headings.get(i + 1).line() : lines.size();
            int end = next;
            List<String> nextSection = section;
            for (int j = h.line() + 1; j < next; j++) {
                if (GENERAL_HEAD.matcher(lines.get(j)).matches() || POINT_SUMMARY.matcher(lines.get(j)).find()) {
                    general.addAll(lines.subList(j, next));
                    end = j;
                    break;
                }
                if (Numbering.isSectionHeading(lines.get(j))) {
                    nextSection = List.copyOf(lines.subList(j + 1, next));
                    end = j;
                    break;
                }
            }
            List<String> rules = section;
            section = nextSection;
            if (!problemNumbers.contains(h.number())) {
                warnings.add(Message.of(MessageCode.UP_KEY_ANSWER_IGNORED, fileName, h.number()));
                continue;
            }
            List<String> body = new ArrayList<>();
            String first = afterPoints(h.answerText());
            if (!first.isEmpty()) {
                body.add(first);
            }
            body.addAll(lines.subList(h.line() + 1, Numbering.blockEnd(lines, h.line() + 1, end)));
            keys.add(entry(h.number(), h.rest(), body, rules, types.get(h.number())));
        }
        List<KeyPolicy> everywhere = PolicyReader.take(general);
        if (!everywhere.isEmpty()) {
            keys = keys.stream().map(k -> withPolicies(k, everywhere.stream()
                    .filter(p -> appliesTo(p.rule(), k.number())).toList())).toList();
        }
        for (String n : problemNumbers) {
            if (keys.stream().noneMatch(k -> k.number().equals(n))) {
                warnings.add(Message.of(MessageCode.UP_KEY_NO_ANSWER, fileName, n));
            }
        }
        return new Result(keys, warnings);
    }

    /**
     * "（8 分）答案：B" or "(8 points) — answer: (B)" after a heading: the points are the heading's; what follows them is
     * the key's first line, unless it only labels what comes below ("— rubric", "— reference solution and tests").
     */
    static String afterPoints(String headingRest) {
        String rest = headingRest.strip();
        Matcher m = POINTS_ONLY.matcher(rest);
        rest = m.lookingAt() ? rest.substring(m.end()).strip() : rest;
        rest = LEAD_DASH.matcher(rest).replaceFirst("");
        return LABEL_ONLY.matcher(rest).matches() ? "" : rest;
    }

    private static final Pattern LEAD_DASH = Pattern.compile("^[—–:：-]+\\s*");
    private static final Pattern LABEL_ONLY = Pattern.compile("(?i)^(?:(?:reference|model|sample)\\s+)?(?:solutions?|"
            + "answers?|key|rubric|tests?|grading|marking scheme|参考答案|答案|解答|评分标准)(?:\\s+(?:and|&|with)\\s+(?:"
            + "(?:reference\\s+)?solutions?|tests?|rubric|grading))*\\s*[:：]?$");
    /** "Problem 6 only", "only in Problem 6", "仅第 6 题": a section's rule that names one problem. */
    private static final Pattern ONLY_PROBLEM = Pattern
            .compile("(?i)\\b(?:problems?|questions?|q)\\s*(\\d{1,2})\\s+only\\b"
                    + "|\\bonly\\s+(?:in\\s+|for\\s+)?(?:problems?|questions?)\\s*(\\d{1,2})\\b|仅(?:限|适用于)?\\s*第\\s*(\\d{1,2})\\s*题");

    /**
     * Whether a rule of the whole key holds for problem {@code number}: unless its first sentence names other problems
     * ("P4 must run in O(n); …", "Carried errors (Exercises 4 and 5).", "第2、3题…"). A problem named later ("Reading
     * System.in in P5 is of course fine") does not narrow the rule.
     */
    static boolean appliesTo(String rule, String number) {
        String lead = FIRST_SENTENCE.matcher(rule.replace("**", "").replaceFirst("^\\s*\\d{1,2}\\s*[.)、．]\\s*", ""))
                .replaceFirst("");
        Set<String> named = new LinkedHashSet<>();
        Matcher m = NAMED_PROBLEMS.matcher(lead);
        while (m.find()) {
            Matcher n = Pattern.compile("(\\d{1,2})").matcher(m.group());
            int previous = -1;
            while (n.find()) {
                int value = Integer.parseInt(n.group(1));
                String between = previous < 0 ? "" : m.group().substring(0, n.start());
                if (previous >= 0 && RANGE_END.matcher(between).find() && value > previous && value - previous <= 20) {
                    for (int v = previous + 1; v < value; v++) {
                        named.add(String.valueOf(v));
                    }
                }
                named.add(String.valueOf(value));
                previous = value;
            }
        }
        return named.isEmpty() || named.contains(number);
    }

    /** What follows a rule's first sentence. */
    private static final Pattern FIRST_SENTENCE = Pattern.compile("(?s)(?<=[.。;；!?！？])\\s.*$|(?<=[。；！？]).*$");
    /** "P4", "Exercises 4 and 5", "P1–P5", "Problems 2, 3", "第2、3题", "第1至5题". */
    private static final Pattern NAMED_PROBLEMS = Pattern.compile("(?:\\b(?:problems?|exercises?|questions?|ex\\.?|P|Q)"
            + "\\s*\\d{1,2}\\b(?:\\s*(?:,|，|、|and|&|or|[–~-]|to)\\s*(?:P|Q)?\\s*\\d{1,2}\\b)*"
            + "|第\\s*\\d{1,2}(?:\\s*(?:[、,，和及与至到~–-])\\s*第?\\s*\\d{1,2})*\\s*题)", Pattern.CASE_INSENSITIVE);
    /** A range's dash or "to" just before its last number. */
    private static final Pattern RANGE_END = Pattern.compile("(?:[–~-]|\\bto|至|到)\\s*(?:P|Q|第)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** The section's rules that hold for problem {@code number}: those naming another problem alone are left out. */
    private static List<KeyPolicy> sectionPolicies(List<String> section, String number) {
        List<KeyPolicy> out = new ArrayList<>();
        for (KeyPolicy p : PolicyReader.take(new ArrayList<>(section))) {
            Matcher only = ONLY_PROBLEM.matcher(p.rule());
            boolean elsewhere = false;
            while (only.find()) {
                String named = only.group(1) != null ? only.group(1) : only.group(2) != null ? only.group(2)
                        : only.group(3);
                elsewhere |= !named.equals(number);
            }
            if (!elsewhere) {
                out.add(p);
            }
        }
        return out;
    }

    private static ParsedKey withPolicies(ParsedKey k, List<KeyPolicy> more) {
        List<KeyPolicy> all = new ArrayList<>(k.policies());
        more.stream().filter(p -> !all.contains(p)).forEach(all::add);
        return new ParsedKey(k.number(), k.referenceAnswer(), k.rubric(), k.correctChoices(), k.testCases(),
                k.points(), all);
    }

    static ParsedKey entry(String number, List<String> body, ProblemType type) {
        return entry(number, "", body, List.of(), type);
    }

    static ParsedKey entry(String number, String headingRest, List<String> body, ProblemType type) {
        return entry(number, headingRest, body, List.of(), type);
    }

    /** {@code section}: the rules of the section the answer is in, stated once for all its problems. */
    static ParsedKey entry(String number, String headingRest, List<String> body, List<String> section,
            ProblemType type) {
        List<String> rest = bulletsApart(body);
        Double points = points(headingRest, rest);
        List<KeyPolicy> policies = new ArrayList<>(PolicyReader.take(rest));
        sectionPolicies(section, number).stream().filter(p -> !policies.contains(p)).forEach(policies::add);
        List<RubricItem> rubric = new ArrayList<>(rubricTable(rest, type));
        if (rubric.isEmpty()) {
            rubric.addAll(rubric(rest, type));
        }
        if (rubric.isEmpty()) {
            rubric.addAll(looseRubric(rest, type));
        }
        List<TestCase> tests = TestReader.take(rest, type == ProblemType.PROGRAMMING);
        if (rubric.isEmpty() && type == ProblemType.PROGRAMMING) {
            List<String> stated = new ArrayList<>(List.of(headingRest));
            stated.addAll(body);
            stated.addAll(section);
            rubric.addAll(testsOnly(stated, tests, points));
        }
        List<String> content = referenceLines(rest);
        String reference = Texts.block(content, 0, content.size());
        List<String> letters = type == ProblemType.CHOICE ? letters(reference) : List.of();
        if (type == ProblemType.CHOICE && letters.isEmpty()) {
            letters = boldLetter(rest);
        }
        return new ParsedKey(number, reference, List.copyOf(rubric), letters, tests, points, List.copyOf(policies));
    }

    /** The tests a programming problem's statement gives as examples, for a key that gives none. */
    public static List<TestCase> examples(String statement) {
        return statement == null ? List.of() : TestReader.take(new ArrayList<>(Texts.lines(statement)), true);
    }

    /**
     * "测试用例（每个 3 分）", "每个用例 3 分", "Tests (4 points each)", "4 points per test", "2 pts per case", "each test is
     * worth 4", "5 cases × 2", "5 个用例 × 3".
     */
    private static final Pattern PER_TEST = Pattern.compile(
            "(?:(?:测试|用例).*?每个|每个?(?:测试)?(?:用例|测试))\\s*(\\d+(?:\\.\\d+)?)\\s*分"
                    + "|tests?\\b.*?(\\d+(?:\\.\\d+)?)\\s*(?:points?|pts?|marks?)\\s*each"
                    + "|(\\d+(?:\\.\\d+)?)\\s*(?:(?:points?|pts?|marks?)\\s*(?:per|for each|a)|per) (?:passing )?(?:test|case)"
                    + "|(?:each|every) test(?: case)? (?:is )?worth\\s*(\\d+(?:\\.\\d+)?)"
                    + "|\\b\\d+\\s*(?:个)?\\s*(?:test cases|tests|cases|用例|测试用例)\\s*[×x*]\\s*(\\d+(?:\\.\\d+)?)(?!\\s*[\\d(])",
            Pattern.CASE_INSENSITIVE);

    /**
     * A key that puts every point of a program on its tests ("测试用例（每个 3 分）" over 5 tests): one rubric line
     * for the tests with all the points, in the key's words, so no default share is left for style or complexity
     * that the key does not give.
     */
    static List<RubricItem> testsOnly(List<String> body, List<TestCase> tests, Double points) {
        if (tests.isEmpty()) {
            return List.of();
        }
        if (tests.stream().allMatch(t -> t.points() != null)) {
            // Each test with its own points ("# T3（3 分）"): the tests' sum, in the key's numbers.
            double sum = tests.stream().mapToDouble(TestCase::points).sum();
            String words = "T1–T" + tests.size() + ": " + String.join(" + ", tests.stream()
                    .map(t -> Scores.format(t.points())).toList());
            return points != null && points > sum + 1e-9
                    ? List.of(new RubricItem(words, sum, "functionality"),
                            new RubricItem(words + " (tests not read)", points - sum, "other"))
                    : List.of(new RubricItem(words, sum, "functionality"));
        }
        for (String line : body) {
            Matcher m = PER_TEST.matcher(line);
            if (m.find()) {
                String each = m.group(1);
                for (int g = 2; each == null; g++) {
                    each = m.group(g);
                }
                // The sentence that states it, not the wrapped line's next words.
                int stop = line.indexOf(". ", m.end());
                String words = (stop < 0 ? line : line.substring(0, stop + 1)).replaceAll("^[\\s#*>-]+|[\\s:：*]+$", "");
                double read = Double.parseDouble(each) * tests.size();
                if (points != null && points > read + 1e-9) {
                    // Tests the key gives but were not read (a statement, not a call): their points are no tool's to
                    // decide, so the grade goes to the teacher instead of spreading them over the tests that ran.
                    return List.of(new RubricItem(words, read, "functionality"),
                            new RubricItem(words + " (tests not read)", points - read, "other"));
                }
                return List.of(new RubricItem(words, read, "functionality"));
            }
        }
        return List.of();
    }

    /** What the key says the problem is worth: on its heading ("## 3. (10分)") or in a line such as "满分 10 分". */
    static Double points(String headingRest, List<String> lines) {
        var onHeading = Points.read(headingRest);
        if (onHeading.isPresent()) {
            return onHeading.getAsDouble();
        }
        Matcher leading = LEADING_POINTS.matcher(headingRest);
        if (leading.find()) {
            // "（10分，每空5分）"
            return Double.parseDouble(leading.group(1));
        }
        for (String line : lines) {
            Matcher worth = WORTH.matcher(line);
            if (worth.find()) {
                return Double.parseDouble(worth.group(1));
            }
        }
        return null;
    }

    /**
     * A rubric table ({@code | 项目 | 分值 | 说明 |}, {@code | criterion | points |}): removed from {@code lines}, one
     * rubric line per row with its points; the other columns join the description.
     */
    static List<RubricItem> rubricTable(List<String> lines, ProblemType type) {
        for (int i = 0; i + 2 < lines.size(); i++) {
            List<String> head = Texts.cells(lines.get(i));
            int pointsColumn = -1;
            for (int c = 0; c < head.size(); c++) {
                if (POINTS_COLUMN.matcher(head.get(c)).matches()) {
                    pointsColumn = c;
                    break;
                }
            }
            if (pointsColumn < 0 || !lines.get(i + 1).matches("\\s*\\|?[\\s:|-]+\\|?\\s*")) {
                continue;
            }
            List<RubricItem> items = new ArrayList<>();
            int j = i + 2;
            for (; j < lines.size() && lines.get(j).strip().startsWith("|"); j++) {
                List<String> row = Texts.cells(lines.get(j));
                if (row.size() <= pointsColumn) {
                    continue;
                }
                Matcher n = NUMBER.matcher(row.get(pointsColumn));
                if (!n.find()) {
                    continue;
                }
                List<String> words = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    if (c != pointsColumn && !row.get(c).isBlank()) {
                        words.add(row.get(c).replace("**", "").strip());
                    }
                }
                String description = String.join(": ", words);
                if (description.isBlank() || TOTAL_ROW.matcher(description).matches()) {
                    continue;
                }
                items.add(new RubricItem(description, Double.parseDouble(n.group(1)), aspect(description, type)));
            }
            if (!items.isEmpty()) {
                int from = i > 0 && (RUBRIC_HEAD.matcher(lines.get(i - 1)).matches()
                        || TABLE_TITLE.matcher(lines.get(i - 1)).matches()) ? i - 1 : i;
                lines.subList(from, j).clear();
                return items;
            }
        }
        return List.of();
    }

    /**
     * A printed key sets several rubric bullets on one line ("• method — 3 pts   • value — 4 pts. Answering 0.9772:
     * 3 pts."): one line per bullet, and the note after a bullet's points on a line of its own.
     */
    static List<String> bulletsApart(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.strip().startsWith("•")) {
                out.add(line);
                continue;
            }
            // PDF text layers put no-break spaces between bullets.
            for (String bullet : BULLET_GAP.split(line.replace('\u00a0', ' ').strip())) {
                Matcher note = NOTE_AFTER_POINTS.matcher(bullet);
                if (note.matches()) {
                    out.add(note.group(1));
                    out.add(note.group(2));
                } else {
                    out.add(bullet);
                }
            }
        }
        return out;
    }

    /** Rubric bullets with points but no "评分标准" line above them: two or more make a rubric. */
    static List<RubricItem> looseRubric(List<String> lines, ProblemType type) {
        List<Integer> at = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence && line.strip().matches("^[-*•·].*") && RUBRIC_ITEM.matcher(line).matches()
                    && oneAmount(line)) {
                at.add(i);
            }
        }
        if (at.size() < 2) {
            return List.of();
        }
        List<RubricItem> items = new ArrayList<>();
        for (int i : at) {
            Matcher m = RUBRIC_ITEM.matcher(lines.get(i));
            if (m.matches()) {
                items.add(item(m, type));
            }
        }
        for (int k = at.size() - 1; k >= 0; k--) {
            lines.remove((int) at.get(k));
        }
        return items;
    }

    /** The reference itself: without headings, notes, table syntax or bold markers (code is kept as written). */
    private static final Pattern BOLD_MATH_LINE = Pattern.compile("^\\*\\*[^*]*\\$[^*]+\\*\\*[.。]?$");

    static List<String> referenceLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        for (String line : lines) {
            String s = line.strip();
            if (s.startsWith("```")) {
                inFence = !inFence;
                out.add(line);
                continue;
            }
            if (inFence) {
                out.add(line);
                continue;
            }
            if (s.matches("#{1,6}(\\s.*)?") || NOTE.matcher(s).find() || POINTS_ONLY.matcher(s).matches()
                    || s.matches("\\|?[\\s:|-]*-{3,}[\\s:|-]*\\|?")
                    || Numbering.isSectionHeading(s) || RUBRIC_HEAD.matcher(s).matches()) {
                continue;
            }
            // A whole line in bold that holds maths is the key's stated result: its emphasis says so, and stays.
            out.add(s.startsWith("|") ? String.join("  ", Texts.cells(s))
                    : BOLD_MATH_LINE.matcher(s).matches() ? s : line.replace("**", ""));
        }
        return out;
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
                if (item.matches() && oneAmount(line)) {
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

    /** A rubric line gives one amount and no deduction rule ("漏掉 R3 给6分；…扣2分" is prose about scoring). */
    private static boolean oneAmount(String line) {
        return !DEDUCTION.matcher(line).find() && AMOUNT.matcher(line).results().count() == 1;
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

    /**
     * "B", "答案：A, C", "(A)(C)", "A和C", "A and C", "Answer: (B) O(n). Two loops…" → sorted letters; empty when no line
     * is just letters or an answer line that starts with them.
     */
    /** "**C** (`3 3`): f appends to…": the one letter the key sets in bold at a line's start, then its reason. */
    static List<String> boldLetter(List<String> lines) {
        List<String> bold = lines.stream().filter(Objects::nonNull).map(BOLD_LETTER::matcher)
                .filter(Matcher::lookingAt).map(m -> m.group(1)).toList();
        return bold.size() == 1 ? bold : List.of();
    }

    public static List<String> letters(String reference) {
        for (String line : Texts.lines(reference)) {
            String plain = line.strip().replace("**", "");
            Matcher prefix = ANSWER_PREFIX.matcher(plain);
            boolean answerLine = prefix.lookingAt() && prefix.end() > 0;
            String s = prefix.replaceFirst("").strip();
            if (s.isEmpty()) {
                continue;
            }
            String upper = s.toUpperCase(Locale.ROOT).replace("AND", "and");
            if (LETTERS.matcher(upper).matches()) {
                return sorted(upper);
            }
            if (answerLine) {
                // The letters, then the reason: "(B) O(n). Two loops one after the other…"; "(b) ARP" for options
                // set in small letters.
                Matcher leading = LEADING_LETTERS.matcher(smallLettersAsOptions(s));
                if (leading.lookingAt()) {
                    return sorted(leading.group(1).toUpperCase(Locale.ROOT));
                }
            }
        }
        return List.of();
    }

    /**
     * "(b) ARP", "(a), (c)": small bracketed letters at the start of an answer line written as capitals, the options'
     * letters. Not "(a) 1.2 ms (b) 12 ms", the answers to a problem's parts.
     */
    private static String smallLettersAsOptions(String answer) {
        List<MatchResult> small = SMALL_BRACKETED.matcher(answer).results().toList();
        for (int i = 1; i < small.size(); i++) {
            if (!answer.substring(small.get(i - 1).end(), small.get(i).start())
                    .matches("(?:\\s|[,，、/&和及]|and)*")) {
                return answer;
            }
        }
        return SMALL_BRACKETED.matcher(answer).replaceAll(m -> "(" + m.group(1).toUpperCase(Locale.ROOT) + ")");
    }

    private static List<String> sorted(String letters) {
        TreeSet<String> set = new TreeSet<>();
        Matcher m = Pattern.compile("[A-H]").matcher(letters.replace("and", " "));
        while (m.find()) {
            set.add(m.group());
        }
        return List.copyOf(set);
    }
}
