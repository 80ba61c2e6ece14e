package ai.smartai.backend.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The benchmark's tables: per set, pooled for the held-in and the held-out split, and confidence reliability. */
final class CorpusReport {

    static final Path OUT = Path.of("target", "corpus");
    static final double[] BINS = { 0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001 };

    private CorpusReport() {
    }

    static String header() {
        return "| set | split | files | answers | identity | types | points | segmentation | auto-accepted | "
                + "precision | MAE/10 | unflagged misses | review rate |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    }

    static String row(String name, String split, CorpusScore.Figures f) {
        return "| " + name + " | " + split + " | " + f.files() + " | " + f.answers() + " | " + pct(f.identity())
                + " | " + pct(f.types()) + " | " + pct(f.points()) + " | " + pct(f.segmentation()) + " | "
                + pct(f.autoAcceptedShare()) + " | " + pct(f.precision()) + " | " + num(f.mae()) + " | "
                + f.unflaggedMisses() + " | " + pct(f.reviewRate()) + " |\n";
    }

    /** Figures over several sets, pooled answer by answer (not an average of averages). */
    static CorpusScore.Figures pooled(List<CorpusScore> scores) {
        int files = 0;
        int problems = 0;
        int answers = 0;
        double identity = 0;
        double types = 0;
        double points = 0;
        int pointsSets = 0;
        double segmentation = 0;
        List<CorpusScore.Answer> all = new ArrayList<>();
        for (CorpusScore s : scores) {
            CorpusScore.Figures f = s.figures();
            files += f.files();
            problems += f.problems();
            answers += f.answers();
            identity += f.identity() * f.files();
            types += f.types() * f.problems();
            if (!Double.isNaN(f.points())) {
                points += f.points() * f.problems();
                pointsSets += f.problems();
            }
            segmentation += f.segmentation() * f.answers();
            all.addAll(s.answers);
        }
        long auto = all.stream().filter(CorpusScore.Answer::autoAccepted).count();
        List<CorpusScore.Answer> scored = all.stream().filter(CorpusScore.Answer::scored).toList();
        return new CorpusScore.Figures(files, problems, answers, identity / files, types / problems,
                pointsSets == 0 ? Double.NaN : points / pointsSets, segmentation / answers,
                CorpusScore.ratio(auto, answers),
                CorpusScore.ratio(all.stream().filter(a -> a.autoAccepted() && a.close()).count(), auto),
                scored.stream().mapToDouble(CorpusScore.Answer::error).average().orElse(Double.NaN) * 10,
                (int) all.stream().filter(CorpusScore.Answer::unflaggedMiss).count(),
                CorpusScore.ratio(all.stream().filter(CorpusScore.Answer::needsReview).count(), answers));
    }

    /** For each method and band of reported confidence: how many scored answers, and the share within 10 %. */
    static String reliability(List<CorpusScore> scores) {
        Map<String, Map<Integer, int[]>> byMethod = new TreeMap<>();
        for (CorpusScore s : scores) {
            for (CorpusScore.Answer a : s.answers) {
                if (!a.scored()) {
                    continue;
                }
                int bin = 0;
                while (bin < BINS.length - 2 && a.confidence() >= BINS[bin + 1]) {
                    bin++;
                }
                int[] c = byMethod.computeIfAbsent(a.method(), m -> new TreeMap<>()).computeIfAbsent(bin,
                        b -> new int[2]);
                c[0]++;
                c[1] += a.close() ? 1 : 0;
            }
        }
        StringBuilder out = new StringBuilder("| method |");
        for (int b = 0; b < BINS.length - 1; b++) {
            out.append(String.format(Locale.ROOT, " %.2f–%.2f |", BINS[b], Math.min(1, BINS[b + 1])));
        }
        out.append("\n|---|").append("---|".repeat(BINS.length - 1)).append('\n');
        byMethod.forEach((method, bins) -> {
            out.append("| ").append(method).append(" |");
            for (int b = 0; b < BINS.length - 1; b++) {
                int[] c = bins.get(b);
                out.append(c == null ? " |" : " " + pct((double) c[1] / c[0]) + " of " + c[0] + " |");
            }
            out.append('\n');
        });
        return out.toString();
    }

    static String table(List<CorpusScore> scores) {
        StringBuilder out = new StringBuilder(header());
        Map<Boolean, List<CorpusScore>> split = new LinkedHashMap<>();
        split.put(false, new ArrayList<>());
        split.put(true, new ArrayList<>());
        scores.forEach(s -> split.get(s.set.heldOut()).add(s));
        split.forEach((heldOut, list) -> list.forEach(s -> out.append(row(s.set.name(), heldOut ? "held-out"
                : "held-in", s.figures()))));
        split.forEach((heldOut, list) -> {
            if (!list.isEmpty()) {
                out.append(row("**all " + (heldOut ? "held-out" : "held-in") + "**", "", pooled(list)));
            }
        });
        return out.toString();
    }

    /** Every answer of a held-in set, for reading why; held-out sets are not written out, so they stay unseen. */
    static void writeDetails(CorpusScore score) throws IOException {
        if (score.set.heldOut() && !Boolean.getBoolean("corpus.details.heldOut")) {
            return;
        }
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve(score.set.name() + ".md"), score.details(), StandardCharsets.UTF_8);
        Files.writeString(OUT.resolve(score.set.name() + ".tsv"), score.tsv(), StandardCharsets.UTF_8);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }
}
