package ai.smartai.backend.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.analytics.GradeBands;
import ai.smartai.model.analytics.ProblemDeepDive;
import ai.smartai.model.analytics.ProblemStats;
import ai.smartai.model.common.Scores;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeView;
import com.lowagie.text.pdf.BaseFont;

/** Draws the student and class reports; labels are bilingual (中文 / English) since a report goes out as it is. */
@ApplicationScoped
public class ReportPdfs {

    static final int MAX_EVIDENCE_DETAIL = 1500;
    /** Reports drawn at once for a zip: the machine's cores, at most four. */
    static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    static final int AHEAD = 2 * THREADS;

    @Inject
    ReportFonts fonts;

    public byte[] student(StudentReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        student(r, out);
        return out.toByteArray();
    }

    public byte[] classReport(ClassReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        classReport(r, out);
        return out.toByteArray();
    }

    /**
     * Every report, one {@code 学号_姓名.pdf} entry each, written into the response as they are drawn: {@link #THREADS}
     * draw at once, at most {@link #AHEAD} wait to be written, so memory does not grow with the class. The font is
     * loaded first, so a missing one answers 503 before any byte is sent.
     */
    public StreamingOutput zip(List<StudentReport> reports) {
        fonts.require();
        return out -> {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                ZipOutputStream zip = new ZipOutputStream(out);
                // A PDF's streams are compressed already; deflating them again costs time and saves nothing.
                zip.setLevel(Deflater.NO_COMPRESSION);
                Deque<Future<byte[]>> ahead = new ArrayDeque<>();
                Set<String> names = new HashSet<>();
                int submitted = 0;
                for (StudentReport r : reports) {
                    while (submitted < reports.size() && ahead.size() < AHEAD) {
                        StudentReport next = reports.get(submitted++);
                        ahead.add(pool.submit(() -> student(next)));
                    }
                    String name = r.fileName();
                    for (int i = 2; !names.add(name); i++) {
                        name = r.fileName().replace(".pdf", "-" + i + ".pdf");
                    }
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(ahead.poll().get());
                    zip.closeEntry();
                }
                zip.finish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while writing the reports.", e);
            } catch (ExecutionException e) {
                throw new IOException("A report could not be written: " + e.getCause().getMessage(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        };
    }

    void student(StudentReport r, OutputStream out) {
        fonts.with(font -> {
            drawStudent(font, r, out);
            return null;
        });
    }

    private void drawStudent(BaseFont font, StudentReport r, OutputStream out) {
        try (PdfKit pdf = new PdfKit(font, out, r.taskName() + " — " + r.studentId())) {
            pdf.title("成绩报告 Report · " + r.taskName());
            pdf.field("学号 Student id", r.studentId());
            pdf.field("姓名 Name", r.studentName() == null ? "—" : r.studentName());
            pdf.field("总分 Total", Scores.format(r.total()) + " / " + Scores.format(r.maxTotal())
                    + (r.passed() == null ? "" : r.passed() ? "   通过 passed" : "   未通过 not passed")
                    + "   班级平均 class mean " + Scores.format(r.classMean()));
            if (r.awaitingReview() > 0) {
                pdf.small("有 " + r.awaitingReview() + " 题待老师复核，分数可能变化。 " + r.awaitingReview()
                        + " answer(s) await the teacher's review; the total may change.");
            }
            pdf.heading("班级分布 Class distribution (橙色为你所在区间 your range in orange)");
            pdf.histogram(r.classHistogram(), r.total());
            pdf.heading("各题得分 Score per problem (橙线为班级平均 orange tick: class mean)");
            List<PdfKit.Bar> bars = new ArrayList<>();
            for (StudentReport.Line l : r.problems()) {
                bars.add(new PdfKit.Bar(l.label(), l.score() == null ? 0 : l.score(), l.maxScore(), l.classMean()));
            }
            pdf.bars(bars);
            for (StudentReport.Line l : r.problems()) {
                pdf.heading("第 " + l.label() + " 题 Problem " + l.label() + ":  " + (l.score() == null ? "待评 awaiting"
                        : Scores.format(l.score())) + " / " + Scores.format(l.maxScore()));
                if (l.stem() != null && !l.stem().isBlank()) {
                    pdf.small(MathText.readable(shorten(l.stem(), 600)));
                }
                pdf.small("你的答案 Your answer");
                pdf.block(MathText.readable(l.answer()));
                if (l.override() != null) {
                    pdf.field("教师改分 Teacher's score", (l.override().score() == null ? "—"
                            : Scores.format(l.override().score()))
                            + (l.machineScore() == null ? ""
                                    : "  (机评 machine: " + Scores.format(l.machineScore()) + ")"));
                } else if (l.awaitingReview()) {
                    pdf.small("待老师复核 Awaiting the teacher's review");
                }
                if (l.comment() != null && !l.comment().isBlank()) {
                    pdf.field("评语 Comment", l.comment());
                }
                for (Evidence e : l.evidence()) {
                    // The server's words in the language the task speaks to its students; a program's own output
                    // and a student's sentences stay as they were.
                    pdf.field(e.kind(), e.message().render(l.lang()));
                    String detail = String.join("\n", e.detailLines().stream().map(d -> d.render(l.lang())).toList());
                    if (!detail.isBlank()) {
                        pdf.block(shorten(detail, MAX_EVIDENCE_DETAIL));
                    }
                }
                if (l.override() != null && l.override().comment() != null && !l.override().comment().isBlank()) {
                    pdf.field("教师备注 Teacher's note", l.override().comment());
                }
            }
        }
    }

    void classReport(ClassReport r, OutputStream out) {
        fonts.with(font -> {
            drawClass(font, r, out);
            return null;
        });
    }

    private void drawClass(BaseFont font, ClassReport r, OutputStream out) {
        Analytics a = r.analytics();
        try (PdfKit pdf = new PdfKit(font, out, r.taskName() + " — class report")) {
            pdf.title("班级报告 Class report · " + r.taskName());
            pdf.field("学生 Students", Integer.toString(a.students()));
            pdf.field("全部评完 Fully scored", Integer.toString(r.fullyScored()));
            pdf.field("平均 Mean / 中位数 Median / 标准差 SD", Scores.format(a.mean()) + " / " + Scores.format(a.median())
                    + " / " + Scores.format(a.stdDev()) + "   (满分 out of " + Scores.format(a.maxTotal()) + ")");
            pdf.field("通过率 Pass rate", percent(a.passRate()) + "   (及格线 threshold " + percent(a.passThreshold())
                    + ")");
            pdf.heading("总分分布 Distribution of totals");
            pdf.histogram(a.histogram(), null);
            pdf.heading("各题平均 Mean per problem (橙线 orange tick: pass line)");
            List<PdfKit.Bar> bars = new ArrayList<>();
            for (int i = 0; i < a.perProblem().size(); i++) {
                ProblemStats p = a.perProblem().get(i);
                bars.add(new PdfKit.Bar(r.problemLabels().get(i), p.mean(), p.maxScore(),
                        a.passThreshold() * p.maxScore()));
            }
            pdf.bars(bars);
            pdf.heading("各题得分箱线图 Scores per problem (箱为四分位，深线为中位数，橙线为平均 box: quartiles, "
                    + "line: median, orange tick: mean)");
            if (r.boxes().isEmpty()) {
                pdf.small("还没有分数。 No scores yet.");
            } else {
                pdf.boxes(r.boxes());
            }
            List<String> bandNames = new ArrayList<>();
            for (int i = 0; i < GradeBands.names(true).size(); i++) {
                bandNames.add(GradeBands.names(true).get(i) + " " + GradeBands.names(false).get(i)
                        + (GradeBands.lower(i) > 0 ? " ≥ " + Scores.format(GradeBands.lower(i)) + " %" : ""));
            }
            pdf.heading("成绩等级 Grade bands (总分占满分 share of the maximum total)");
            pdf.bands(bandNames, List.copyOf(GradeBands.count(r.totalsPercent(), true).values()));
            pdf.heading("各题 Per problem");
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < a.perProblem().size(); i++) {
                ProblemStats p = a.perProblem().get(i);
                rows.add(
                        List.of(r.problemLabels().get(i), Scores.format(p.mean()) + " / " + Scores.format(p.maxScore()),
                                percent(p.passRate()), Scores.format(p.min()) + " – " + Scores.format(p.max()),
                                Integer.toString(p.needsReview())));
            }
            pdf.table(List.of("题 Problem", "平均 Mean", "通过率 Pass rate", "范围 Range", "待复核 Review"), rows,
                    new float[] { 1.2f, 2, 1.6f, 1.6f, 1.2f });
            pdf.heading("常见错误答案 Common wrong answers");
            List<List<String>> wrong = new ArrayList<>();
            for (int i = 0; i < r.problems().size(); i++) {
                for (ProblemDeepDive.WrongAnswer w : r.problems().get(i).commonWrongAnswers()) {
                    wrong.add(List.of(r.problemLabels().get(i), MathText.readable(shorten(w.answer(), 200)),
                            Integer.toString(w.count()), String.join(", ", w.studentIds())));
                }
            }
            if (wrong.isEmpty()) {
                pdf.small("没有重复出现的错误答案。 No wrong final answer recurs.");
            } else {
                pdf.table(List.of("题 Problem", "答案 Answer", "人数 Count", "学生 Students"), wrong,
                        new float[] { 1, 3, 1, 4 });
            }
            pdf.heading("待复核 Awaiting review (" + r.awaitingReview().size() + ")");
            List<List<String>> review = new ArrayList<>();
            for (GradeView g : r.awaitingReview()) {
                review.add(List.of(g.studentId(), g.problemId(), g.score() == null ? "—" : Scores.format(g.score())
                        + " / " + Scores.format(g.maxScore()), String.format(Locale.ROOT, "%.2f", g.confidence()),
                        String.join("; ", g.reviewReasons())));
            }
            if (review.isEmpty()) {
                pdf.small("没有待复核的成绩。 Nothing awaits review.");
            } else {
                pdf.table(List.of("学号 Student", "题 Problem", "机评 Score", "置信 Confidence", "原因 Reasons"), review,
                        new float[] { 1.5f, 1, 1.2f, 1.1f, 5 });
            }
        }
    }

    private static String percent(double share) {
        return Scores.format(share * 100) + " %";
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + " …";
    }
}
