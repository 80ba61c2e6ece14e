package ai.smartai.frontend.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import ai.smartai.model.job.JobView;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.ProblemView;
import ai.smartai.model.task.TaskStatus;
import io.quarkus.qute.TemplateExtension;

/** Small formatting helpers for templates. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    static String css(TaskStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static String num(double v) {
        double r = Math.round(v * 100) / 100.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    static String num(Double v) {
        return v == null ? "—" : num(v.doubleValue());
    }

    /** Enum values as the API spells them: choice, content, cas, running. */
    static String word(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static int percentDone(JobView job) {
        return job.total() <= 0 ? 0 : Math.min(100, 100 * job.done() / job.total());
    }

    static ProblemType[] allTypes(ProblemView problem) {
        return ProblemType.values();
    }

    static String joined(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    /** The rubric as the edit form shows it, one "points | aspect | description" line an item. */
    static String rubricText(ProblemView problem) {
        return ProblemForm.rubricText(problem.rubric());
    }

    static String testCasesText(ProblemView problem) {
        return ProblemForm.testCasesText(problem.testCases());
    }

    static String percent(Double fraction) {
        return fraction == null ? "" : Math.round(fraction * 100) + " %";
    }
}
