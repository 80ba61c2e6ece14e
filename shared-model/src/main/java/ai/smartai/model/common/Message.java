package ai.smartai.model.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A text the server generated (a review reason, a piece of evidence, a warning), as a catalogue code and its
 * arguments, so that each client renders it in its reader's language: {@link MessageCode} holds the English and the
 * Chinese of every code. An argument written {@code @code} is itself a catalogue text (a method's or a limit's name),
 * rendered in the same language; {@code @code} followed by its own arguments, each after a unit separator (U+001F), is
 * a catalogue message with arguments (a reason inside a sentence), one level deep. A text stored before codes existed
 * reads as {@link MessageCode#TEXT} with the text.
 */
public record Message(String code, List<String> args) {

    /** The prefix of an argument that names another catalogue text. */
    static final String NESTED = "@";
    /** Between a nested message's code and each of its arguments. */
    static final char SEPARATOR = '\u001f';

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Message(@JsonProperty("code") String code, @JsonProperty("args") List<String> args) {
        this.code = code == null ? MessageCode.TEXT.code() : code;
        this.args = args == null ? List.of() : List.copyOf(args);
    }

    /** A text stored as a plain string (before codes, or words the server did not write, such as a tool's error). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Message text(String text) {
        return new Message(MessageCode.TEXT.code(), List.of(text == null ? "" : text));
    }

    /**
     * Arguments are written with {@code String.valueOf}; a {@link MessageCode} or a {@link Message} argument is
     * rendered nested (a message without a code as its text).
     */
    public static Message of(MessageCode code, Object... args) {
        List<String> written = new ArrayList<>(args.length);
        for (Object a : args) {
            written.add(a instanceof MessageCode nested ? NESTED + nested.code() : a instanceof Message m ? nested(m)
                    : String.valueOf(a));
        }
        return new Message(code.code(), written);
    }

    private static String nested(Message m) {
        if (MessageCode.TEXT.code().equals(m.code)) {
            return m.english();
        }
        StringBuilder out = new StringBuilder(NESTED).append(m.code);
        m.args.forEach(a -> out.append(SEPARATOR).append(a));
        return out.toString();
    }

    /**
     * Texts as messages: {@code codes} when the server sent one for each text, else the texts themselves (a server or
     * a row from before codes).
     */
    public static List<Message> orTexts(List<Message> codes, List<String> texts) {
        if (codes != null && texts != null && codes.size() == texts.size()) {
            return codes;
        }
        return texts == null ? List.of() : texts.stream().map(Message::text).toList();
    }

    /** The text in {@code lang} ("zh" or "en"; anything else is English). */
    public String render(String lang) {
        return render(lang, "", "");
    }

    /**
     * The text in {@code lang} with each argument that is not itself a catalogue text between {@code open} and
     * {@code close}: the words the server did not write (a student's sentence a tool matched, a program's output, a
     * name), so that a page can mark them apart from its own. A text without a code is one such argument whole.
     */
    public String render(String lang, String open, String close) {
        Optional<MessageCode> known = MessageCode.of(code);
        if (known.isEmpty()) {
            // A code this build does not know (a newer server): its arguments are all there is to show.
            return String.join(" ", args.stream().map(a -> open + a + close).toList());
        }
        String pattern = known.get().text(lang);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int end = c == '{' ? pattern.indexOf('}', i) : -1;
            if (end > i + 1 && end <= i + 3
                    && pattern.substring(i + 1, end).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(pattern.substring(i + 1, end));
                out.append(index < args.size() ? argument(args.get(index), lang, open, close) : "");
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The English text: what the API's plain-text fields carry. */
    public String english() {
        return render("en");
    }

    private static String argument(String arg, String lang, String open, String close) {
        if (arg.startsWith(NESTED)) {
            String[] parts = arg.substring(NESTED.length()).split(String.valueOf(SEPARATOR), -1);
            Optional<MessageCode> nested = MessageCode.of(parts[0]);
            if (nested.isPresent()) {
                return parts.length == 1 ? nested.get().text(lang)
                        : new Message(parts[0], List.of(parts).subList(1, parts.length)).render(lang, open, close);
            }
        }
        return arg.isEmpty() ? arg : open + arg + close;
    }
}
