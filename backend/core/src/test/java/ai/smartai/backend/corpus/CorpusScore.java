package ai.smartai.backend.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.smartai.backend.grading.AutoAccept;
import ai.smartai.model.common.Scores;

/**
 * How the engine's reading and grading of one set compare with the teacher's: the figures of the grading-quality
 * benchmark (issue "Grading quality I"), and each answer side by side for the report.
 */
final class CorpusScore {

    /** An answer is right when within 10 % of the maximum of the teacher's score; a miss is off by more than 20 %. */
    static final double CLOSE = 0.10;
    static final double MISS = 0.20;

    static final Pattern GRADER_CONFIDENCE = Pattern.compile(Pattern.quote(AutoAccept.GRADER_CONFIDENCE)
            + " ([0-9.]+)");

    /** One answer: the teacher's score and the engine's grade, as shares of their maximum. */
    record Answer(String file, String problem, double teacher, double teacherMax, Double score, double engineMax,
            String method, double confidence, boolean needsReview, List<String> reasons, boolean segmented,
            String comment, String type, String language, String evidence) {

        boolean scored() {
            return score != null;
        }

        boolean autoAccepted() {
            return score != null && !needsReview;
        }

        /** |engine − teacher| as a share of the maximum; NaN without a score. */
        double error() {
            return score == null ? Double.NaN : Math.abs(score / engineMax - teacher / teacherMax);
        }

        boolean close() {
            return scored() && error() <= CLOSE + 1e-9;
        }

        /** The grader's own confidence of an unverified score with no other review reason, else null. */
        Double graderConfidence() {
            Matcher m = GRADER_CONFIDENCE.matcher(evidence == null ? "" : evidence);
            return m.find() ? Double.valueOf(m.group(1)) : null;
        }

        boolean unflaggedMiss() {
            return !needsReview && (score == null || error() > MISS + 1e-9);
        }
    }

    record Figures(int files, int problems, int answers, double identity, double types, double points,
            double segmentation, double autoAcceptedShare, double precision, double mae, int unflaggedMisses,
            double reviewRate) {

        static final List<String> NAMES = List.of("identity", "types", "points", "segmentation", "autoAccepted",
                "precision", "mae", "unflaggedMisses", "reviewRate");

        double get(String name) {
            return switch (name) {
                case "identity" -> identity;
                case "types" -> types;
                case "points" -> points;
                case "segmentation" -> segmentation;
                case "autoAccepted" -> autoAcceptedShare;
                case "precision" -> precision;
                case "mae" -> mae;
                case "unflaggedMisses" -> unflaggedMisses;
                case "reviewRate" -> reviewRate;
                default -> throw new IllegalArgumentException(name);
            };
        }

        /** Whether a figure is better when higher (false: lower is better). */
        static boolean higherIsBetter(String name) {
            return !List.of("mae", "unflaggedMisses", "reviewRate").contains(name);
        }
    }

    final CorpusSet set;
    final CorpusRun.Outcome outcome;
    final List<Answer> answers = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    private int identityRight;
    private int typesRight;
    private int pointsStated;
    private int pointsRight;
    private int segmentsRight;

    CorpusScore(CorpusSet set, CorpusRun.Outcome outcome) {
        this.set = set;
        this.outcome = outcome;
        compare();
    }

    @SuppressWarnings("unchecked")
    private void compare() {
        outcome.warnings().stream().filter(w -> w.startsWith("the ") || w.startsWith("grading did not"))
                .forEach(notes::add);
        List<Map<String, Object>> problems = outcome.problems();
        for (int i = 0; i < set.expected().size(); i++) {
            CorpusSet.Expected e = set.expected().get(i);
            Map<String, Object> p = i < problems.size() ? problems.get(i) : null;
            if (p != null && e.types().contains((String) p.get("type"))) {
                typesRight++;
            } else {
                notes.add(e.problem() + ": typed " + (p == null ? "(no problem)" : p.get("type")) + ", teacher "
                        + String.join("|", e.types()));
            }
            if (e.points() != null) {
                pointsStated++;
                if (p != null && Math.abs(((Number) p.get("maxScore")).doubleValue() - e.points()) < 1e-6) {
                    pointsRight++;
                } else {
                    notes.add(e.problem() + ": " + (p == null ? "no problem" : p.get("maxScore") + " points")
                            + ", stated "
                            + e.points());
                }
            }
        }
        if (problems.size() != set.expected().size()) {
            notes.add("found " + problems.size() + " problems, the set has " + set.expected().size());
        }
        for (CorpusSet.Sheet sheet : set.sheets()) {
            Optional<Map<String, Object>> student = outcome.students().stream()
                    .filter(s -> sheet.file().equals(s.get("sourceFile"))).findFirst();
            // A student's other file (a resubmission, a copy) is theirs but not graded: its identity counts, and
            // the student's grade is compared on the file it was given for.
            Optional<Map<String, Object>> otherOf = student.isPresent() ? Optional.empty()
                    : outcome.students().stream().filter(s -> ((List<Map<String, Object>>) s.getOrDefault(
                            "otherSubmissions", List.of())).stream().anyMatch(o -> sheet.file().equals(
                                    o.get("sourceFile"))))
                            .findFirst();
            Optional<Map<String, Object>> identified = student.or(() -> otherOf);
            if (identified.isPresent() && sameIdentity(sheet, identified.get())) {
                identityRight++;
            } else {
                notes.add(sheet.file() + ": identified as " + identified.map(s -> s.get("id") + " " + s.get("name"))
                        .orElse("(no student)") + ", teacher " + sheet.id() + " " + sheet.name());
            }
            if (otherOf.isPresent()) {
                notes.add(sheet.file() + ": another submission of " + otherOf.get().get("id") + ", graded on "
                        + otherOf.get().get("sourceFile") + "; not compared");
                continue;
            }
            for (int i = 0; i < set.expected().size(); i++) {
                CorpusSet.Expected e = set.expected().get(i);
                Map<String, Object> p = i < problems.size() ? problems.get(i) : null;
                String pid = p == null ? null : (String) p.get("id");
                String text = student.flatMap(s -> ((List<Map<String, Object>>) s.get("answers")).stream()
                        .filter(a -> Objects.equals(a.get("problemId"), pid)).findFirst())
                        .map(a -> (String) a.get("text")).orElse("");
                CorpusSet.Rationale r = set.rationale().getOrDefault(sheet.file(), Map.of()).get(e.problem());
                boolean segmented = segmented(r == null ? "" : r.excerpt(), text);
                if (segmented) {
                    segmentsRight++;
                }
                Map<String, Object> g = student.flatMap(s -> outcome.grades().stream()
                        .filter(x -> x.get("studentId").equals(s.get("id")) && Objects.equals(x.get("problemId"), pid))
                        .findFirst()).orElse(null);
                double teacherMax = e.points() != null ? e.points()
                        : p == null ? 1 : ((Number) p.get("maxScore")).doubleValue();
                answers.add(new Answer(sheet.file(), e.problem(), sheet.scores().get(e.problem()), teacherMax,
                        g == null || g.get("score") == null ? null : ((Number) g.get("score")).doubleValue(),
                        g == null ? teacherMax : ((Number) g.get("maxScore")).doubleValue(),
                        g == null ? "(none)" : (String) g.get("method"),
                        g == null ? 0 : ((Number) g.get("confidence")).doubleValue(),
                        g != null && Boolean.TRUE.equals(g.get("needsReview")),
                        g == null ? List.of() : (List<String>) g.get("reviewReasons"), segmented,
                        g == null ? null : (String) g.get("comment"), p == null ? "" : String.valueOf(p.get("type")),
                        p == null ? "" : String.valueOf(p.get("language")),
                        g == null ? "" : String.valueOf(g.get("evidence"))));
            }
        }
    }

    private static boolean sameIdentity(CorpusSet.Sheet sheet, Map<String, Object> student) {
        boolean id = sheet.id().isEmpty() || sheet.id().equals(student.get("id"));
        boolean name = sheet.name().isEmpty() || squash(sheet.name()).equals(squash((String) student.get("name")));
        return id && name;
    }

    /** The teacher's excerpt is in the engine's answer to that problem (whitespace aside); nothing written, nothing found. */
    static boolean segmented(String excerpt, String answer) {
        String a = squash(answer);
        String e = squash(excerpt);
        return e.isEmpty() ? a.isEmpty() : a.contains(e);
    }

    private static String squash(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u00a0\\u3000]+", "");
    }

    Figures figures() {
        int n = answers.size();
        long auto = answers.stream().filter(Answer::autoAccepted).count();
        long autoClose = answers.stream().filter(a -> a.autoAccepted() && a.close()).count();
        List<Answer> scored = answers.stream().filter(Answer::scored).toList();
        return new Figures(set.sheets().size(), set.expected().size(), n,
                ratio(identityRight, set.sheets().size()), ratio(typesRight, set.expected().size()),
                ratio(pointsRight, pointsStated), ratio(segmentsRight, n), ratio(auto, n), ratio(autoClose, auto),
                scored.isEmpty() ? Double.NaN : scored.stream().mapToDouble(Answer::error).average().orElse(0) * 10,
                (int) answers.stream().filter(Answer::unflaggedMiss).count(),
                ratio(answers.stream().filter(Answer::needsReview).count(), n));
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** One tab-separated line per answer (set, type, language, method, confidence, shares, review, reasons, evidence). */
    String tsv() {
        StringBuilder out = new StringBuilder();
        for (Answer a : answers) {
            out.append(String.join("\t", set.name(), a.file(), a.problem(), a.type(), a.language(), a.method(),
                    Scores.format(a.confidence()), Scores.format(a.teacher() / a.teacherMax()),
                    a.score() == null ? "" : Scores.format(a.score() / a.engineMax()), a.close() ? "close" : "far",
                    a.needsReview() ? "review" : "auto", String.join("; ", a.reasons()).replaceAll("[\t\n]", " "),
                    a.evidence().replaceAll("[\t\n]", " "))).append('\n');
        }
        return out.toString();
    }

    /** Every answer side by side, for reading why a figure is what it is. */
    String details() {
        StringBuilder out = new StringBuilder("# " + set.name() + "\n\n");
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        out.append("\n| file | problem | teacher | engine | method | conf | review | segmented | reasons |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Answer a : answers) {
            out.append("| ").append(a.file()).append(" | ").append(a.problem()).append(" | ")
                    .append(Scores.format(a.teacher())).append('/').append(Scores.format(a.teacherMax())).append(" | ")
                    .append(a.score() == null ? "—" : Scores.format(a.score())).append('/')
                    .append(Scores.format(a.engineMax()))
                    .append(" | ").append(a.method()).append(" | ").append(Scores.format(a.confidence())).append(" | ")
                    .append(a.needsReview() ? "yes" : "").append(a.unflaggedMiss() ? " **MISS**" : "")
                    .append(" | ").append(a.segmented() ? "" : "**no**").append(" | ")
                    .append(String.join("; ", a.reasons()).replace("|", "/").replace("\n", " ")).append(" |\n");
        }
        return out.toString();
    }

}
