package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.smartai.backend.db.Json;
import ai.smartai.backend.student.SheetFlag;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V83: the flags of sheets and answers, stored until now as their English ("identity-conflict: file name says …"), as
 * {@link SheetFlag}s, each its kind and the catalogue message of its details. The English is read back once, here, by
 * the catalogue's own texts: a flag with details becomes the message it was written from, so an old row still shows
 * in the reader's language; a flag whose words no catalogue text matches keeps them as a plain text. Java, not SQL,
 * because the reading is the catalogue's, the same on H2 and PostgreSQL. Quarkus runs a Java migration only from a
 * package under a Flyway location, hence {@code db.migration}; it implements {@link JavaMigration} itself, as Quarkus
 * finds implementations in the application's index.
 */
public class V83__coded_flags implements JavaMigration {

    /** The flags with details, the longer of two that share a beginning first (a match is whole, but tried in turn). */
    private static final List<Shape> SHAPES = List.of(
            Shape.of(MessageCode.FLAG_IDENTITY_CONFLICT), Shape.of(MessageCode.FLAG_DUPLICATE_ID_SAME),
            Shape.of(MessageCode.FLAG_DUPLICATE_ID_OTHER), Shape.of(MessageCode.FLAG_DUPLICATE_ID),
            Shape.of(MessageCode.FLAG_UNREADABLE_FILE), Shape.of(MessageCode.FLAG_LLM_SEGMENTED));
    /** Why a file could not be read, as an unreadable-file flag's detail holds it. */
    private static final List<Shape> UNREADABLE = Arrays.stream(MessageCode.values())
            .filter(c -> c.name().startsWith("DOC_")).map(Shape::of).toList();
    private static final TypeReference<List<JsonNode>> STORED = new TypeReference<>() {
    };
    private static final TypeReference<SheetFlag> TYPE = new TypeReference<>() {
    };

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("83");
    }

    @Override
    public String getDescription() {
        return "coded flags";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        convert(c, "student");
        convert(c, "answer");
    }

    private static void convert(Connection c, String table) throws SQLException {
        try (Statement select = c.createStatement();
                ResultSet rows = select.executeQuery("SELECT uid, flags FROM " + table);
                PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET flags = ? WHERE uid = ?")) {
            while (rows.next()) {
                String stored = rows.getString(2);
                if (stored == null || stored.isBlank()) {
                    continue;
                }
                List<SheetFlag> flags = Json.read(stored, STORED).stream()
                        .map(f -> f.isTextual() ? read(f.asText()) : Json.read(f.toString(), TYPE)).toList();
                update.setString(1, Json.write(flags));
                update.setString(2, rows.getString(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** A flag as an earlier build wrote it, in English, as the flag it was written from. */
    static SheetFlag read(String flag) {
        for (Shape s : SHAPES) {
            Optional<List<String>> args = s.read(flag);
            if (args.isPresent()) {
                List<Object> parts = new ArrayList<>(args.get());
                if (s.code == MessageCode.FLAG_UNREADABLE_FILE) {
                    String why = args.get().get(0);
                    parts.set(0, UNREADABLE.stream().flatMap(u -> u.read(why).stream()
                            .map(a -> (Object) Message.of(u.code, a.toArray()))).findFirst().orElse(why));
                }
                Message details = Message.of(s.code, parts.toArray());
                return new SheetFlag(SheetFlag.Kind.of(details), details);
            }
        }
        SheetFlag.Kind named = SheetFlag.Kind.of(flag);
        if (named != SheetFlag.Kind.OTHER) {
            return SheetFlag.of(named);
        }
        // Words no catalogue text matches: kept whole, of the kind its name says.
        return new SheetFlag(SheetFlag.Kind.of(flag.split(":", 2)[0].strip()), Message.text(flag));
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
