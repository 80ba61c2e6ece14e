package ai.smartai.backend.corpus;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** One homework set of the grading corpus, as a teacher wrote and graded it (see corpus/README.md). */
record CorpusSet(String name, Path dir, boolean heldOut, String title, Path problems, Path key,
        List<Expected> expected, List<Sheet> sheets, Map<String, Map<String, Rationale>> rationale) {

    static final Path ROOT = Path.of("src/test/resources/corpus");

    /** A problem as the teacher set it: the types a careful teacher would accept, and the points stated, if any. */
    record Expected(String problem, String number, Set<String> types, Double points) {
    }

    /** One row of the grade sheet: a submitted file, its student, and the teacher's score per problem. */
    record Sheet(String file, String id, String name, Map<String, Double> scores) {
    }

    record Rationale(String excerpt, String why) {
    }

    /**
     * Every set, or with {@code -Dcorpus.sets=a,b} only those named: a quicker benchmark while working on one set
     * (its pooled figures are then of those sets alone).
     */
    static List<CorpusSet> all() throws IOException {
        String named = System.getProperty("corpus.sets", "").strip();
        Set<String> only = named.isEmpty() ? Set.of() : Set.of(named.split("\\s*,\\s*"));
        try (Stream<Path> dirs = Files.list(ROOT)) {
            List<CorpusSet> sets = new ArrayList<>();
            for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("set.properties")))
                    .filter(p -> only.isEmpty() || only.contains(p.getFileName().toString())).sorted().toList()) {
                sets.add(load(d));
            }
            return sets;
        }
    }

    static CorpusSet load(Path dir) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("set.properties"), StandardCharsets.UTF_8)) {
            props.load(r);
        }
        List<Expected> expected = new ArrayList<>();
        for (CSVRecord r : csv(dir.resolve("expected.csv"))) {
            String points = r.get("points").strip();
            expected.add(new Expected(r.get("problem").strip(), r.get("number").strip(),
                    new LinkedHashSet<>(Arrays.asList(r.get("type").strip().split("\\|"))),
                    points.isEmpty() ? null : Double.valueOf(points)));
        }
        List<Sheet> sheets = new ArrayList<>();
        for (CSVRecord r : csv(dir.resolve("grades.csv"))) {
            Map<String, Double> scores = new LinkedHashMap<>();
            expected.forEach(e -> scores.put(e.problem(), Double.valueOf(r.get(e.problem()).strip())));
            sheets.add(new Sheet(r.get("file"), r.get("id").strip(), r.get("name").strip(), scores));
        }
        Map<String, Map<String, Rationale>> rationale = new TreeMap<>();
        for (CSVRecord r : csv(dir.resolve("rationale.csv"))) {
            rationale.computeIfAbsent(r.get("file"), f -> new TreeMap<>()).put(r.get("problem").strip(),
                    new Rationale(r.get("excerpt"), r.get("rationale")));
        }
        return new CorpusSet(dir.getFileName().toString(), dir, "held-out".equals(props.getProperty("split")),
                props.getProperty("title", dir.getFileName().toString()), only(dir, "problems"), only(dir, "key"),
                expected, sheets, rationale);
    }

    /** The students' files, as the class archive holds them: paths relative to submissions/. */
    Map<String, byte[]> submissions() throws IOException {
        Path root = dir.resolve("submissions");
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static Path only(Path dir, String stem) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(stem + ".")).toList();
            if (found.size() != 1) {
                throw new IllegalStateException(dir + ": expected exactly one " + stem + ".* file, found " + found);
            }
            return found.get(0);
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }
}
