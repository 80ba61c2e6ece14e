package ai.smartai.backend.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import ai.smartai.model.grade.GradeMethod;

/**
 * Confidence thresholds calibrated on the held-in corpus (issue #14): for a method and a problem language, the lowest
 * confidence above which the benchmark found at least {@code min.answers} unverified grades and at least
 * {@code target.precision} of them within 10 % of the teacher's score. Read from the checked-in
 * {@code grading/calibration.properties}, which CorpusBench writes (-Pbench -Dcorpus.calibrate=true) from held-in
 * sets only. A method and language without a threshold, or a file calibrated for another engine version, clears
 * nothing: the grade stays in review.
 */
public final class Calibration {

    static final String RESOURCE = "/grading/calibration.properties";

    /** The fewest held-in answers a threshold may rest on. */
    public static final int MIN_ANSWERS = 30;

    /** The share of answers above a threshold that must be within 10 % of the teacher's score (issue #14). */
    public static final double TARGET_PRECISION = 0.97;

    /** A threshold and what it was measured on. */
    public record Threshold(double confidence, int answers, double precision) {
    }

    private static final Calibration LOADED = load();

    private final Properties props;

    Calibration(Properties props) {
        this.props = props;
    }

    public static Calibration current() {
        return LOADED;
    }

    private static Calibration load() {
        Properties p = new Properties();
        try (InputStream in = Calibration.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new Calibration(p);
    }

    /** The key of a method and language in the file: {@code similarity.zh}. */
    public static String key(GradeMethod method, String language) {
        return method.name().toLowerCase(Locale.ROOT) + "." + (language == null ? "" : language);
    }

    /** The engine version the thresholds were measured on. */
    public String engine() {
        return props.getProperty("engine", "");
    }

    /** The threshold for grades of this method and language, when one was calibrated for the running engine. */
    public Optional<Threshold> threshold(GradeMethod method, String language) {
        String k = key(method, language);
        String t = props.getProperty(k + ".threshold");
        if (t == null || t.isBlank() || !GradingEngine.VERSION.equals(engine())) {
            return Optional.empty();
        }
        return Optional.of(new Threshold(Double.parseDouble(t), Integer.parseInt(props.getProperty(k + ".answers",
                "0")), Double.parseDouble(props.getProperty(k + ".precision", "0"))));
    }
}
