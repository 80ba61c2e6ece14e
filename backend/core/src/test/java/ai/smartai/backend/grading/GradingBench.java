package ai.smartai.backend.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.grading.similarity.Embeddings;
import ai.smartai.backend.ingest.parse.AnswerKeyParser;
import ai.smartai.backend.ingest.parse.ParsedKey;
import ai.smartai.backend.ingest.parse.ParsedProblem;
import ai.smartai.backend.ingest.parse.ProblemSetParser;
import ai.smartai.backend.ingest.parse.SubmissionParser;
import ai.smartai.backend.ingest.text.DocumentReader;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.ProblemType;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Throughput of the offline engine on 1,000 students × 7 problems generated from the demo homework, on two threads
 * (the machine's cores), per method; embedding model load time and memory; sandbox runs per second. Prints figures.
 * Run with {@code ./mvnw verify -Pbench -pl backend/core}.
 */
@QuarkusTest
class GradingBench {

    @Inject
    GradingEngine engine;

    @Inject
    Embeddings embeddings;

    @Test
    void throughputPerMethod() throws Exception {
        Path demo = Path.of("../../samples/demo-hw");
        var problems = ProblemSetParser.parse("p", Files.readString(demo.resolve("problems.md"))).problems();
        Map<String, ProblemType> types = new LinkedHashMap<>();
        problems.forEach(p -> types.put(p.number(), p.type()));
        Map<String, ParsedKey> keys = new LinkedHashMap<>();
        AnswerKeyParser.parse("k", Files.readString(demo.resolve("answer-key.md")), types).keys()
                .forEach(k -> keys.put(k.number(), k));
        List<Map<String, String>> sheets = new ArrayList<>();
        try (var files = Files.list(demo.resolve("students"))) {
            for (Path f : files.sorted().toList()) {
                var text = DocumentReader.read(f.toString(), Files.readAllBytes(f)).text();
                Map<String, String> answers = new LinkedHashMap<>();
                SubmissionParser.parse(f.getFileName().toString(), text, types.keySet())
                        .answers().forEach((n, a) -> answers.put(n, a.text()));
                sheets.add(answers);
            }
        }
        // Seven problems per student, as in the spec: two choice, two calculation, concept, proof, reasoning.
        List<String> seven = List.of("1", "2", "3", "4", "7", "8", "9");

        long rss0 = rssKb();
        long t0 = System.nanoTime();
        embeddings.similarity("预热", "预热", true);
        long zhMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        embeddings.similarity("warm", "warm", false);
        long enMs = (System.nanoTime() - t0) / 1_000_000;
        long modelsMb = (rssKb() - rss0) / 1024;

        List<GradingInput> inputs = new ArrayList<>();
        for (int s = 0; s < 1000; s++) {
            Map<String, String> sheet = sheets.get(s % sheets.size());
            for (String n : seven) {
                ParsedProblem p = problems.stream().filter(x -> x.number().equals(n)).findFirst().orElseThrow();
                ParsedKey k = keys.get(n);
                String answer = sheet.getOrDefault(n, "");
                if (p.type() == ProblemType.CONCEPT || p.type() == ProblemType.PROOF) {
                    // Every sentence unique, so no embedding comes from the cache.
                    final int student = s;
                    answer = String.join("\n", answer.lines().map(l -> l.isBlank() ? l : l + " （" + student + "）")
                            .toList());
                } else if (s >= sheets.size()) {
                    answer = answer + "\n" + " ".repeat(s % 7);
                }
                inputs.add(new GradingInput(p.id(), p.type(), p.stem(), k.rubric().isEmpty() ? p.rubric() : k.rubric(),
                        p.maxScore(), k.referenceAnswer(), p.choices(), k.correctChoices(), k.testCases(), p.language(),
                        answer));
            }
        }
        // Warm the JIT and the CAS on a first pass of a hundred answers.
        for (GradingInput in : inputs.subList(0, 100)) {
            engine.grade(in);
        }
        Map<GradeMethod, long[]> perMethod = new EnumMap<>(GradeMethod.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (GradingInput in : inputs) {
            futures.add(pool.submit(() -> {
                long u0 = System.nanoTime();
                GradeResult r = engine.grade(in);
                return new long[] { r.method().ordinal(), System.nanoTime() - u0 };
            }));
        }
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            long[] acc = perMethod.computeIfAbsent(GradeMethod.values()[(int) r[0]], m -> new long[2]);
            acc[0]++;
            acc[1] += r[1];
        }
        double wall = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);

        System.out.printf(
                "%nBENCH embedding models: bge-small-zh load %d ms, all-MiniLM load %d ms, RSS for both %d MB%n",
                zhMs, enMs, modelsMb);
        System.out.printf(
                "BENCH grading %d answers (1,000 students × 7 problems) on 2 threads: %.1f s, %.0f answers/s%n",
                inputs.size(), wall, inputs.size() / wall);
        perMethod.forEach((m, acc) -> System.out.printf("BENCH   %-10s %5d answers, %.1f ms per answer on one thread%n",
                m.name().toLowerCase(), acc[0], acc[1] / 1e6 / acc[0]));

        ParsedProblem prog = problems.stream().filter(p -> p.type() == ProblemType.PROGRAMMING).findFirst()
                .orElseThrow();
        ParsedKey progKey = keys.get(prog.number());
        List<GradingInput> programs = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            programs.add(new GradingInput(prog.id(), prog.type(), prog.stem(), progKey.rubric(), prog.maxScore(),
                    progKey.referenceAnswer(), List.of(), List.of(), progKey.testCases(), prog.language(),
                    sheets.get(s % sheets.size()).get(prog.number())));
        }
        ExecutorService sandboxPool = Executors.newFixedThreadPool(2);
        long s0 = System.nanoTime();
        for (Future<GradeResult> f : sandboxPool.invokeAll(programs.stream()
                .map(in -> (java.util.concurrent.Callable<GradeResult>) () -> engine.grade(in)).toList())) {
            f.get();
        }
        double sandboxWall = (System.nanoTime() - s0) / 1e9;
        sandboxPool.shutdown();
        System.out.printf("BENCH sandbox: %d programs × %d tests at concurrency 2: %.1f s, %.1f programs/s%n%n",
                programs.size(), progKey.testCases().size(), sandboxWall, programs.size() / sandboxWall);
    }

    static long rssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return 0;
    }
}
