package ai.smartai.frontend.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.common.Scores;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.ReviewGroup;
import ai.smartai.model.job.JobStatus;
import ai.smartai.model.job.JobView;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.ProblemView;
import ai.smartai.model.task.TaskStatus;
import io.quarkus.qute.RawString;
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

    /** A graded task with answers still waiting says so instead of "graded". */
    static boolean awaitsTeacher(TaskStatus status) {
        return status == TaskStatus.GRADED;
    }

    /** Job controls offered only where the state allows them. */
    static boolean pausable(JobView job) {
        return job.status() == JobStatus.QUEUED || job.status() == JobStatus.RUNNING;
    }

    static boolean resumable(JobView job) {
        return job.status() == JobStatus.PAUSED;
    }

    static boolean cancellable(JobView job) {
        return job.status() == JobStatus.QUEUED || job.status() == JobStatus.RUNNING
                || job.status() == JobStatus.PAUSED;
    }

    static String num(double v) {
        return Scores.format(v);
    }

    /** No score is "—"; a score of 0 is "0". */
    static String num(Double v) {
        return v == null ? "—" : Scores.format(v);
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

    /** Markdown and maths rendered safely (see {@link Markdown}); pages keep the raw text one click away. */
    static RawString md(String text) {
        return new RawString(Markdown.html(text));
    }

    /** A line of server text with its maths typeset and the rest escaped (see {@link Markdown#inline}). */
    static RawString mathInline(String text) {
        return new RawString(Markdown.inline(text));
    }

    /**
     * A grade's review reasons as catalogue messages, for {@code inject:lang.text}: the codes the server sent, or the
     * plain texts of a server or a row from before codes.
     */
    static List<Message> reasons(GradeView grade) {
        return messages(grade.reviewReasonCodes(), grade.reviewReasons());
    }

    static List<Message> reasons(ReviewGroup group) {
        return messages(group.reviewReasonCodes(), group.reviewReasons());
    }

    /** How a review group is named ("final answer 2, 5"), as a message. */
    static Message name(ReviewGroup group) {
        return group.keyCode() != null ? group.keyCode() : Message.text(group.key());
    }

    private static List<Message> messages(List<Message> codes, List<String> texts) {
        return Message.orTexts(codes, texts);
    }

    /**
     * A server text in {@code lang}, its maths typeset and the words it quotes but did not write (a student's
     * sentence, a program's output, a file's name) each in a {@code <span class="quoted">}.
     */
    static RawString quotedInline(Message message, String lang) {
        return new RawString(Markdown.inline(message.render(lang, String.valueOf(Markdown.QUOTE_OPEN),
                String.valueOf(Markdown.QUOTE_CLOSE))));
    }

    /** Whether the server sent a code for the text, so that it has words in the reader's language. */
    static boolean coded(Message message) {
        return !MessageCode.TEXT.code().equals(message.code());
    }

    /** A student's or an answer's flag is its name, then ": " and details (a file, a provider) when it has any. */
    static String flagName(Message flag) {
        String text = flag.english();
        int colon = text.indexOf(':');
        return colon < 0 ? text.strip() : text.substring(0, colon).strip();
    }

    static String percent(Double fraction) {
        return fraction == null ? "" : Math.round(fraction * 100) + " %";
    }
}
