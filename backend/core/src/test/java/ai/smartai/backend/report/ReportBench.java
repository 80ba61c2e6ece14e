package ai.smartai.backend.report;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ai.smartai.model.analytics.HistogramBin;
import ai.smartai.model.grade.Evidence;

/**
 * PDF reports for classes of 50, 200 and 400 students (nine problems each, with failed tests and a CJK name), written
 * into a zip as the endpoint does, with the time and the heap after each. Run with
 * {@code ./mvnw verify -Pbench -pl backend/core -am -Dtest=ReportBench}.
 */
class ReportBench {

    @Test
    void studentReportsForGrowingClasses() throws Exception {
        ReportPdfs pdfs = new ReportPdfs();
        pdfs.fonts = new ReportFonts();
        pdfs.fonts.config = new ReportConfig() {
            @Override
            public Optional<String> cjkFont() {
                return Optional.empty();
            }

            @Override
            public List<String> cjkFontCandidates() {
                return List.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#2");
            }
        };
        pdfs.fonts.require();
        write(pdfs, classOf(20));
        for (int size : new int[] { 50, 200, 400 }) {
            List<StudentReport> reports = classOf(size);
            System.gc();
            long start = System.nanoTime();
            CountingStream out = new CountingStream();
            pdfs.zip(reports).write(out);
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("ReportBench: %d students → %d ms (%.1f ms each), zip %d KB, heap used after %d MB%n",
                    size, ms, (double) ms / size, out.count / 1024, (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    private static void write(ReportPdfs pdfs, List<StudentReport> reports) throws Exception {
        pdfs.zip(reports).write(new ByteArrayOutputStream());
    }

    static List<StudentReport> classOf(int size) {
        List<HistogramBin> bins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bins.add(new HistogramBin(i * 10, i * 10 + 10, size / 10));
        }
        List<StudentReport> out = new ArrayList<>();
        for (int s = 0; s < size; s++) {
            List<StudentReport.Line> lines = new ArrayList<>();
            for (int p = 1; p <= 9; p++) {
                lines.add(new StudentReport.Line(Integer.toString(p), "计算定积分 $\\int_0^{1} (2x + 1)\\,dx$ 并说明理由。",
                        10, 7.5, null, null, 6.2, "解：$\\frac{x^2}{2} + x$ 在 0 到 1 上，得 $x^2 + x = 2$。" + s,
                        "部分正确 Partly right.", List.of(new Evidence("test-cases", "Passed 3 of 5 tests.",
                                "failed:\nis_palindrome('Aba') → expected True, got False\nis_palindrome('a b a') → "
                                        + "expected True, got False")),
                        false, "zh"));
            }
            out.add(new StudentReport("作业三 Homework 3", String.format("2023%04d", s), "张伟" + s, 67.5, 90, true, 0,
                    61.3, bins, lines));
        }
        return out;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
