package ai.smartai.backend.grading.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.grading.Aspect;
import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.Grader;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.grading.RubricScore;
import ai.smartai.backend.grading.VerifiedFact;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.common.Scores;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Programs by running the key's test cases in the sandbox. Aspects (docs/grading.md): functionality is the pass rate;
 * edge cases the pass rate on edge inputs (0, 1, empty); complexity by timing a large input against the reference
 * when the rubric asks for a bound; style is not judged by a tool.
 *
 * <p>Only inputs enter the sandbox. It reports what the program returned or printed, and the verdicts are ours
 * ({@link Verdict}); times are measured here, around whole runs, never taken from the sandbox.
 */
@ApplicationScoped
public class SandboxGrader implements Grader {

    private static final Pattern CALL = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern EDGE = Pattern.compile("\\(\\s*(0|1|-1|\"\"|''|\\[\\]|None|\"\\w\"|'\\w')\\s*\\)");
    private static final List<String> GENERATED_INPUTS = List.of("0", "1", "2", "3", "5", "10", "20", "30");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * A student's probe run may take this much longer than the reference's, however fast the reference: runs of
     * about 150 ms vary by as much on a busy machine.
     */
    static final long COMPLEXITY_MARGIN_MS = 300;
    /** ...or this many times the reference's own call, when that is longer. */
    static final int COMPLEXITY_FACTOR = 20;

    private final Map<String, String> resources = new ConcurrentHashMap<>();
    private final ReferenceRuns references = new ReferenceRuns();

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
            return GradeResult.awaitingTeacher(in, Message.of(MessageCode.REVIEW_SANDBOX_UNAVAILABLE), List.of(
                    new Evidence("sandbox", Message.of(MessageCode.EV_SANDBOX_UNAVAILABLE), null)));
        }
        Code code = Code.forCalls(in.answer(), calledNames(in.testCases()));
        if (code.language().equals("none")) {
            List<Message> review = in.answer().strip().length() > 40
                    ? List.of(Message.of(MessageCode.REVIEW_SANDBOX_DESCRIPTION)) : List.of();
            return new GradeResult(0.0, max, 0.8, GradeMethod.SANDBOX, List.of(new Evidence("sandbox",
                    Message.of(MessageCode.EV_SANDBOX_NO_PROGRAM), null)),
                    in.say("未提交程序代码。", "No program was submitted."), review);
        }
        GradeResult result = gradeCode(in, code);
        Code bare = code.withoutProse();
        if (!bare.source().equals(code.source()) && (result.score() == null || result.score() < max - 1e-9)) {
            // Text around the code (a heading, prose) may be all that broke it: the code alone is graded too.
            GradeResult again = gradeCode(in, bare);
            if (!Objects.equals(again.score(), result.score())) {
                result = again.withReview(Message.of(MessageCode.REVIEW_SANDBOX_PROSE)).withEvidence(new Evidence(
                        "sandbox-prose", Message.of(MessageCode.EV_SANDBOX_PROSE, code.removedBy(bare),
                                result.score() == null ? MessageCode.METHOD_NONE : Scores.format(result.score())),
                        null));
            }
        }
        result = forbidden(in, code, result);
        List<CodeScan.Finding> findings = CodeScan.scan(code);
        if (!findings.isEmpty()) {
            for (CodeScan.Finding f : findings) {
                result = result.withEvidence(new Evidence("code-scan", Message.of(MessageCode.EV_CODE_SCAN, f.line(),
                        CodeScan.word(f.kind()), f.text()), null));
            }
            // One reason per kind of operation, so that each names its kind in the reader's language.
            for (String kind : findings.stream().map(CodeScan.Finding::kind).distinct().toList()) {
                result = result.withReview(Message.of(MessageCode.REVIEW_SANDBOX_OPERATIONS, CodeScan.word(kind)));
            }
        }
        return result;
    }

    private GradeResult gradeCode(GradingInput in, Code code) {
        boolean stdinTests = !in.testCases().isEmpty() && in.testCases().stream().noneMatch(SandboxGrader::isCall);
        if (!code.language().equals("python") || stdinTests) {
            return gradeStdio(in, code);
        }
        double max = in.maxScore();
        List<Evidence> evidence = new ArrayList<>();
        List<TestCase> tests = in.testCases();
        if (tests.isEmpty()) {
            tests = generatedTests(in, evidence);
            if (tests.isEmpty()) {
                return GradeResult.awaitingTeacher(in, Message.of(MessageCode.REVIEW_SANDBOX_NO_TESTS), evidence);
            }
        }
        Set<String> names = calledNames(tests);
        List<String> inputs = tests.stream().map(TestCase::input).toList();
        Optional<String> probe = timingProbe(in, names);
        // The complexity probe rides on the test run, last, so the run the server times is the one that is graded.
        List<String> calls = new ArrayList<>(inputs);
        probe.ifPresent(calls::add);
        Run run = runHarness(code.source(), calls, names);
        List<Message> review = new ArrayList<>(run.review());
        notAllRan(run, tests.size()).ifPresent(review::add);
        if (run.loadError() != null) {
            evidence.add(new Evidence("sandbox", Message.of(MessageCode.EV_SANDBOX_DOES_NOT_RUN, run.loadError()),
                    run.stderr()));
        }
        run.aliases().forEach((expected, used) -> evidence.add(new Evidence("sandbox-harness",
                Message.of(MessageCode.EV_SANDBOX_ALIAS, used, expected), null)));
        Optional<KeyPolicy> signature = policy(in, PolicyKind.SIGNATURE);
        if (!run.aliases().isEmpty() && signature.isEmpty()) {
            review.add(Message.of(MessageCode.REVIEW_SANDBOX_MISNAMED, String.join(", ", run.aliases().entrySet()
                    .stream().map(e -> e.getValue() + " → " + e.getKey()).toList())));
        }
        int count = tests.size();
        List<Integer> changed = run.mutated().stream().filter(i -> i < count).map(i -> i + 1).sorted().toList();
        if (!changed.isEmpty()) {
            evidence.add(new Evidence(ARGUMENT_CHANGED, Message.of(MessageCode.EV_SANDBOX_ARGUMENT_CHANGED,
                    changed.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))), null));
        }
        if (neverDefined(run, names, tests.size())) {
            review.add(Message.of(MessageCode.REVIEW_SANDBOX_NOT_DEFINED, String.join(", ", names)));
        }
        if (run.killedBy() != null) {
            evidence.add(new Evidence("sandbox", Message.of(MessageCode.EV_SANDBOX_STOPPED, run.killedBy(),
                    run.results().subList(0, tests.size()).stream().filter(Objects::nonNull).count(), tests.size()),
                    run.stderr()));
        }
        boolean anyOrder = OutputRules.of(in.policies()).anyOrder();
        int passed = 0;
        int edgeTotal = 0;
        int edgePassed = 0;
        List<Message> failures = new ArrayList<>();
        List<Integer> failing = new ArrayList<>();
        // The first failure again in Chinese words, for a Chinese comment (the tool's own error stays in the evidence).
        String firstFailureZh = null;
        for (int i = 0; i < tests.size(); i++) {
            TestCase t = tests.get(i);
            Reported r = run.results().get(i);
            boolean ok = r != null && Verdict.python(t.expected(), r, anyOrder);
            boolean edge = EDGE.matcher(t.input()).find();
            if (ok) {
                passed++;
            } else {
                failing.add(i + 1);
            }
            if (edge) {
                edgeTotal++;
                edgePassed += ok ? 1 : 0;
            }
            if (!ok && failures.size() < 5) {
                failures.add(failure(t.input(), t.expected(), r == null ? null : r.shown()));
                if (firstFailureZh == null) {
                    firstFailureZh = t.input() + " → 应为 " + t.expected() + "，" + (r == null ? "未运行"
                            : r.error() != null ? "运行出错或超时" : "得到 " + r.shown());
                }
            }
        }
        long printedRight = printedInstead(tests, run);
        Optional<KeyPolicy> printedRule = policy(in, PolicyKind.PRINTED_RESULT).filter(p -> p.amount() != null);
        if (printedRight > 0 && !(printedRight == tests.size() && printedRule.isPresent())) {
            review.add(Message.of(MessageCode.REVIEW_SANDBOX_PRINTS, printedRight, tests.size()));
        }
        evidence.add(Evidence.itemised("test-cases", Message.of(MessageCode.EV_SANDBOX_TESTS, passed, tests.size()),
                failed(failures)));
        failedTests(failing).ifPresent(evidence::add);
        Map<Aspect, Double> decided = new LinkedHashMap<>();
        decided.put(Aspect.FUNCTIONALITY, share(tests, failing));
        if (edgeTotal > 0) {
            decided.put(Aspect.EDGE_CASES, (double) edgePassed / edgeTotal);
        }
        if (probe.isPresent()) {
            decided.put(Aspect.COMPLEXITY, complexity(in, code, inputs, probe.get(), names, run, evidence));
        }
        RubricScore.Outcome outcome = RubricScore.score(in.rubric(), max, decided);
        evidence.add(outcome.evidence(max));
        double confidence = tests.size() >= 3 ? 0.9 : 0.7;
        if (outcome.judgedShare() < 0.5) {
            review.add(Message.of(MessageCode.REVIEW_SANDBOX_RUBRIC));
            confidence = Math.min(confidence, 0.6);
        }
        String comment = passed == tests.size()
                ? in.say("通过全部 " + tests.size() + " 个测试。", "Passes all " + tests.size() + " tests.")
                : in.say(
                        "通过 " + passed + "/" + tests.size() + " 个测试。"
                                + (firstFailureZh == null ? "" : "例如：" + firstFailureZh),
                        "Passes " + passed + " of " + tests.size() + " tests." + (failures.isEmpty() ? ""
                                : " For example: " + failures.get(0).english()));
        List<VerifiedFact> facts = new ArrayList<>();
        decided.forEach((aspect, share) -> facts.add(new VerifiedFact(aspect, share, "tests run in the sandbox")));
        double score = outcome.score();
        if (printedRight == tests.size() && printedRule.isPresent() && score < printedRule.get().amount()) {
            score = Math.min(max, printedRule.get().amount());
            evidence.add(ruleApplied(printedRule.get(), "prints instead of returning", score));
        }
        if (!run.aliases().isEmpty() && signature.isPresent()) {
            double taken = Math.min(score, signature.get().amount());
            score -= taken;
            evidence.add(ruleApplied(signature.get(), String.join(", ", run.aliases().entrySet().stream()
                    .map(e -> e.getValue() + " → " + e.getKey()).toList()), -taken));
        }
        return new GradeResult(score, max, confidence, GradeMethod.SANDBOX, evidence, comment, review, facts);
    }

    /**
     * How many tests a function that returns nothing (None) printed the expected value for, when it returned nothing
     * on every test: a function that prints instead of returning, whose grade is the key's rule for it, not 0.
     */
    private static long printedInstead(List<TestCase> tests, Run run) {
        List<Reported> results = run.results().subList(0, tests.size());
        if (results.stream().anyMatch(r -> r == null || r.error() != null || !"None".equals(r.repr()))) {
            return 0;
        }
        return IntStream.range(0, tests.size()).filter(i -> results.get(i).printed() != null
                && !tests.get(i).expected().strip().equals("None")
                && unquoted(tests.get(i).expected()).equals(results.get(i).printed().strip())).count();
    }

    private static String unquoted(String expected) {
        String e = expected.strip();
        return e.length() >= 2 && (e.startsWith("\"") && e.endsWith("\"") || e.startsWith("'") && e.endsWith("'"))
                ? e.substring(1, e.length() - 1) : e;
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
        List<String> calls = GENERATED_INPUTS.stream().map(n -> fn + "(" + n + ")").toList();
        Run run = referenceRun(reference.source(), calls, Set.of(fn));
        List<TestCase> tests = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Reported r = run.results().get(i);
            if (r != null && r.error() == null && r.repr() != null) {
                tests.add(new TestCase(calls.get(i), r.repr()));
            }
        }
        if (!tests.isEmpty()) {
            evidence.add(new Evidence("sandbox-tests", Message.of(MessageCode.EV_SANDBOX_GENERATED, tests.size(),
                    fn + "(" + String.join(", ", GENERATED_INPUTS) + ")"), null));
        }
        return tests;
    }

    /** A failed test's line of the detail; {@code got} is null for a test that did not run. */
    private static Message failure(String input, String expected, String got) {
        return got == null ? Message.of(MessageCode.EVD_TEST_NOT_RUN, input, expected)
                : Message.of(MessageCode.EVD_TEST_FAILED, input, expected, got);
    }

    /** The failed tests under their heading, or no lines at all. */
    private static List<Message> failed(List<Message> failures) {
        if (failures.isEmpty()) {
            return List.of();
        }
        List<Message> lines = new ArrayList<>(List.of(Message.of(MessageCode.EVD_TESTS_FAILED)));
        lines.addAll(failures);
        return lines;
    }

    /** A large input for a one-argument integer function, when the rubric asks for a complexity bound. */
    private static Optional<String> timingProbe(GradingInput in, Set<String> names) {
        if (names.size() != 1 || !hasAspect(in.rubric(), Aspect.COMPLEXITY)) {
            return Optional.empty();
        }
        boolean integerTests = in.testCases().isEmpty() || in.testCases().stream()
                .allMatch(t -> t.input().matches("\\s*\\w+\\(\\s*-?\\d+\\s*\\)\\s*"));
        return integerTests ? Optional.of(names.iterator().next() + "(500)") : Optional.empty();
    }

    /**
     * Whether the student's {@code probe} call is fast enough. Nothing the sandbox says about time is believed: the
     * server times whole runs. The student's test run (the tests, then the probe) may be longer than the reference's
     * run of the same calls by the most of {@value #COMPLEXITY_MARGIN_MS} ms, that run again, and
     * {@value #COMPLEXITY_FACTOR}× less one the reference's call (its run with the probe less its run without;
     * counted only when longer than the margin). The reference's runs are each measured twice, the faster kept, and
     * shared by the answers to the problem for a minute. Without a Python reference an empty program's run stands in
     * for it. The probe must also return the reference's value, so returning early for a large input earns nothing.
     */
    private double complexity(GradingInput in, Code code, List<String> inputs, String probe, Set<String> names,
            Run run, List<Evidence> evidence) {
        Code reference = in.hasReference() ? Code.extract(in.referenceAnswer()) : null;
        List<String> calls = new ArrayList<>(inputs);
        calls.add(probe);
        Reported expected = null;
        long referenceRun = -1;
        long referenceCall = 0;
        if (reference != null && reference.language().equals("python")) {
            Run with = timedReferenceRun(reference.source(), calls, names);
            Run without = timedReferenceRun(reference.source(), inputs, names);
            Reported r = with.results().get(inputs.size());
            if (with.loadError() == null && r != null && r.error() == null && r.repr() != null) {
                expected = r;
                referenceRun = with.wallMillis();
                referenceCall = with.wallMillis() - without.wallMillis();
                // shorter than the margin, the difference of two runs is noise, not the call
                referenceCall = referenceCall < COMPLEXITY_MARGIN_MS ? 0 : referenceCall;
            }
        }
        if (referenceRun < 0) {
            referenceRun = timedReferenceRun("", List.of(), Set.of()).wallMillis();
        }
        long bound = referenceRun + Math.max(Math.max(COMPLEXITY_MARGIN_MS, referenceRun),
                (COMPLEXITY_FACTOR - 1) * referenceCall);
        Reported got = run.results().get(inputs.size());
        long wall = run.wallMillis();
        if (got != null && got.error() == null && wall > bound) {
            // once more before calling it slow: the machine may have been busy
            wall = Math.min(wall, runHarness(code.source(), calls, names).wallMillis());
        }
        Message summary;
        boolean ok = false;
        if (got == null || got.error() != null) {
            summary = Message.of(MessageCode.EV_COMPLEXITY_UNFINISHED, probe, got != null ? got.error()
                    : run.killedBy() != null ? "stopped by the " + run.killedBy() : MessageCode.COMPLEXITY_NO_RESULT);
        } else if (expected != null && !Verdict.python(expected.repr(), got)) {
            summary = Message.of(MessageCode.EV_COMPLEXITY_WRONG_VALUE, probe, got.shown(), expected.shown());
        } else {
            ok = wall <= bound;
            summary = expected == null
                    ? Message.of(ok ? MessageCode.EV_COMPLEXITY_WITHIN : MessageCode.EV_COMPLEXITY_SLOW, probe, wall,
                            bound)
                    : Message.of(ok ? MessageCode.EV_COMPLEXITY_WITHIN_REF : MessageCode.EV_COMPLEXITY_SLOW_REF, probe,
                            wall, bound, referenceRun);
        }
        evidence.add(new Evidence("complexity", summary, null));
        return ok ? 1.0 : 0.0;
    }

    /** A run of the key's reference program, shared by the answers to a problem for a minute. */
    private Run referenceRun(String source, List<String> calls, Set<String> names) {
        return references.get(source, calls, names, () -> runHarness(source, calls, names));
    }

    /** The same, measured twice and the faster kept, for timing. */
    private Run timedReferenceRun(String source, List<String> calls, Set<String> names) {
        return references.get("timed\n" + source, calls, names,
                () -> faster(runHarness(source, calls, names), runHarness(source, calls, names)));
    }

    private static Run faster(Run a, Run b) {
        return b.wallMillis() < a.wallMillis() ? b : a;
    }

    private static boolean hasAspect(List<RubricItem> rubric, Aspect aspect) {
        return rubric.stream().anyMatch(r -> Aspect.of(r) == aspect);
    }

    /**
     * What a run reported. {@code results} has one entry per call or input, null where nothing came; the wall time
     * is the server's own measure of the whole run.
     */
    record Run(String loadError, Map<String, String> aliases, List<Reported> results, String killedBy, String stderr,
            List<Message> review, long wallMillis, Set<Integer> mutated) {
    }

    /** Loads the Python {@code source} in the sandbox and makes the {@code calls}; the calls are all it is told. */
    Run runHarness(String source, List<String> calls, Set<String> names) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("names", names);
        job.put("calls", calls);
        return execute(Map.of("student.py", source, "harness.py", resource("harness.py")),
                List.of("/usr/bin/python3", "-I", "-S", "harness.py"), job, calls.size(), sandbox.defaults());
    }

    /**
     * Runs a prepared directory with the job on stdin after a fresh nonce, and reads the result lines marked with
     * it. Lines are only reports: a test line says what the program did, never whether that was right.
     */
    private Run execute(Map<String, String> files, List<String> command, Map<String, Object> job, int count,
            Sandbox.Limits limits) {
        String nonce = nextNonce();
        Sandbox.Result result;
        try {
            result = sandbox.run(files, command, nonce + "\n" + JSON.writeValueAsString(job) + "\n", limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String marker = "SMARTAI-RESULT-" + nonce + ":";
        String loadError = null;
        Map<String, String> aliases = new LinkedHashMap<>();
        List<Reported> results = new ArrayList<>(Collections.nCopies(count, null));
        Set<Message> review = new LinkedHashSet<>();
        int loads = 0;
        Set<Integer> mutated = new LinkedHashSet<>();
        for (String line : result.stdout().split("\n")) {
            int at = line.indexOf(marker);
            if (at < 0) {
                if (line.contains("SMARTAI-RESULT-")) {
                    review.add(Message.of(MessageCode.REVIEW_SANDBOX_IMITATES));
                }
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line.substring(at + marker.length()));
            } catch (IOException e) {
                review.add(Message.of(MessageCode.REVIEW_SANDBOX_UNREADABLE_LINE));
                continue;
            }
            switch (n.path("kind").asText()) {
                case "load" -> {
                    loads++;
                    loadError = n.path("error").isTextual() ? n.path("error").asText() : null;
                }
                case "alias" -> {
                    String expected = n.path("expected").asText();
                    String used = n.path("used").asText();
                    if (IDENTIFIER.matcher(expected).matches() && IDENTIFIER.matcher(used).matches()) {
                        aliases.put(expected, used);
                    }
                }
                case "mutated" -> {
                    int index = n.path("index").asInt(-1);
                    if (index >= 0 && index < count) {
                        mutated.add(index);
                    }
                }
                case "test" -> {
                    int index = n.path("index").asInt(-1);
                    if (index < 0 || index >= count || results.get(index) != null) {
                        review.add(Message.of(MessageCode.REVIEW_SANDBOX_TAMPERED));
                    } else {
                        results.set(index, Reported.from(n));
                    }
                }
                default -> {
                }
            }
        }
        if (loads == 0 && loadError == null) {
            loadError = result.killedBy() != null ? "stopped by the " + result.killedBy() : "the program did not start";
        }
        if (loads > 1) {
            review.add(Message.of(MessageCode.REVIEW_SANDBOX_TAMPERED));
        }
        String stderr = result.stderr().isBlank() ? null : tail(result.stderr());
        return new Run(loadError, aliases, results, result.killedBy(), stderr, List.copyOf(review),
                result.wallMillis(), Set.copyOf(mutated));
    }

    private static String nextNonce() {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

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

    /**
     * The share of the tests passed: by the points the key gives each test when it gives every test its points, else
     * by count. {@code failing}: the failed tests' numbers, from 1.
     */
    static double share(List<TestCase> tests, List<Integer> failing) {
        boolean weighted = tests.stream().allMatch(t -> t.points() != null)
                && tests.stream().mapToDouble(TestCase::points).sum() > 0;
        double total = 0;
        double passed = 0;
        for (int i = 0; i < tests.size(); i++) {
            double w = weighted ? tests.get(i).points() : 1;
            total += w;
            passed += failing.contains(i + 1) ? 0 : w;
        }
        return total == 0 ? 0 : passed / total;
    }

    /** A rule about changing what the caller passed ("Changing the caller's list: −3"), checked by running. */
    private static final Pattern CHANGING = Pattern.compile("(?i)\\b(chang|modif|mutat|alter)\\w*\\s+(the\\s+)?"
            + "(caller|input|argument|parameter|given|original|passed)|修改(传入|调用者|参数|原)");

    /**
     * The key's deductions for a use it charges ("Using `Collections.reverse`: −5"): taken once when the code, outside
     * comments and strings, uses a term the rule names; for a rule about changing the caller's value, when a test's
     * call changed its argument (Python), else the teacher reads the code. A rule without an amount ("0 points") is
     * left to {@link ai.smartai.backend.grading.KeyPolicies}, which sends an answer naming its terms to review.
     */
    private static GradeResult forbidden(GradingInput in, Code code, GradeResult result) {
        GradeResult r = result;
        String bare = Code.withoutComments(code.source());
        for (KeyPolicy p : in.policies()) {
            if (p.kind() != PolicyKind.FORBIDDEN_OPERATION || p.amount() == null || r.score() == null) {
                continue;
            }
            Optional<String> why;
            if (CHANGING.matcher(p.rule()).find()) {
                if (!code.language().equals("python")) {
                    r = r.withReview(Message.of(MessageCode.REVIEW_SANDBOX_RULE_UNCHECKED, code.language(),
                            shorten(p.rule())));
                    continue;
                }
                why = r.evidence().stream().filter(e -> ARGUMENT_CHANGED.equals(e.kind())).findFirst()
                        .map(e -> "changes its argument");
            } else {
                why = p.terms().stream().filter(t -> Code.uses(bare, t)).findFirst().map(t -> "uses " + t);
            }
            if (why.isPresent()) {
                double taken = Math.min(r.score(), p.amount());
                r = new GradeResult(r.score() - taken, r.maxScore(), r.confidence(), r.method(), r.evidence(),
                        r.comment(), r.reviewReasons(), r.facts()).withEvidence(ruleApplied(p, why.get(), -taken));
            }
        }
        return r;
    }

    /** Evidence kind of a test whose call changed its arguments. */
    static final String ARGUMENT_CHANGED = "argument-changed";

    /** The key's policy of a kind that states an amount, if it has one. */
    private static Optional<KeyPolicy> policy(GradingInput in, PolicyKind kind) {
        return in.policies().stream().filter(p -> p.kind() == kind && p.amount() != null).findFirst();
    }

    /** What applying one of the key's rules did to the score. */
    private static Evidence ruleApplied(KeyPolicy rule, String why, double points) {
        return new Evidence("key-rule", Message.of(MessageCode.EV_KEY_RULE_APPLIED, shorten(rule.rule()), why,
                (points > 0 ? "+" : "") + Scores.format(points)), null);
    }

    /** The functions the key's tests call, in order. */
    private static Set<String> calledNames(List<TestCase> tests) {
        Set<String> names = new LinkedHashSet<>();
        for (TestCase t : tests) {
            Matcher m = CALL.matcher(t.input());
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** A test whose input is a call, {@code f(3)}: its value is compared; any other test's input is stdin. */
    static boolean isCall(TestCase t) {
        // or statements and the variable they leave, which must call something: "a = [1]; f(a); a"
        return CALL.matcher(t.input()).find() || JavaCalls.STATE.matcher(t.input()).matches()
                && t.input().matches("(?s).*[A-Za-z_]\\w*\\s*\\(.*");
    }

    /**
     * Function tests run through a generated driver: {@code file} is compiled as the program (with {@code mainClass} for
     * Java), {@code besideFile} is written next to it.
     */
    private record CallDriver(String file, String source, String besideFile, String besideSource, String mainClass,
            Map<String, String> aliases) {
    }

    /**
     * Programs run on each test's stdin, their output compared by the key's {@link OutputRules}: C, C++ and Java
     * compiled once in the sandbox, Python checked for syntax once.
     */
    private GradeResult gradeStdio(GradingInput in, Code code) {
        double max = in.maxScore();
        List<TestCase> tests = in.testCases();
        boolean calls = tests.stream().anyMatch(SandboxGrader::isCall);
        Optional<CallDriver> driver = !calls ? Optional.empty() : switch (code.language()) {
            case "java" -> JavaCalls.driver(code.source(), tests).map(d -> new CallDriver(d.studentFile(),
                    d.studentSource(), JavaCalls.Driver.CLASS + ".java", d.driverSource(), JavaCalls.Driver.CLASS,
                    d.aliases()));
            case "c" -> CCalls.driver(code.source(), tests).map(d -> new CallDriver(CCalls.Driver.FILE,
                    d.driverSource(), CCalls.Driver.STUDENT_FILE, d.studentSource(), null, Map.of()));
            default -> Optional.empty();
        };
        if (tests.isEmpty() || calls && driver.isEmpty()) {
            return GradeResult.awaitingTeacher(in, tests.isEmpty()
                    ? Message.of(MessageCode.REVIEW_SANDBOX_NOT_PYTHON_TESTS, code.language())
                    : code.language().equals("java") ? Message.of(MessageCode.REVIEW_SANDBOX_JAVA_CALLS)
                            : code.language().equals("c") ? Message.of(MessageCode.REVIEW_SANDBOX_C_CALLS)
                                    : Message.of(MessageCode.REVIEW_SANDBOX_CALL_TESTS, code.language()),
                    List.of(new Evidence("sandbox", Message.of(MessageCode.EV_SANDBOX_NOT_RUN, code.language()),
                            null)));
        }
        String file;
        String mainClass = null;
        Map<String, String> files = new LinkedHashMap<>();
        if (driver.isPresent()) {
            file = driver.get().file();
            mainClass = driver.get().mainClass();
            files.put(driver.get().besideFile(), driver.get().besideSource());
        } else {
            switch (code.language()) {
                case "c" -> file = "main.c";
                case "cpp" -> file = "main.cpp";
                case "python" -> file = "main.py";
                default -> {
                    Matcher m = JAVA_MAIN.matcher(code.source());
                    if (!m.find()) {
                        return GradeResult.awaitingTeacher(in, Message.of(MessageCode.REVIEW_SANDBOX_NO_MAIN),
                                List.of());
                    }
                    mainClass = m.group(1);
                    file = mainClass + ".java";
                }
            }
        }
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("language", code.language());
        job.put("source", file);
        job.put("main_class", mainClass);
        job.put("inputs", driver.isPresent() ? IntStream.range(0, tests.size()).mapToObj(
                Integer::toString).toList() : tests.stream().map(TestCase::input).toList());
        job.put("extra_sources", new ArrayList<>(files.keySet()));
        files.put(file, driver.map(CallDriver::source).orElse(code.source()));
        files.put("runner.py", resource("runner.py"));
        boolean jvm = code.language().equals("java");
        Run run = execute(files,
                List.of("/usr/bin/python3", "-I", "-S", "runner.py"), job, tests.size(),
                new Sandbox.Limits(jvm ? 4096 : 512, jvm ? 768 : 512, jvm ? 30 : 15, jvm ? 60 : 30, jvm ? 64 : 8));
        List<Evidence> evidence = new ArrayList<>();
        if (run.loadError() != null) {
            evidence.add(new Evidence("sandbox", Message.of(MessageCode.EV_SANDBOX_COMPILED_FAILS, code.language(),
                    run.loadError()),
                    run.stderr()));
        }
        Map<String, String> aliases = driver.map(CallDriver::aliases).orElse(Map.of());
        aliases.forEach((expected, used) -> evidence.add(new Evidence("sandbox-harness",
                Message.of(MessageCode.EV_SANDBOX_ALIAS, used, expected), null)));
        OutputRules rules = OutputRules.of(in.policies());
        int passed = 0;
        int prompted = 0;
        List<Message> failures = new ArrayList<>();
        List<Integer> failing = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            Reported r = run.results().get(i);
            boolean ok = r != null && (driver.isPresent() ? Verdict.value(tests.get(i).expected(), r, rules.anyOrder())
                    : Verdict.program(tests.get(i).expected(), r, rules.exact(), rules.anyOrder()));
            if (!ok && r != null && driver.isEmpty()
                    && Verdict.passesWithoutPrompts(tests.get(i).expected(), r, rules.exact())) {
                // Prompt text such as "请输入：" is extra output: the key's rule decides, else the teacher.
                prompted++;
                ok = rules.prompts() != OutputRules.Prompts.FAIL;
            }
            passed += ok ? 1 : 0;
            if (!ok) {
                failing.add(i + 1);
            }
            if (!ok && failures.size() < 5) {
                failures.add(failure(tests.get(i).input().strip().replace('\n', ' '), tests.get(i).expected(),
                        r == null ? null : r.shown()));
            }
        }
        evidence.add(Evidence.itemised("test-cases", Message.of(rules.exact() ? MessageCode.EV_SANDBOX_TESTS_STDIN_EXACT
                : MessageCode.EV_SANDBOX_TESTS_STDIN, passed, tests.size(), code.language()), failed(failures)));
        failedTests(failing).ifPresent(evidence::add);
        RubricScore.Outcome outcome = RubricScore.score(in.rubric(), max,
                Map.of(Aspect.FUNCTIONALITY, share(tests, failing)));
        evidence.add(outcome.evidence(max));
        double score = outcome.score();
        List<Message> review = new ArrayList<>(run.review());
        notAllRan(run, tests.size()).ifPresent(review::add);
        List<String> differences = new ArrayList<>(aliases.entrySet().stream()
                .map(e -> e.getValue() + " → " + e.getKey()).toList());
        if (driver.isPresent() && code.language().equals("java")) {
            calledNames(tests).stream().filter(n -> !aliases.containsKey(n))
                    .map(n -> JavaCalls.signatureDiffers(in.stem(), driver.get().source(), code.source(), n))
                    .flatMap(Optional::stream).forEach(differences::add);
        }
        Optional<KeyPolicy> signature = policy(in, PolicyKind.SIGNATURE);
        if (!differences.isEmpty() && signature.isPresent() && run.loadError() == null) {
            double taken = Math.min(score, signature.get().amount());
            score -= taken;
            evidence.add(ruleApplied(signature.get(), String.join(", ", differences), -taken));
        } else if (!aliases.isEmpty()) {
            review.add(Message.of(MessageCode.REVIEW_SANDBOX_MISNAMED, String.join(", ", differences)));
        } else if (!differences.isEmpty()) {
            review.add(Message.of(MessageCode.REVIEW_SANDBOX_SIGNATURE, String.join(", ", differences)));
        }
        if (outcome.judgedShare() < 0.5) {
            review.add(Message.of(MessageCode.REVIEW_SANDBOX_RUBRIC));
        }
        if (tests.size() > 1 && run.results().subList(0, tests.size()).stream()
                .allMatch(r -> r != null && r.error() == null && r.exit() != null && r.exit() != 0)) {
            // A program that stops with an error whatever its input is rarely what the student wrote: the code may
            // have been read in part.
            review.add(Message.of(MessageCode.REVIEW_SANDBOX_ALWAYS_FAILS));
        }
        String comment = in.say("通过 " + passed + "/" + tests.size() + " 个测试。", "Passes " + passed + " of "
                + tests.size() + " tests.");
        if (prompted > 0) {
            switch (rules.prompts()) {
                case UNSTATED -> {
                    review.add(Message.of(MessageCode.REVIEW_SANDBOX_PROMPTS, prompted));
                    evidence.add(
                            new Evidence("test-cases", Message.of(MessageCode.EV_SANDBOX_PROMPTS, prompted), null));
                }
                case FAIL -> {
                    evidence.add(new Evidence("test-cases", Message.of(MessageCode.EV_SANDBOX_PROMPTS_FAIL, prompted),
                            null));
                    comment += in.say("输出中含有提示文字，按输出不符处理。", " The output includes prompt text, which the key "
                            + "counts as wrong output.");
                }
                case DEDUCT -> {
                    double taken = Math.min(score, rules.deduction());
                    score -= taken;
                    evidence.add(
                            new Evidence("test-cases", Message.of(MessageCode.EV_SANDBOX_PROMPTS_DEDUCTED, prompted,
                                    Scores.format(rules.deduction()), Scores.format(taken)), null));
                    comment += in.say("输出了提示文字，按评分标准扣 " + Scores.format(taken) + " 分。", " The program prints "
                            + "prompt text: " + Scores.format(taken) + " point(s) deducted as the key says.");
                }
            }
        }
        return new GradeResult(score, max, tests.size() >= 3 ? 0.9 : 0.7, GradeMethod.SANDBOX, evidence,
                comment, review, List.of(new VerifiedFact(Aspect.FUNCTIONALITY, share(tests, failing),
                        "tests run in the sandbox")));
    }

    /**
     * Why failed tests are not the whole story: a program that does not load or compile earns no test, but partial
     * credit for its code is the teacher's call; tests a stopped run never reached did not fail, they did not run.
     */
    private static Optional<Message> notAllRan(Run run, int tests) {
        if (run.loadError() != null) {
            return Optional.of(Message.of(MessageCode.REVIEW_SANDBOX_DOES_NOT_RUN, shorten(run.loadError())));
        }
        long ran = run.results().subList(0, tests).stream().filter(Objects::nonNull).count();
        if (ran < tests) {
            return Optional.of(run.killedBy() == null ? Message.of(MessageCode.REVIEW_SANDBOX_PARTLY_RAN, ran, tests)
                    : Message.of(MessageCode.REVIEW_SANDBOX_PARTLY_RAN_STOPPED, ran, tests, run.killedBy()));
        }
        return Optional.empty();
    }

    private static String shorten(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 600 ? "…" + t.substring(t.length() - 600) : t;
    }

    /**
     * Runs of reference programs, kept a minute: every answer to a problem needs the same ones (generated tests, the
     * complexity baseline), and the key is the teacher's, so its results can be reused. A changed reference is a new
     * entry.
     */
    private static final class ReferenceRuns {
        private static final long TTL_NANOS = TimeUnit.MINUTES.toNanos(1);
        private static final int MAX_ENTRIES = 64;

        private record Entry(Run run, long at) {
        }

        private final Map<List<Object>, Entry> entries = new ConcurrentHashMap<>();

        Run get(String source, List<String> calls, Set<String> names, Supplier<Run> run) {
            long now = System.nanoTime();
            entries.values().removeIf(e -> now - e.at() > TTL_NANOS);
            List<Object> key = List.of(source, List.copyOf(calls), Set.copyOf(names));
            Entry e = entries.get(key);
            if (e != null) {
                return e.run();
            }
            Run fresh = run.get();
            if (entries.size() < MAX_ENTRIES) {
                entries.put(key, new Entry(fresh, now));
            }
            return fresh;
        }
    }

    /** Which of the key's tests failed, by number: the review workbench groups programs that fail the same ones. */
    private static Optional<Evidence> failedTests(List<Integer> failing) {
        return failing.isEmpty() ? Optional.empty()
                : Optional.of(new Evidence("failed-tests", Message.of(MessageCode.EV_SANDBOX_FAILED_TESTS,
                        failing.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))),
                        null));
    }

    /**
     * The program ran but defines no function the tests call, under that name or another: the answer may be in another
     * language (Java kept in a Python string), or elsewhere on the sheet. Every test failing proves nothing of the code.
     */
    private static boolean neverDefined(Run run, Set<String> names, int tests) {
        if (names.isEmpty() || run.loadError() != null || !run.aliases().isEmpty() || run.results().size() < tests) {
            return false;
        }
        return run.results().subList(0, tests).stream().allMatch(r -> r != null && r.error() != null
                && names.stream().anyMatch(n -> r.error().contains("NameError: name '" + n + "' is not defined")));
    }
}
