package ai.smartai.backend.corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The grading-quality benchmark: every corpus set through the HTTP API, offline, compared with the teacher's grade
 * sheet. Prints the per-set table (held-out apart), the pooled figures and the confidence reliability per method, and
 * writes them to target/corpus/report.md. Run: ./mvnw verify -Pbench -pl backend/core -Dtest=CorpusBench
 */
@QuarkusTest
class CorpusBench {

    @Test
    void gradingQuality() throws Exception {
        List<CorpusScore> scores = new ArrayList<>();
        for (CorpusSet set : CorpusSet.all()) {
            long t0 = System.nanoTime();
            CorpusScore score = new CorpusScore(set, CorpusRun.run(set));
            CorpusReport.writeDetails(score);
            scores.add(score);
            System.out.printf("%s graded in %.1f s%n", set.name(), (System.nanoTime() - t0) / 1e9);
        }
        String report = "## Grading quality (offline, no LLM)\n\n" + CorpusReport.table(scores)
                + "\n## Reliability of reported confidence, held-in sets\n\n"
                + CorpusReport.reliability(scores.stream().filter(s -> !s.set.heldOut()).toList())
                + "\n## Reliability of reported confidence, held-out sets\n\n"
                + CorpusReport.reliability(scores.stream().filter(s -> s.set.heldOut()).toList());
        System.out.println(report);
        Files.createDirectories(CorpusReport.OUT);
        Files.writeString(CorpusReport.OUT.resolve("report.md"), report, StandardCharsets.UTF_8);
    }
}
