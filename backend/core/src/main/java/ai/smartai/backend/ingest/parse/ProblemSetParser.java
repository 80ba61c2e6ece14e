package ai.smartai.backend.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.smartai.backend.ingest.parse.Numbering.Heading;
import ai.smartai.backend.problem.DefaultRubrics;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

/** Splits a problem set into problems by their numbering, keeping every character of each stem. */
public final class ProblemSetParser {

    /** The problems, and what the teacher should know about how they were found. */
    public record Result(List<ParsedProblem> problems, List<Message> warnings, boolean unclear) {
    }

    private static final Pattern OPTION = Pattern.compile("^\\s*[(（]?([A-H])\\s*[)）.．、:：]\\s*\\S.*$");
    /** Further options on an option's line, after a gap: "A. 0　　B. 2", "(A) O(1)  (B) O(n)". */
    private static final Pattern INLINE_OPTION = Pattern.compile(
            "(?:\\s{2,}|[\\t\u3000][\\s\u3000]*|\\s(?=[(（]))[(（]?([A-H])\\s*[)）.．、:：]\\s*\\S");

    private ProblemSetParser() {
    }

    public static Result parse(String fileName, String text) {
        List<String> lines = Texts.lines(text);
        List<Heading> headings = Numbering.problemHeadings(lines);
        List<Message> warnings = new ArrayList<>();
        List<ParsedProblem> problems = new ArrayList<>();
        if (headings.isEmpty()) {
            String stem = Texts.block(lines, 0, lines.size());
            if (stem.isBlank()) {
                return new Result(List.of(), List.of(Message.of(MessageCode.UP_DOCUMENT_EMPTY, fileName)), true);
            }
            warnings.add(Message.of(MessageCode.UP_NO_NUMBERING, fileName));
            problems.add(problem("1", stem));
            return new Result(problems, warnings, true);
        }
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
        return new Result(problems, warnings, false);
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
                        add(letters, more.group(1));
                    }
                }
            }
        }
        return letters.size() >= 2 ? List.copyOf(letters) : List.of();
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
