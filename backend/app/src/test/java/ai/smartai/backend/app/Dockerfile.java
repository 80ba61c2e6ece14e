package ai.smartai.backend.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A Dockerfile read as its instructions, continuation lines joined and comments left out. */
record Dockerfile(List<Instruction> instructions) {

    static final Path BACKEND = Path.of("src/main/docker/Dockerfile.jvm");

    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile read(Path file) throws IOException {
        List<Instruction> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            String whole = (pending + trimmed).strip();
            pending.setLength(0);
            String[] parts = whole.split("\\s+", 2);
            out.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
        }
        return new Dockerfile(out);
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    Optional<String> last(String keyword) {
        List<String> all = all(keyword);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The uid the container runs as: the last USER, before any ':group'. */
    Optional<String> user() {
        return last("USER").map(u -> u.split(":")[0]);
    }

    /** Every word of every RUN, for the packages installed. */
    List<String> runWords() {
        return all("RUN").stream().flatMap(r -> List.of(r.split("\\s+")).stream()).toList();
    }
}
