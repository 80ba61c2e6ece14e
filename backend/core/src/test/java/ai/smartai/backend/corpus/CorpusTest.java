package ai.smartai.backend.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import ai.smartai.model.common.Scores;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every held-in corpus set through the real HTTP API in the ordinary test run: fails when a set falls below the
 * figures recorded in its {@code recorded.properties}. Reading (identity, types, points, segmentation) is checked for
 * every set; the grading figures only for the sets whose file says {@code grade=true}, because grading every set
 * takes minutes (the benchmark, -Pbench, grades them all).
 */
@QuarkusTest
class CorpusTest {

    /** Figures are shares or counts; a recorded figure may be matched exactly. */
    static final double SLACK = 1e-9;

    @Test
    void everyHeldInSetStaysAtOrAboveItsRecordedFigures() throws Exception {
        List<String> below = new ArrayList<>();
        int checked = 0;
        for (CorpusSet set : CorpusSet.all()) {
            Path file = set.dir().resolve("recorded.properties");
            if (set.heldOut() || !Files.isRegularFile(file)) {
                continue;
            }
            Properties recorded = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                recorded.load(r);
            }
            boolean grade = Boolean.parseBoolean(recorded.getProperty("grade", "false"));
            CorpusScore.Figures figures = new CorpusScore(set, CorpusRun.run(set, grade)).figures();
            for (String name : CorpusScore.Figures.NAMES) {
                String value = recorded.getProperty(name);
                if (value == null) {
                    continue;
                }
                double floor = Double.parseDouble(value);
                double actual = figures.get(name);
                boolean ok = CorpusScore.Figures.higherIsBetter(name) ? actual >= floor - SLACK
                        : actual <= floor + SLACK;
                if (!ok) {
                    below.add(set.name() + ": " + name + " is " + Scores.format(actual) + ", recorded "
                            + Scores.format(floor));
                }
            }
            checked++;
        }
        assertThat(checked).as("held-in sets with recorded figures").isGreaterThanOrEqualTo(8);
        assertThat(below).as("figures below those recorded").isEmpty();
    }
}
