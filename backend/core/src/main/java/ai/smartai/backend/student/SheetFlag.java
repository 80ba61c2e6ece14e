package ai.smartai.backend.student;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Converter;

import ai.smartai.backend.db.Json;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * A flag a sheet or an answer carries for the teacher: what reading it found worth a look. It is its {@link Kind} and,
 * when the kind has details (who the file name and the sheet say, which other file), the catalogue message that says
 * them; it is stored so, as JSON ({@code {"kind":"duplicate-id","details":{"code":…,"args":[…]}}}), and code asks its
 * kind, never its words. {@link #text} is the English the API's {@code flags} carry, {@link #message} the message a
 * page renders in its reader's language ({@code flagCodes}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SheetFlag(Kind kind, Message details) {

    /** What a flag says. */
    public enum Kind {
        /** An answer flag: nothing was written for the problem. */
        UNANSWERED,
        /** An answer flag: the sheet's segmentation found no answer to this problem, though it has unmatched text. */
        NOT_FOUND,
        /** The file name and the sheet's header name different students. */
        IDENTITY_CONFLICT,
        UNIDENTIFIED,
        UNMATCHED_TEXT,
        UNSEGMENTED,
        ENCODING_GUESSED,
        DUPLICATE_ID,
        UNREADABLE_FILE,
        LLM_SEGMENTED,
        /** A flag an earlier build wrote that this one does not know: its text is all it has. */
        OTHER;

        /** The flag's name, as the API's flags have always begun ({@code identity-conflict}). */
        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static Kind of(String code) {
            return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst().orElse(OTHER);
        }

        /** The kind of a flag as the API gives it ({@code flagCodes}): its message's code, or its plain name. */
        public static Kind of(Message flagCode) {
            Optional<MessageCode> code = MessageCode.of(flagCode.code());
            if (code.isPresent() && code.get() != MessageCode.TEXT) {
                return switch (code.get()) {
                    case FLAG_IDENTITY_CONFLICT -> IDENTITY_CONFLICT;
                    case FLAG_DUPLICATE_ID, FLAG_DUPLICATE_ID_SAME, FLAG_DUPLICATE_ID_OTHER -> DUPLICATE_ID;
                    case FLAG_UNREADABLE_FILE -> UNREADABLE_FILE;
                    case FLAG_LLM_SEGMENTED -> LLM_SEGMENTED;
                    default -> OTHER;
                };
            }
            return flagCode.args().size() == 1 ? of(flagCode.args().get(0)) : OTHER;
        }
    }

    public SheetFlag {
        if (kind == null) {
            throw new IllegalArgumentException("a flag has a kind");
        }
    }

    /** A flag without details. */
    public static SheetFlag of(Kind kind) {
        return new SheetFlag(kind, null);
    }

    public static SheetFlag identityConflict(String fileNameSays, String sheetSays) {
        return new SheetFlag(Kind.IDENTITY_CONFLICT,
                Message.of(MessageCode.FLAG_IDENTITY_CONFLICT, fileNameSays, sheetSays));
    }

    /**
     * {@code sameText}: null when the other file is graded too (two students), else whether it holds the same text or
     * another submission that is not graded.
     */
    public static SheetFlag duplicateId(String id, String otherFile, Boolean sameText) {
        MessageCode code = sameText == null ? MessageCode.FLAG_DUPLICATE_ID
                : sameText ? MessageCode.FLAG_DUPLICATE_ID_SAME : MessageCode.FLAG_DUPLICATE_ID_OTHER;
        return new SheetFlag(Kind.DUPLICATE_ID, Message.of(code, id, otherFile));
    }

    public static SheetFlag unreadableFile(Message why) {
        return new SheetFlag(Kind.UNREADABLE_FILE, Message.of(MessageCode.FLAG_UNREADABLE_FILE, why));
    }

    public static SheetFlag llmSegmented(String by) {
        return new SheetFlag(Kind.LLM_SEGMENTED, Message.of(MessageCode.FLAG_LLM_SEGMENTED, by));
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    /** The flag as the page renders it: its details, or its name as a plain text (which pages translate). */
    public Message message() {
        return details != null ? details : Message.text(kind.code());
    }

    /** The English of the API's {@code flags}: the name, then ": " and the details when there are any. */
    public String text() {
        return message().english();
    }

    /** Flags stored as JSON text, the same on H2 and PostgreSQL. */
    @Converter
    public static class Stored extends Json.ListConverter<SheetFlag> {
        public Stored() {
            super(new TypeReference<>() {
            });
        }
    }
}
