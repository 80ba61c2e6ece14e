package ai.smartai.backend.student;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

/**
 * The flags a sheet or an answer carries for the teacher: what reading it found worth a look. A flag is stored as its
 * name, then ": " and its details when it has any, in English (the API's {@code flags}); {@link #message} reads a
 * stored flag back as the catalogue message it was written from, so a page shows its details in the reader's
 * language, rows written before this change included.
 */
public final class SheetFlags {

    /** An answer flag: nothing was written for the problem. */
    public static final String UNANSWERED = "unanswered";
    /** A sheet flag: the file name and the sheet's header name different students. */
    public static final String IDENTITY_CONFLICT = "identity-conflict";
    public static final String UNIDENTIFIED = "unidentified";
    public static final String UNMATCHED_TEXT = "unmatched-text";
    public static final String UNSEGMENTED = "unsegmented";
    /** An answer flag: the sheet's segmentation found no answer to this problem, though the sheet has unmatched text. */
    public static final String NOT_FOUND = "not-found";

    /** The flags with details, the longer of two that share a beginning first (a match is whole, but tried in turn). */
    private static final List<Shape> SHAPES = List.of(
            Shape.of(MessageCode.FLAG_IDENTITY_CONFLICT), Shape.of(MessageCode.FLAG_DUPLICATE_ID_SAME),
            Shape.of(MessageCode.FLAG_DUPLICATE_ID_OTHER), Shape.of(MessageCode.FLAG_DUPLICATE_ID),
            Shape.of(MessageCode.FLAG_UNREADABLE_FILE), Shape.of(MessageCode.FLAG_LLM_SEGMENTED));
    /** Why a file could not be read, as an unreadable-file flag's detail holds it. */
    private static final List<Shape> UNREADABLE = Arrays.stream(MessageCode.values())
            .filter(c -> c.name().startsWith("DOC_")).map(Shape::of).toList();

    private SheetFlags() {
    }

    public static String identityConflict(String fileNameSays, String sheetSays) {
        return Message.of(MessageCode.FLAG_IDENTITY_CONFLICT, fileNameSays, sheetSays).english();
    }

    /**
     * {@code sameText}: null when the other file is graded too (two students), else whether it holds the same text or
     * another submission that is not graded.
     */
    public static String duplicateId(String id, String otherFile, Boolean sameText) {
        MessageCode code = sameText == null ? MessageCode.FLAG_DUPLICATE_ID
                : sameText ? MessageCode.FLAG_DUPLICATE_ID_SAME : MessageCode.FLAG_DUPLICATE_ID_OTHER;
        return Message.of(code, id, otherFile).english();
    }

    public static String unreadableFile(Message why) {
        return Message.of(MessageCode.FLAG_UNREADABLE_FILE, why).english();
    }

    public static String llmSegmented(String by) {
        return Message.of(MessageCode.FLAG_LLM_SEGMENTED, by).english();
    }

    /** A stored flag as a message: the one it was written from, or its text when it has no details or no code. */
    public static Message message(String flag) {
        for (Shape s : SHAPES) {
            Optional<List<String>> args = s.read(flag);
            if (args.isPresent()) {
                List<Object> parts = new ArrayList<>(args.get());
                if (s.code == MessageCode.FLAG_UNREADABLE_FILE) {
                    String why = args.get().get(0);
                    parts.set(0, UNREADABLE.stream().flatMap(u -> u.read(why).stream()
                            .map(a -> (Object) Message.of(u.code, a.toArray()))).findFirst().orElse(why));
                }
                return Message.of(s.code, parts.toArray());
            }
        }
        return Message.text(flag);
    }

    /** A catalogue text's English as a pattern that gives back its arguments. */
    private record Shape(MessageCode code, Pattern pattern, List<Integer> order, int arguments) {

        static Shape of(MessageCode code) {
            String en = code.text("en");
            Matcher m = Pattern.compile("\\{(\\d)}").matcher(en);
            StringBuilder regex = new StringBuilder();
            List<Integer> order = new ArrayList<>();
            int at = 0;
            while (m.find()) {
                regex.append(Pattern.quote(en.substring(at, m.start()))).append("(.+?)");
                order.add(Integer.parseInt(m.group(1)));
                at = m.end();
            }
            regex.append(Pattern.quote(en.substring(at)));
            int arguments = order.stream().mapToInt(i -> i + 1).max().orElse(0);
            return new Shape(code, Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(order), arguments);
        }

        /** The arguments by their number, when the text is this one whole (an argument it repeats, the same). */
        Optional<List<String>> read(String text) {
            Matcher m = pattern.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            String[] args = new String[arguments];
            for (int g = 1; g <= m.groupCount(); g++) {
                int index = order.get(g - 1);
                if (args[index] != null && !args[index].equals(m.group(g))) {
                    return Optional.empty();
                }
                args[index] = m.group(g);
            }
            return Arrays.stream(args).anyMatch(a -> a == null) ? Optional.empty() : Optional.of(List.of(args));
        }
    }
}
