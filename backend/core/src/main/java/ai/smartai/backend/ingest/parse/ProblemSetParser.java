package ai.smartai.backend.ingest.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.smartai.backend.ingest.parse.Numbering.Heading;
import ai.smartai.backend.problem.DefaultRubrics;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.problem.ProblemType;

/** Splits a problem set into problems by their numbering, keeping every character of each stem. */
public final class ProblemSetParser {

    /** The problems, and what the teacher should know about how they were found. */
    public record Result(List<ParsedProblem> problems, List<Message> warnings, boolean unclear) {
    }

    /** "A. 0", "(B) O(n)", "- (C) A table can have …" (options as a Markdown list). */
    private static final Pattern OPTION = Pattern.compile("^\\s*(?:[-*+]\\s+)?[(（]?([A-H])\\s*[)）.．、:：]\\s*\\S.*$");
    /** Further options on an option's line, after a gap: "A. 0　　B. 2", "(A) O(1)  (B) O(n)". */
    private static final Pattern INLINE_OPTION = Pattern.compile(
            "(?:\\s{2,}|[\\t\u3000][\\s\u3000]*|\\s(?=[(（]))[(（]?([A-H])\\s*[)）.．、:：]\\s*\\S");

    /**
     * Options in small letters on one line: "(a) DNS (b) ARP (c) DHCP (d) ICMP". Small letters also number a problem's
     * parts, so they are options only on one line of short items without a question, in a stem that asks to choose.
     */
    private static final Pattern SMALL_OPTION = Pattern
            .compile("(?<![\\p{L}\\d])[(（]([a-h])[)）]\\s*([^()（）?？]{1,40}?)\\s*"
                    + "(?=[(（][a-h][)）]|$)");
    private static final Pattern SMALL_OPTION_LINE = Pattern.compile("^[(（]([a-h])[)）]\\s*([^?？]{1,60})$");
    private static final Pattern ASKS_TO_CHOOSE = Pattern.compile(
            "(?i)(\\bchoose\\b|\\bselect\\b|\\bwhich\\b|\\bpick\\b|\\bcircle\\b|选择|选出|哪)");

    private ProblemSetParser() {
    }

    public static Result parse(String fileName, String text) {
        List<String> lines = Texts.lines(text);
        List<Heading> headings = Numbering.problemHeadings(lines);
        List<Message> warnings = new ArrayList<>();
        if (headings.isEmpty()) {
            String stem = Texts.block(lines, 0, lines.size());
            if (stem.isBlank()) {
                return new Result(List.of(), List.of(Message.of(MessageCode.UP_DOCUMENT_EMPTY, fileName)), true);
            }
            warnings.add(Message.of(MessageCode.UP_NO_NUMBERING, fileName));
            return new Result(List.of(problem("1", stem)), warnings, true);
        }
        return new Result(split(fileName, lines, headings, warnings), warnings, false);
    }

    /**
     * The problem set split into the key's problems 1…{@code count} by markers too loose to trust without that count:
     * empty when the document does not hold them all in order. For a set whose own numbering found fewer problems
     * than its key answers.
     */
    public static Optional<Result> parseCounted(String fileName, String text, int count) {
        List<String> lines = Texts.lines(text);
        return Numbering.headingsFor(lines, count).map(headings -> {
            List<Message> warnings = new ArrayList<>();
            warnings.add(Message.of(MessageCode.UP_SPLIT_BY_KEY, fileName, count));
            return new Result(split(fileName, lines, headings, warnings), warnings, false);
        });
    }

    /**
     * The set's problems completed from a key that numbers {@code count} problems, for a set that holds fewer and whose
     * numbers could not be found in it: each problem the set's own numbering found keeps its text; the others have no
     * text, are typed by the key's answers, and are named in a warning so the teacher can fill them in. The students'
     * answers to them are then split and graded rather than lost. Empty when the set numbers a problem the key does
     * not ("2.1" beside a key's "1."–"9."): the two do not number alike, and nothing is made.
     */
    public static Optional<Result> completedByKey(String setName, String setText, String keyName, String keyText,
            int count) {
        Result own = parse(setName, setText);
        Map<String, ParsedProblem> kept = new HashMap<>();
        if (!own.unclear()) {
            own.problems().forEach(p -> kept.put(p.number(), p));
        }
        Map<String, ProblemType> untyped = new LinkedHashMap<>();
        for (int k = 1; k <= count; k++) {
            untyped.put(Integer.toString(k), ProblemType.OTHER);
        }
        if (!untyped.keySet().containsAll(kept.keySet())) {
            return Optional.empty();
        }
        Map<String, String> references = new HashMap<>();
        AnswerKeyParser.parse(keyName, keyText, untyped).keys()
                .forEach(k -> references.put(k.number(), k.referenceAnswer()));
        List<ParsedProblem> problems = new ArrayList<>();
        List<String> fromKey = new ArrayList<>();
        for (String number : untyped.keySet()) {
            ParsedProblem p = kept.get(number);
            if (p == null) {
                p = keyOnly(number, references.getOrDefault(number, ""), Texts.language(setText).equals("zh"));
                fromKey.add(number);
            }
            problems.add(p);
        }
        List<Message> warnings = new ArrayList<>(own.unclear() ? List.of() : own.warnings());
        warnings.add(Message.of(MessageCode.UP_PROBLEMS_FROM_KEY, setName, keyName, String.join(", ", fromKey)));
        return Optional.of(new Result(problems, warnings, false));
    }

    private static ParsedProblem keyOnly(String number, String reference, boolean zh) {
        ProblemClassifier.Classification c = ProblemClassifier.fromKeyAlone(reference, zh);
        List<String> choices = List.of();
        if (c.type() == ProblemType.CHOICE) {
            // The options are not known: A to the last letter the key names, at least A–D.
            char last = 'D';
            for (String letter : AnswerKeyParser.letters(reference)) {
                last = (char) Math.max(last, letter.charAt(0));
            }
            List<String> letters = new ArrayList<>();
            for (char l = 'A'; l <= last; l++) {
                letters.add(String.valueOf(l));
            }
            choices = List.copyOf(letters);
        }
        String language = zh ? "zh" : "en";
        return new ParsedProblem(number, "", c.type(), c.reason(), Points.DEFAULT, false, choices,
                DefaultRubrics.forType(c.type(), Points.DEFAULT, language), language);
    }

    /**
     * How many problems a key answers, numbered 1…N; 0 when its numbers are not such a run. Against a set whose
     * numbering was found ({@code known}), the key's answers are found as they are matched to problems, so a key's
     * numbered rules ("1. Units …" to "9. …" above answers "1)" to "7)") are not taken for answers; a key that names
     * none of them is read by its own numbering.
     */
    public static int numberedCount(String keyText, List<String> known) {
        List<String> lines = Texts.lines(keyText);
        List<Heading> headings = known.size() <= 1 ? List.of() : Numbering.answerHeadings(lines, known);
        if (headings.stream().noneMatch(h -> known.contains(h.number()))) {
            // Nothing to match against, or nothing matched: the key's own numbering.
            headings = Numbering.problemHeadings(lines);
        }
        List<String> numbers = headings.stream().map(Heading::number).toList();
        for (int i = 0; i < numbers.size(); i++) {
            if (!numbers.get(i).equals(Integer.toString(i + 1))) {
                return 0;
            }
        }
        return numbers.size();
    }

    /**
     * How many problems a key numbers on loose markers alone ("1 Sorting", "P1 —") when its known styles number at
     * most one; 0 otherwise. Only a set that holds the same markers 1…N is split by it ({@link #parseCounted}): no
     * problem is made from such a key.
     */
    public static int looselyNumberedCount(String keyText) {
        return Numbering.looseCount(Texts.lines(keyText));
    }

    private static List<ParsedProblem> split(String fileName, List<String> lines, List<Heading> headings,
            List<Message> warnings) {
        List<ParsedProblem> problems = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int end = i + 1 < headings.size() ? headings.get(i + 1).line() : lines.size();
            String body = Texts.block(lines, h.line() + 1, Numbering.blockEnd(lines, h.line() + 1, end));
            String stem = h.rest().isEmpty() ? body : body.isEmpty() ? h.rest() : h.rest() + "\n" + body;
            if (stem.isBlank()) {
                warnings.add(Message.of(MessageCode.UP_PROBLEM_NO_TEXT, fileName, h.number()));
            }
            problems.add(problem(h.number(), stem));
        }
        return problems;
    }

    public static ParsedProblem problem(String number, String stem) {
        List<String> choices = choices(stem);
        ProblemClassifier.Classification c = ProblemClassifier.classify(stem, choices);
        OptionalDouble points = Points.read(stem);
        double max = points.orElse(Points.DEFAULT);
        String language = Texts.language(stem);
        return new ParsedProblem(number, stem, c.type(), c.reason(), max, points.isPresent(), choices,
                DefaultRubrics.forType(c.type(), max, language), language);
    }

    /** Option letters, when they run A, B, C… in order (at least two). Code fences are not options. */
    static List<String> choices(String stem) {
        List<String> letters = new ArrayList<>();
        boolean inFence = false;
        for (String line : Texts.lines(stem)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            // Options set out in a table's cells ("| A. 0 | B. 2 |") are read cell by cell.
            for (String cell : line.strip().startsWith("|") ? line.split("\\|") : new String[] { line }) {
                Matcher m = OPTION.matcher(cell);
                if (m.matches()) {
                    add(letters, m.group(1));
                    Matcher more = INLINE_OPTION.matcher(cell);
                    while (more.find()) {
                        // Only the next letter: "(A)" in option B's text ("the range query in (A)") starts nothing.
                        if (more.group(1).charAt(0) == 'A' + letters.size()) {
                            letters.add(more.group(1));
                        }
                    }
                }
            }
        }
        if (letters.size() < 2 && ASKS_TO_CHOOSE.matcher(stem).find()) {
            letters.clear();
            List<String> perLine = new ArrayList<>();
            for (String line : Texts.lines(stem)) {
                List<String> small = smallOptions(line.strip());
                if (small.size() >= 3) {
                    return small;
                }
                // "(a) $\\neg p \\rightarrow \\neg q$" then "(b) …", one short option a line: not sub-questions.
                Matcher one = SMALL_OPTION_LINE.matcher(line.strip());
                if (one.matches() && one.group(1).charAt(0) == 'a' + perLine.size()) {
                    perLine.add(one.group(1).toUpperCase(Locale.ROOT));
                }
            }
            if (perLine.size() >= 3) {
                return perLine;
            }
        }
        return letters.size() >= 2 ? List.copyOf(letters) : List.of();
    }

    /** The options of a line that is only small-letter options, a, b, c… in order, as capitals; else empty. */
    private static List<String> smallOptions(String line) {
        Matcher m = SMALL_OPTION.matcher(line);
        List<String> letters = new ArrayList<>();
        int end = 0;
        while (m.find()) {
            if (m.start() != end || m.group(1).charAt(0) != 'a' + letters.size() || m.group(2).isBlank()) {
                return List.of();
            }
            letters.add(m.group(1).toUpperCase(Locale.ROOT));
            end = m.end();
        }
        return end == line.length() ? letters : List.of();
    }

    private static void add(List<String> letters, String letter) {
        char expected = (char) ('A' + letters.size());
        if (letter.charAt(0) == expected) {
            letters.add(letter);
        } else if (letter.equals("A")) {
            letters.clear();
            letters.add(letter);
        }
    }
}
