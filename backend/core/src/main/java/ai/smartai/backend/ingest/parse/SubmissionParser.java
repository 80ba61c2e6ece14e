package ai.smartai.backend.ingest.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.smartai.backend.ingest.parse.Numbering.Heading;
import ai.smartai.backend.ingest.parse.StudentIdentifier.Identity;
import ai.smartai.model.student.IdentifiedBy;

/**
 * Splits one student's text into answers per problem with the problem set's numbering rules, in any order, and reads
 * who the student is. Flags say what a teacher should look at; nothing is dropped.
 */
public final class SubmissionParser {

    public static final String UNANSWERED = "unanswered";
    public static final String IDENTITY_CONFLICT = "identity-conflict";
    public static final String UNIDENTIFIED = "unidentified";
    public static final String UNMATCHED_TEXT = "unmatched-text";
    public static final String UNSEGMENTED = "unsegmented";

    private SubmissionParser() {
    }

    public static ParsedSubmission parse(String sourceFile, String text, Collection<String> problemNumbers) {
        List<String> lines = Texts.lines(text);
        List<Heading> headings = Numbering.answerHeadings(lines, problemNumbers);
        List<String> flags = new ArrayList<>();
        Map<String, StringBuilder> found = new LinkedHashMap<>();
        StringBuilder unmatched = new StringBuilder();

        int firstAnswer = headings.isEmpty() ? lines.size() : headings.get(0).line();
        List<String> header = lines.subList(0, Math.min(firstAnswer, lines.size()));
        if (headings.isEmpty()) {
            if (problemNumbers.size() == 1) {
                String only = problemNumbers.iterator().next();
                found.put(only, new StringBuilder(Texts.block(lines, 0, lines.size())));
            } else if (!Texts.block(lines, 0, lines.size()).isBlank()) {
                flags.add(UNSEGMENTED);
                unmatched.append(Texts.block(lines, 0, lines.size()));
            }
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int end = i + 1 < headings.size() ? headings.get(i + 1).line() : lines.size();
            String body = Texts.block(lines, h.line() + 1, end);
            String answer = h.rest().isEmpty() ? body : body.isEmpty() ? h.rest() : h.rest() + "\n" + body;
            if (problemNumbers.contains(h.number())) {
                found.put(h.number(), new StringBuilder(answer));
            } else {
                if (unmatched.length() > 0) {
                    unmatched.append("\n\n");
                }
                unmatched.append(lines.get(h.line()).strip()).append(answer.isEmpty() ? "" : "\n" + answer);
            }
        }

        Map<String, ParsedSubmission.Answer> answers = new LinkedHashMap<>();
        for (String n : problemNumbers) {
            StringBuilder a = found.get(n);
            String answerText = a == null ? "" : a.toString();
            answers.put(n, new ParsedSubmission.Answer(answerText,
                    answerText.isBlank() ? List.of(UNANSWERED) : List.of()));
        }
        if (unmatched.length() > 0 && !flags.contains(UNSEGMENTED)) {
            flags.add(UNMATCHED_TEXT);
        }

        Identity fromFile = StudentIdentifier.fromFileName(sourceFile);
        Identity fromContent = StudentIdentifier.fromHeader(header.isEmpty() ? lines.subList(0,
                Math.min(5, lines.size())) : header);
        String id;
        IdentifiedBy by;
        if (fromContent.id() != null) {
            id = fromContent.id();
            by = IdentifiedBy.CONTENT;
            if (fromFile.id() != null && !fromFile.id().equalsIgnoreCase(fromContent.id())) {
                flags.add(IDENTITY_CONFLICT + ": file name says " + fromFile.id() + ", the answer sheet says "
                        + fromContent.id());
            }
        } else if (fromFile.id() != null) {
            id = fromFile.id();
            by = IdentifiedBy.FILENAME;
        } else {
            id = null;
            by = IdentifiedBy.FILENAME;
            flags.add(UNIDENTIFIED);
        }
        String name = fromContent.name() != null ? fromContent.name() : fromFile.name();
        return new ParsedSubmission(sourceFile, id, name, by, flags, answers, unmatched.toString());
    }
}
