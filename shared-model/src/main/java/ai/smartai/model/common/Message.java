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
 * rendered in the same language. A text stored before codes existed reads as {@link MessageCode#TEXT} with the text.
 */
public record Message(String code, List<String> args) {

    /** The prefix of an argument that names another catalogue text. */
    static final String NESTED = "@";

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

    /** Arguments are written with {@code String.valueOf}; a {@link MessageCode} argument is rendered nested. */
    public static Message of(MessageCode code, Object... args) {
        List<String> written = new ArrayList<>(args.length);
        for (Object a : args) {
            written.add(a instanceof MessageCode nested ? NESTED + nested.code() : String.valueOf(a));
        }
        return new Message(code.code(), written);
    }

    /** The text in {@code lang} ("zh" or "en"; anything else is English). */
    public String render(String lang) {
        Optional<MessageCode> known = MessageCode.of(code);
        if (known.isEmpty()) {
            // A code this build does not know (a newer server): its arguments are all there is to show.
            return String.join(" ", args);
        }
        String pattern = known.get().text(lang);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3
                    && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(index < args.size() ? argument(args.get(index), lang) : "");
                i = close;
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

    private static String argument(String arg, String lang) {
        if (arg.startsWith(NESTED)) {
            Optional<MessageCode> nested = MessageCode.of(arg.substring(NESTED.length()));
            if (nested.isPresent()) {
                return nested.get().text(lang);
            }
        }
        return arg;
    }
}
