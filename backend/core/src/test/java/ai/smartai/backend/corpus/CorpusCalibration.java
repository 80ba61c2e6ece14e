package ai.smartai.backend.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ai.smartai.backend.grading.Calibration;
import ai.smartai.backend.grading.GradingEngine;

/**
 * Computes the confidence thresholds of {@code grading/calibration.properties} from held-in sets only: per method and
 * problem language, among the scores no tool verified and nothing else sent to review (their evidence carries the
 * grader's own confidence), the lowest confidence above which at least {@link Calibration#MIN_ANSWERS} answers were
 * and at least {@link Calibration#TARGET_PRECISION} of them within 10 % of the teacher's. Fewer answers, no threshold.
 */
final class CorpusCalibration {

    static final Path RESOURCE = Path.of("src/main/resources/grading/calibration.properties");

    /** One method and language: how many candidates, and the threshold found, if any. */
    record Row(String key, int candidates, int close, Double threshold, int answers, double precision) {
    }

    private CorpusCalibration() {
    }

    static List<Row> compute(List<CorpusScore> heldIn) {
        Map<String, List<CorpusScore.Answer>> byKey = new TreeMap<>();
        for (CorpusScore s : heldIn) {
            if (s.set.heldOut()) {
                throw new IllegalArgumentException(s.set.name() + " is held out: never calibrated on");
            }
            for (CorpusScore.Answer a : s.answers) {
                if (a.scored() && a.graderConfidence() != null) {
                    byKey.computeIfAbsent(a.method() + "." + a.language(), k -> new ArrayList<>()).add(a);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        byKey.forEach((key, answers) -> {
            List<CorpusScore.Answer> sorted = answers.stream()
                    .sorted(Comparator.comparingDouble(CorpusScore.Answer::graderConfidence).reversed()).toList();
            int close = (int) answers.stream().filter(CorpusScore.Answer::close).count();
            Double threshold = null;
            int n = 0;
            int hits = 0;
            int bestN = 0;
            double bestPrecision = 0;
            for (int i = 0; i < sorted.size(); i++) {
                n++;
                hits += sorted.get(i).close() ? 1 : 0;
                boolean lastOfTie = i + 1 == sorted.size()
                        || sorted.get(i + 1).graderConfidence() < sorted.get(i).graderConfidence();
                if (lastOfTie && n >= Calibration.MIN_ANSWERS
                        && (double) hits / n >= Calibration.TARGET_PRECISION - 1e-9) {
                    threshold = sorted.get(i).graderConfidence();
                    bestN = n;
                    bestPrecision = (double) hits / n;
                }
            }
            rows.add(new Row(key, answers.size(), close, threshold, bestN, bestPrecision));
        });
        return rows;
    }

    static String properties(List<Row> rows, List<CorpusScore> heldIn) {
        StringBuilder out = new StringBuilder("# Confidence thresholds for scores no tool verified (docs/grading.md, "
                + "\"calibrated thresholds\"), written by\n# CorpusBench -Pbench -Dcorpus.calibrate=true from the "
                + "held-in sets only: " + String.join(", ", heldIn.stream().map(s -> s.set.name()).toList())
                + ".\n# Per method.language: candidates (unverified scores with no other review reason), threshold "
                + "(absent: none\n# reached the precision with enough answers), answers and precision above it. "
                + "Applies only to the engine below.\n");
        out.append("engine=").append(GradingEngine.VERSION).append('\n')
                .append("date=").append(LocalDate.now(ZoneOffset.UTC)).append('\n')
                .append("min.answers=").append(Calibration.MIN_ANSWERS).append('\n')
                .append("target.precision=").append(Calibration.TARGET_PRECISION).append('\n');
        for (Row r : rows) {
            out.append(r.key()).append(".candidates=").append(r.candidates()).append('\n');
            if (r.threshold() != null) {
                out.append(r.key()).append(".threshold=").append(String.format(Locale.ROOT, "%.3f", r.threshold()))
                        .append('\n').append(r.key()).append(".answers=").append(r.answers()).append('\n')
                        .append(r.key()).append(".precision=").append(String.format(Locale.ROOT, "%.3f",
                                r.precision()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder("| method.language | unverified candidates | within 10 % | threshold | "
                + "answers above | precision above |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.key()).append(" | ").append(r.candidates()).append(" | ")
                    .append(CorpusReport.pct(CorpusScore.ratio(r.close(), r.candidates()))).append(" | ")
                    .append(r.threshold() == null ? "none" : CorpusReport.num(r.threshold())).append(" | ")
                    .append(r.threshold() == null ? "" : r.answers()).append(" | ")
                    .append(r.threshold() == null ? "" : CorpusReport.pct(r.precision())).append(" |\n");
        }
        return out.toString();
    }

    /** Writes the proposal to target/corpus, and into the checked-in resource when asked to calibrate. */
    static void write(List<Row> rows, List<CorpusScore> heldIn) throws IOException {
        String text = properties(rows, heldIn);
        Files.createDirectories(CorpusReport.OUT);
        Files.writeString(CorpusReport.OUT.resolve("calibration.properties"), text, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("corpus.calibrate")) {
            Files.writeString(RESOURCE, text, StandardCharsets.UTF_8);
        }
    }
}
