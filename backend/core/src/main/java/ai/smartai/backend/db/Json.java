package ai.smartai.backend.db;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import ai.smartai.model.common.Message;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.ExpertVote;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Small lists stored as JSON text, the same on H2 and PostgreSQL. */
public final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is damaged: " + e.getOriginalMessage(), e);
        }
    }

    /** A list stored as one JSON text. */
    public abstract static class ListConverter<T> implements AttributeConverter<List<T>, String> {
        private final TypeReference<List<T>> type;

        protected ListConverter(TypeReference<List<T>> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(List<T> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<T> convertToEntityAttribute(String json) {
            return json == null || json.isBlank() ? List.of() : List.copyOf(read(json, type));
        }
    }

    @Converter
    public static class Strings extends ListConverter<String> {
        public Strings() {
            super(new TypeReference<>() {
            });
        }
    }

    /** Catalogue messages; a list stored as plain strings (before codes) reads each as {@link Message#text}. */
    @Converter
    public static class Messages extends ListConverter<Message> {
        public Messages() {
            super(new TypeReference<>() {
            });
        }
    }

    /** One catalogue message, or none. */
    @Converter
    public static class OneMessage implements AttributeConverter<Message, String> {
        @Override
        public String convertToDatabaseColumn(Message value) {
            return value == null ? null : write(value);
        }

        @Override
        public Message convertToEntityAttribute(String json) {
            return json == null || json.isBlank() ? null : read(json, new TypeReference<Message>() {
            });
        }
    }

    @Converter
    public static class Rubric extends ListConverter<RubricItem> {
        public Rubric() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Policies extends ListConverter<KeyPolicy> {
        public Policies() {
            super(new TypeReference<>() {
            });
        }
    }

    public static class TestCases extends ListConverter<TestCase> {
        public TestCases() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class EvidenceList extends ListConverter<Evidence> {
        public EvidenceList() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class ExpertVotes extends ListConverter<ExpertVote> {
        public ExpertVotes() {
            super(new TypeReference<>() {
            });
        }
    }
}
