package ai.smartai.frontend.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

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

    static String label(TaskStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case READY -> "Ready to grade";
            case GRADING -> "Grading";
            case GRADED -> "Graded";
        };
    }

    static String css(TaskStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String percent(Double fraction) {
        return fraction == null ? "" : Math.round(fraction * 100) + " %";
    }
}
