package ai.smartai.backend.ingest.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ai.smartai.backend.ingest.parse.Numbering.Heading;
import ai.smartai.backend.ingest.parse.StudentIdentifier.Identity;
import ai.smartai.backend.student.SheetFlag;
import ai.smartai.backend.student.SheetFlag.Kind;
import ai.smartai.model.student.IdentifiedBy;

/**
 * Splits one student's text into answers per problem with the problem set's numbering rules, in any order, and reads
 * who the student is. Flags say what a teacher should look at; nothing is dropped.
 */
public final class SubmissionParser {

    /** A title over the answers ("homework 3", "STAT 2110 HW3", "大学物理 作业3"): no one's answer. */
    private static final Pattern TITLE = Pattern.compile(
            "(?i)^[^.?!=:：]{0,40}(\\b(homework|hw|assignment|problem set|exercises?|lab|worksheet|tutorial)(?![a-z])|作业|習題|习题|"
                    + "作業|实验|练习)[^.?!=]{0,30}$");

    /** A horizontal rule between answers: three or more of one of - = _ * ~ alone on a line. */
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*([-=_*~])(?:\\s*\\1){2,}\\s*$");

    /** A line that only opens or only closes a block comment. */
    private static final Pattern COMMENT_OPEN_LINE = Pattern.compile("\\s*" + Texts.BLOCK_OPEN + "\\s*");
    private static final Pattern COMMENT_CLOSE_LINE = Pattern.compile("\\s*" + Texts.BLOCK_CLOSE + "\\s*");
    /** "Problem 4 (Python)": the language an answer is written in, said on its heading, is not part of it. */
    private static final Pattern LANGUAGE_NOTE = Pattern.compile(
            "[(（\\[]\\s*(?i:python\\s*3?|java|c|c\\+\\+|c#|javascript|js|typescript|go|rust|kotlin|sql|matlab|r)\\s*[)）\\]]");

    private SubmissionParser() {
    }

    public static ParsedSubmission parse(String sourceFile, String text, Collection<String> problemNumbers) {
        return parse(sourceFile, text, problemNumbers, Map.of());
    }

    /** {@code subParts}: how many sub-parts each problem sets out, for sheets that number every part on its own. */
    public static ParsedSubmission parse(String sourceFile, String text, Collection<String> problemNumbers,
            Map<String, Integer> subParts) {
        List<String> lines = Texts.lines(text);
        Identity fromFile = StudentIdentifier.fromFileName(sourceFile);
        List<Heading> headings = Numbering.perSubPart(Numbering.answerHeadings(lines, problemNumbers),
                List.copyOf(problemNumbers), subParts);
        List<SheetFlag> flags = new ArrayList<>();
        Map<String, String> found = new LinkedHashMap<>();
        StringBuilder unmatched = new StringBuilder();

        if (listInLaterAnswer(lines, headings, problemNumbers.size(), fromFile)) {
            headings = List.of();
        }
        int firstAnswer = headings.isEmpty() ? lines.size() : headings.get(0).line();
        List<String> header = lines.subList(0, Math.min(firstAnswer, lines.size()));
        if (headings.isEmpty()) {
            int start = identityLines(lines, fromFile);
            header = lines.subList(0, start);
            List<String> answered = lines.subList(0, signatureStart(lines, start, fromFile));
            List<String> ruled = betweenRules(answered, start);
            List<String> inOrder = ruled.size() == problemNumbers.size() ? ruled : paragraphs(answered, start);
            if (problemNumbers.size() == 1) {
                found.put(problemNumbers.iterator().next(), Texts.block(lines, 0, lines.size()));
            } else if (inOrder.size() == problemNumbers.size()) {
                // No numbering, one paragraph per problem: the answers in the problems' order.
                int i = 0;
                for (String n : problemNumbers) {
                    found.put(n, inOrder.get(i++));
                }
            } else if (!Texts.block(lines, start, lines.size()).isBlank()) {
                flags.add(SheetFlag.of(Kind.UNSEGMENTED));
                unmatched.append(Texts.block(lines, start, lines.size()));
            }
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int end = i + 1 < headings.size() ? headings.get(i + 1).line() : lines.size();
            String body = outsideComment(lines.subList(h.line() + 1, Numbering.blockEnd(lines, h.line() + 1, end)));
            String rest = LANGUAGE_NOTE.matcher(h.answerText()).matches() ? "" : h.answerText();
            String answer = rest.isEmpty() ? body : body.isEmpty() ? rest : rest + "\n" + body;
            if (problemNumbers.contains(h.number())) {
                found.put(h.number(), answer);
            } else {
                if (unmatched.length() > 0) {
                    unmatched.append("\n\n");
                }
                unmatched.append(lines.get(h.line()).strip()).append(answer.isEmpty() ? "" : "\n" + answer);
            }
        }

        // A problem with no answer is a blank only when the sheet holds nothing else; otherwise its answer may be
        // in the text no problem claimed, and the teacher decides.
        boolean more = unmatched.length() > 0;
        Map<String, ParsedSubmission.Answer> answers = new LinkedHashMap<>();
        for (String n : problemNumbers) {
            String answerText = found.getOrDefault(n, "");
            List<SheetFlag> answerFlags = !answerText.isBlank() ? List.of() : more && !found.containsKey(n)
                    ? List.of(SheetFlag.of(Kind.NOT_FOUND)) : List.of(SheetFlag.of(Kind.UNANSWERED));
            answers.put(n, new ParsedSubmission.Answer(answerText, answerFlags));
        }
        if (more && flags.stream().noneMatch(f -> f.is(Kind.UNSEGMENTED))) {
            flags.add(SheetFlag.of(Kind.UNMATCHED_TEXT));
        }

        Identity fromContent = StudentIdentifier.fromHeader(header.isEmpty() ? lines.subList(0,
                Math.min(5, lines.size())) : header, fromFile);
        if (fromContent.id() == null && fromContent.name() == null) {
            // Some students sign at the end.
            fromContent = StudentIdentifier.fromHeader(lastLines(lines, 3), fromFile);
        }
        String id;
        IdentifiedBy by;
        if (fromContent.id() != null) {
            id = fromContent.id();
            by = IdentifiedBy.CONTENT;
            if (fromFile.id() != null && !fromFile.id().equalsIgnoreCase(fromContent.id())) {
                flags.add(SheetFlag.identityConflict(fromFile.id(), fromContent.id()));
            }
        } else if (fromFile.id() != null) {
            id = fromFile.id();
            by = IdentifiedBy.FILENAME;
        } else {
            id = null;
            by = IdentifiedBy.FILENAME;
            flags.add(SheetFlag.of(Kind.UNIDENTIFIED));
        }
        String name = fromContent.name() != null ? fromContent.name() : fromFile.name();
        if (name == null) {
            List<String> last = lastLines(lines, 1);
            name = last.isEmpty() ? null : StudentIdentifier.signed(last.get(0));
        }
        return new ParsedSubmission(sourceFile, id, name, by, flags, answers, unmatched.toString());
    }

    /**
     * An answer without the block comment that holds it in a source file: a Python answer kept in a Java file as
     * "/* Problem 4 (Python)", the code, then the comment's end on a line of its own. Lines that only open or close
     * that comment go; a comment inside the answer stays.
     */
    static String outsideComment(List<String> block) {
        int from = 0;
        int to = block.size();
        while (from < to && block.get(from).isBlank()) {
            from++;
        }
        while (to > from && block.get(to - 1).isBlank()) {
            to--;
        }
        if (to - from >= 2 && COMMENT_CLOSE_LINE.matcher(block.get(to - 1)).matches()) {
            List<String> inside = block.subList(from + 1, to - 1);
            if (COMMENT_OPEN_LINE.matcher(block.get(from)).matches()
                    && inside.stream().noneMatch(l -> l.contains("*/"))) {
                from++;
                to--;
            } else if (block.subList(from, to - 1).stream().noneMatch(l -> l.contains("/*"))) {
                // Opened on the heading's line, or above it by the answer before.
                to--;
            }
        }
        return Texts.block(block, from, to);
    }

    /** How many leading lines are a title or say who the student is (and the blank lines among them). */
    /**
     * Unnumbered answers, one paragraph each, with a numbered list inside a later one ("死锁的四个必要条件：1. 互斥 …"):
     * fewer headings than problems, under paragraphs of answers, and a paragraph per problem on the whole sheet.
     */
    private static boolean listInLaterAnswer(List<String> lines, List<Heading> headings, int problems,
            Identity fromFile) {
        if (headings.isEmpty() || headings.size() >= problems) {
            return false;
        }
        int start = identityLines(lines, fromFile);
        if (start >= headings.get(0).line()
                || paragraphs(lines.subList(0, headings.get(0).line()), start).size() < 2) {
            return false;
        }
        return paragraphs(lines.subList(0, signatureStart(lines, start, fromFile)), start).size() == problems;
    }

    static int identityLines(List<String> lines, Identity fromFile) {
        int i = 0;
        int end = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                i++;
                continue;
            }
            Identity who = StudentIdentifier.fromHeader(List.of(line), fromFile);
            if (who.id() == null && who.name() == null && !line.startsWith("#") && !TITLE.matcher(line).matches()) {
                break;
            }
            end = ++i;
        }
        return end;
    }

    /** Where a signature closing the sheet begins ("— Lan Nguyen, 20231104"): the end of the answers. */
    static int signatureStart(List<String> lines, int from, Identity fromFile) {
        int end = lines.size();
        while (end > from && lines.get(end - 1).isBlank()) {
            end--;
        }
        if (end > from && signs(lines.get(end - 1), fromFile) && (end - 1 == from || lines.get(end - 2).isBlank())) {
            return end - 1;
        }
        return lines.size();
    }

    /** A line naming the student: one the identifier reads a name from, or the file's name alone ("—— 孙雨萱"). */
    private static boolean signs(String line, Identity fromFile) {
        if (StudentIdentifier.fromHeader(List.of(line), fromFile).name() != null) {
            return true;
        }
        String bare = StudentIdentifier.undashed(line).replaceAll("\\s+", "");
        return fromFile.name() != null && bare.equalsIgnoreCase(fromFile.name().replaceAll("\\s+", ""));
    }

    /** Blocks between horizontal rules ("-----", "=====", "***"), from {@code start}; none when there is no rule. */
    static List<String> betweenRules(List<String> lines, int start) {
        List<String> out = new ArrayList<>();
        int from = start;
        boolean ruled = false;
        for (int i = start; i <= lines.size(); i++) {
            if (i == lines.size() || RULE_LINE.matcher(lines.get(i)).matches()) {
                ruled |= i < lines.size();
                String block = Texts.block(lines, from, i);
                if (!block.isBlank()) {
                    out.add(block);
                }
                from = i + 1;
            }
        }
        return ruled ? out : List.of();
    }

    /** Paragraphs separated by blank lines, from {@code start}; a code fence with blank lines inside stays whole. */
    static List<String> paragraphs(List<String> lines, int start) {
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        int from = start;
        for (int i = start; i <= lines.size(); i++) {
            boolean endOfText = i == lines.size();
            if (!endOfText && lines.get(i).strip().startsWith("```")) {
                inFence = !inFence;
            }
            if (endOfText || (!inFence && lines.get(i).isBlank())) {
                String p = Texts.block(lines, from, i);
                if (!p.isBlank()) {
                    out.add(p);
                }
                from = i + 1;
            }
        }
        return out;
    }

    private static List<String> lastLines(List<String> lines, int count) {
        List<String> nonBlank = lines.stream().filter(l -> !l.isBlank()).toList();
        return nonBlank.subList(Math.max(0, nonBlank.size() - count), nonBlank.size());
    }
}
