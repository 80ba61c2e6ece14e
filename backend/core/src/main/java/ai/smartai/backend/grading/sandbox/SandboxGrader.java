package ai.smartai.backend.grading.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.Grader;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.grading.RubricScore;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Programs by running the key's test cases in the sandbox. Aspects (docs/grading.md): functionality is the pass rate;
 * edge cases the pass rate on edge inputs (0, 1, empty); complexity by timing a large input against the reference
 * when the rubric asks for a bound; style is not judged by a tool.
 */
@ApplicationScoped
public class SandboxGrader implements Grader {

    private static final Pattern CALL = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern EDGE = Pattern.compile("\\(\\s*(0|1|-1|\"\"|''|\\[\\]|None|\"\\w\"|'\\w')\\s*\\)");
    private static final List<String> GENERATED_INPUTS = List.of("0", "1", "2", "3", "5", "10", "20", "30");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Sandbox sandbox;

    @Override
    public GradeMethod method() {
        return GradeMethod.SANDBOX;
    }

    @Override
    public GradeResult grade(GradingInput in) {
        double max = in.maxScore();
        if (!sandbox.available()) {
            return GradeResult.none(max, "sandbox unavailable", in.say("待老师评分。", "Awaiting the teacher's grade."),
                    List.of(new Evidence("sandbox", "Bubblewrap is not available, so the program was not run.", null)));
        }
        Code code = Code.extract(in.answer());
        if (code.language().equals("none")) {
            List<String> review = in.answer().strip().length() > 40
                    ? List.of("no program found; a written description may deserve credit") : List.of();
            return new GradeResult(0.0, max, 0.8, GradeMethod.SANDBOX, List.of(new Evidence("sandbox",
                    "No program found in the answer.", null)), in.say("未提交程序代码。", "No program was submitted."), review);
        }
        if (!code.language().equals("python")) {
            return gradeCompiled(in, code);
        }
        List<Evidence> evidence = new ArrayList<>();
        List<TestCase> tests = in.testCases();
        if (tests.isEmpty()) {
            tests = generatedTests(in, evidence);
            if (tests.isEmpty()) {
                return GradeResult.none(max, "no test cases, and no reference program to derive them from",
                        in.say("待老师评分。", "Awaiting the teacher's grade."), evidence);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        tests.forEach(t -> {
            Matcher m = CALL.matcher(t.input());
            if (m.find()) {
                names.add(m.group(1));
            }
        });
        List<String> timing = timingProbes(in, names);
        Run run = runHarness(code.source(), tests, names, timing);
        List<String> review = new ArrayList<>(run.review());
        if (run.loadError() != null) {
            evidence.add(new Evidence("sandbox", "The program does not run: " + run.loadError(), run.stderr()));
        }
        run.aliases().forEach((expected, used) -> evidence.add(new Evidence("sandbox-harness",
                "Called the student's function " + used + " as " + expected + ".", null)));
        if (run.killedBy() != null) {
            evidence.add(new Evidence("sandbox", "Stopped by the " + run.killedBy() + " after " + run.results().size()
                    + " of " + tests.size() + " tests.", run.stderr()));
        }
        int passed = 0;
        int edgeTotal = 0;
        int edgePassed = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            TestCase t = tests.get(i);
            JsonNode r = i < run.results().size() ? run.results().get(i) : null;
            boolean ok = r != null && r.path("ok").asBoolean(false);
            boolean edge = EDGE.matcher(t.input()).find();
            if (ok) {
                passed++;
            }
            if (edge) {
                edgeTotal++;
                edgePassed += ok ? 1 : 0;
            }
            if (!ok && failures.size() < 5) {
                String got = r == null ? "(not run)" : r.has("error") ? r.path("error").asText() : r.path("got").asText();
                failures.add(t.input() + " → expected " + t.expected() + ", got " + got);
            }
        }
        evidence.add(new Evidence("test-cases", "Passed " + passed + " of " + tests.size() + " tests.",
                failures.isEmpty() ? null : "failed:\n" + String.join("\n", failures)));
        Map<String, Double> decided = new LinkedHashMap<>();
        decided.put("functionality", (double) passed / tests.size());
        if (edgeTotal > 0) {
            decided.put("edge-cases", (double) edgePassed / edgeTotal);
        }
        if (!timing.isEmpty() && hasAspect(in.rubric(), "complexity")) {
            Double complexity = complexity(in, timing, run, evidence);
            if (complexity != null) {
                decided.put("complexity", complexity);
            }
        }
        RubricScore.Outcome outcome = RubricScore.score(in.rubric(), max, decided);
        evidence.add(new Evidence("rubric", "Rubric: " + RubricScore.fmt(outcome.score()) + " of " + RubricScore.fmt(max)
                + (outcome.notJudged().isEmpty() ? "" : "; not judged by a tool, given the judged share: "
                        + String.join(", ", outcome.notJudged().stream().map(RubricItem::description).toList())),
                outcome.breakdown()));
        double confidence = tests.size() >= 3 ? 0.9 : 0.7;
        if (outcome.judgedShare() < 0.5) {
            review.add("most of the rubric could not be judged by running the program");
            confidence = Math.min(confidence, 0.6);
        }
        String comment = passed == tests.size()
                ? in.say("通过全部 " + tests.size() + " 个测试。", "Passes all " + tests.size() + " tests.")
                : in.say("通过 " + passed + "/" + tests.size() + " 个测试。" + (failures.isEmpty() ? "" : "例如：" + failures.get(0)),
                        "Passes " + passed + " of " + tests.size() + " tests." + (failures.isEmpty() ? ""
                                : " For example: " + failures.get(0)));
        return new GradeResult(outcome.score(), max, confidence, GradeMethod.SANDBOX, evidence, comment, review);
    }

    /** No tests in the key: run the key's reference program on small inputs and use its results. */
    private List<TestCase> generatedTests(GradingInput in, List<Evidence> evidence) {
        if (!in.hasReference()) {
            return List.of();
        }
        Code reference = Code.extract(in.referenceAnswer());
        List<String[]> fns = Code.pythonFunctions(reference.source());
        if (!reference.language().equals("python") || fns.size() != 1 || fns.get(0)[1].contains(",")
                || fns.get(0)[1].isBlank()) {
            return List.of();
        }
        String fn = fns.get(0)[0];
        List<TestCase> probes = GENERATED_INPUTS.stream().map(n -> new TestCase(fn + "(" + n + ")", "None")).toList();
        Run run = runHarness(reference.source(), probes, Set.of(fn), List.of());
        List<TestCase> tests = new ArrayList<>();
        for (int i = 0; i < run.results().size(); i++) {
            JsonNode r = run.results().get(i);
            if (!r.has("error") && r.has("got")) {
                tests.add(new TestCase(probes.get(i).input(), r.path("got").asText()));
            }
        }
        if (!tests.isEmpty()) {
            evidence.add(new Evidence("sandbox-tests", "The key has no test cases: " + tests.size()
                    + " were generated by running its reference solution on " + fn + "(" + String.join(", ",
                            GENERATED_INPUTS) + ").", null));
        }
        return tests;
    }

    /** A large input for a one-argument integer function, when the rubric asks for a complexity bound. */
    private static List<String> timingProbes(GradingInput in, Set<String> names) {
        if (names.size() != 1 || !hasAspect(in.rubric(), "complexity")) {
            return List.of();
        }
        boolean integerTests = in.testCases().isEmpty() || in.testCases().stream()
                .allMatch(t -> t.input().matches("\\s*\\w+\\(\\s*-?\\d+\\s*\\)\\s*"));
        return integerTests ? List.of(names.iterator().next() + "(500)") : List.of();
    }

    private Double complexity(GradingInput in, List<String> timing, Run student, List<Evidence> evidence) {
        Code reference = in.hasReference() ? Code.extract(in.referenceAnswer()) : null;
        Double referenceMs = null;
        if (reference != null && reference.language().equals("python")) {
            Run r = runHarness(reference.source(), List.of(), Set.copyOf(List.of(timing.get(0).replaceAll("\\(.*", ""))),
                    timing);
            referenceMs = r.timings().isEmpty() || r.timings().get(0).path("ms").isNull() ? null
                    : r.timings().get(0).path("ms").asDouble();
        }
        if (student.timings().isEmpty()) {
            return null;
        }
        JsonNode t = student.timings().get(0);
        boolean finished = !t.path("ms").isNull();
        double ms = finished ? t.path("ms").asDouble() : Double.POSITIVE_INFINITY;
        double budget = Math.max(200, referenceMs == null ? 200 : 20 * referenceMs);
        boolean ok = finished && ms <= budget;
        evidence.add(new Evidence("complexity", timing.get(0) + (finished ? " took " + RubricScore.fmt(ms) + " ms"
                : " did not finish in 2 s") + (referenceMs == null ? "" : " (reference " + RubricScore.fmt(referenceMs)
                        + " ms)") + (ok ? ": within the bound." : ": too slow for the required complexity."), null));
        return ok ? 1.0 : 0.0;
    }

    private static boolean hasAspect(List<RubricItem> rubric, String aspect) {
        return rubric.stream().anyMatch(r -> aspect.equals(r.aspect()));
    }

    record Run(String loadError, Map<String, String> aliases, List<JsonNode> results, List<JsonNode> timings,
            String killedBy, String stderr, List<String> review) {
    }

    Run runHarness(String source, List<TestCase> tests, Set<String> names, List<String> timing) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tests", tests);
        config.put("expected_names", names);
        config.put("timing", timing);
        try {
            return execute(Map.of("student.py", source, "tests.json", JSON.writeValueAsString(config), "harness.py",
                    resource("harness.py")), List.of("/usr/bin/python3", "-I", "-S", "harness.py"), tests.size(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a prepared directory and reads the result lines marked with this run's nonce. */
    private Run execute(Map<String, String> files, List<String> command, int testCount, Sandbox.Limits limits)
            throws IOException {
        String nonce = HexFormat.of().formatHex(RANDOM.generateSeed(12));
        Sandbox.Result result = limits == null ? sandbox.run(files, command, nonce + "\n")
                : sandbox.run(files, command, nonce + "\n", limits);
        String marker = "SMARTAI-RESULT-" + nonce + ":";
        String loadError = null;
        Map<String, String> aliases = new LinkedHashMap<>();
        List<JsonNode> results = new ArrayList<>();
        List<JsonNode> timings = new ArrayList<>();
        List<String> review = new ArrayList<>();
        int loads = 0;
        for (String line : result.stdout().split("\n")) {
            int at = line.indexOf(marker);
            if (at < 0) {
                if (line.contains("SMARTAI-RESULT-")) {
                    review.add("the program printed something that imitates the grader's result lines");
                }
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line.substring(at + marker.length()));
                switch (n.path("kind").asText()) {
                    case "load" -> {
                        loads++;
                        loadError = n.path("error").isNull() ? null : n.path("error").asText();
                    }
                    case "alias" -> aliases.put(n.path("expected").asText(), n.path("used").asText());
                    case "test" -> results.add(n);
                    case "timing" -> timings.add(n);
                    default -> {
                    }
                }
            } catch (IOException e) {
                review.add("unreadable result line from the test harness");
            }
        }
        if (loads == 0 && loadError == null) {
            loadError = result.killedBy() != null ? "stopped by the " + result.killedBy() : "the program did not start";
        }
        if (results.size() > testCount || loads > 1) {
            review.add("more results than tests: the program may have tampered with the harness");
            results = results.subList(0, Math.min(results.size(), testCount));
        }
        String stderr = result.stderr().isBlank() ? null : tail(result.stderr());
        return new Run(loadError, aliases, results, timings, result.killedBy(), stderr, review);
    }

    private final Map<String, String> resources = new java.util.concurrent.ConcurrentHashMap<>();

    private String resource(String name) {
        return resources.computeIfAbsent(name, n -> {
            try (InputStream in = SandboxGrader.class.getResourceAsStream("/sandbox/" + n)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static final Pattern JAVA_MAIN = Pattern.compile(
            "(?:public\\s+)?(?:final\\s+)?class\\s+([A-Za-z_][A-Za-z0-9_]*)[^{]*\\{(?:(?!\\bclass\\b).)*?static\\s+void\\s+main",
            Pattern.DOTALL);

    /** C, C++ and Java: compiled once in the sandbox, then run on each test's stdin; output compared. */
    private GradeResult gradeCompiled(GradingInput in, Code code) {
        double max = in.maxScore();
        List<TestCase> tests = in.testCases();
        if (tests.isEmpty() || tests.stream().anyMatch(t -> CALL.matcher(t.input()).find())) {
            return GradeResult.none(max, tests.isEmpty() ? "no test cases for a " + code.language() + " program"
                    : "function-call tests can run only Python answers; write " + code.language()
                            + " tests as input → output", in.say("待老师评分。", "Awaiting the teacher's grade."),
                    List.of(new Evidence("sandbox", "A " + code.language() + " program; it was not run.", null)));
        }
        String file;
        String mainClass = null;
        switch (code.language()) {
            case "c" -> file = "main.c";
            case "cpp" -> file = "main.cpp";
            default -> {
                Matcher m = JAVA_MAIN.matcher(code.source());
                if (!m.find()) {
                    return GradeResult.none(max, "no class with a main method in the Java answer",
                            in.say("待老师评分。", "Awaiting the teacher's grade."), List.of());
                }
                mainClass = m.group(1);
                file = mainClass + ".java";
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("language", code.language());
        config.put("source", file);
        config.put("main_class", mainClass);
        config.put("tests", tests);
        Run run;
        try {
            boolean jvm = code.language().equals("java");
            run = execute(Map.of(file, code.source(), "tests.json", JSON.writeValueAsString(config), "runner.py",
                    resource("runner.py")), List.of("/usr/bin/python3", "-I", "-S", "runner.py"), tests.size(),
                    new Sandbox.Limits(jvm ? 4096 : 512, jvm ? 768 : 512, jvm ? 30 : 15, jvm ? 60 : 30, jvm ? 64 : 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Evidence> evidence = new ArrayList<>();
        if (run.loadError() != null) {
            evidence.add(new Evidence("sandbox", "The " + code.language() + " program " + run.loadError(),
                    run.stderr()));
        }
        int passed = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            JsonNode r = i < run.results().size() ? run.results().get(i) : null;
            boolean ok = r != null && r.path("ok").asBoolean(false);
            passed += ok ? 1 : 0;
            if (!ok && failures.size() < 5) {
                String got = r == null ? "(not run)" : r.has("error") ? r.path("error").asText() : r.path("got").asText();
                failures.add(tests.get(i).input().strip().replace('\n', ' ') + " → expected "
                        + tests.get(i).expected() + ", got " + got);
            }
        }
        evidence.add(new Evidence("test-cases", "Passed " + passed + " of " + tests.size() + " tests ("
                + code.language() + ", stdin → stdout).", failures.isEmpty() ? null : "failed:\n"
                        + String.join("\n", failures)));
        RubricScore.Outcome outcome = RubricScore.score(in.rubric(), max,
                Map.of("functionality", (double) passed / tests.size()));
        evidence.add(new Evidence("rubric", "Rubric: " + RubricScore.fmt(outcome.score()) + " of " + RubricScore.fmt(max)
                + (outcome.notJudged().isEmpty() ? "" : "; not judged by a tool, given the judged share: "
                        + String.join(", ", outcome.notJudged().stream().map(RubricItem::description).toList())),
                outcome.breakdown()));
        List<String> review = new ArrayList<>(run.review());
        if (outcome.judgedShare() < 0.5) {
            review.add("most of the rubric could not be judged by running the program");
        }
        String comment = in.say("通过 " + passed + "/" + tests.size() + " 个测试。", "Passes " + passed + " of "
                + tests.size() + " tests.");
        return new GradeResult(outcome.score(), max, tests.size() >= 3 ? 0.9 : 0.7, GradeMethod.SANDBOX, evidence,
                comment, review);
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 600 ? "…" + t.substring(t.length() - 600) : t;
    }
}
