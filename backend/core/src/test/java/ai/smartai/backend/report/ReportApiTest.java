package ai.smartai.backend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.GradedDemo;
import ai.smartai.model.analytics.GradeBands;
import ai.smartai.model.common.Scores;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The PDF reports of a graded task, read back with PDFBox: the text holds the Chinese name, every score and a failed
 * test's input, and the class report the analytics page's charts; every font is embedded; the first page, rasterised
 * by PDFBox and by pdftoppm, is not blank.
 */
@QuarkusTest
class ReportApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void aStudentsReportHoldsTheNameEveryScoreAndTheFailedTests() throws Exception {
        GradedDemo.Graded demo = GradedDemo.get();
        List<Map<String, Object>> rows = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/gradebook")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        Map<String, Object> chinese = rows.stream()
                .filter(r -> r.get("studentName") != null && ((String) r.get("studentName")).matches(".*\\p{IsHan}.*"))
                .findFirst().orElseThrow();
        String id = (String) chinese.get("studentId");
        byte[] pdf = Api.as(demo.token()).accept("application/pdf")
                .get("/api/tasks/" + demo.taskId() + "/reports/students/" + id + ".pdf").then().statusCode(200)
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains((String) chinese.get("studentName")).contains(id);
            Map<String, Object> scores = (Map<String, Object>) chinese.get("scores");
            for (Object score : scores.values()) {
                if (score != null) {
                    assertThat(text).contains(Scores.format(((Number) score).doubleValue()));
                }
            }
            assertThat(text).contains(Scores.format(((Number) chinese.get("total")).doubleValue()));
            assertEveryFontEmbedded(doc);
            assertNotBlank(doc);
        }
        assertChartsRasterise(pdf);
        // A failed test's input, in the report of a student who failed one.
        List<Map<String, Object>> grades = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/grades")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> failing = null;
        String failedLine = null;
        for (Map<String, Object> g : grades) {
            for (Map<String, Object> e : (List<Map<String, Object>>) g.get("evidence")) {
                String detail = (String) e.get("detail");
                if ("test-cases".equals(e.get("kind")) && detail != null && detail.startsWith("failed:")) {
                    failing = g;
                    failedLine = detail.split("\n")[1];
                }
            }
        }
        assertThat(failing).as("the demo class has a failed test").isNotNull();
        String input = failedLine.substring(0, failedLine.indexOf(" → ")).strip();
        byte[] failingPdf = Api.as(demo.token()).accept("application/pdf")
                .get("/api/tasks/" + demo.taskId() + "/reports/students/" + failing.get("studentId") + ".pdf").then()
                .statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(failingPdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(input.replaceAll("\\s+", " ")).contains("failed:");
        }
        // A task that speaks Chinese to its students: the server's words in the evidence are Chinese, the test's
        // input as it was.
        String path = "/api/tasks/" + demo.taskId();
        Api.as(demo.token()).body(Map.of("settings", Map.of("commentLanguage", "zh"))).put(path).then().statusCode(200);
        try {
            byte[] zh = Api.as(demo.token()).accept("application/pdf")
                    .get(path + "/reports/students/" + failing.get("studentId") + ".pdf").then().statusCode(200)
                    .extract().asByteArray();
            try (PDDocument doc = Loader.loadPDF(zh)) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(text).contains("未通过的测试：").contains(input.replaceAll("\\s+", " "))
                        .doesNotContain("failed:");
            }
        } finally {
            Api.as(demo.token()).body(Map.of("settings", Map.of("commentLanguage", ""))).put(path).then()
                    .statusCode(200);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theZipHoldsOneReportPerStudentNamedByIdAndName() throws Exception {
        GradedDemo.Graded demo = GradedDemo.get();
        List<Map<String, Object>> rows = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/gradebook")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        long start = System.nanoTime();
        byte[] zip = Api.as(demo.token()).accept("application/zip")
                .get("/api/tasks/" + demo.taskId() + "/reports/students.zip").then().statusCode(200).extract()
                .asByteArray();
        System.out.printf("students.zip: %d reports, %d bytes, %d ms%n", rows.size(), zip.length,
                (System.nanoTime() - start) / 1_000_000);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                names.add(e.getName());
                try (PDDocument doc = Loader.loadPDF(in.readAllBytes())) {
                    assertThat(doc.getNumberOfPages()).isPositive();
                }
            }
        }
        List<String> expected = rows.stream().map(r -> r.get("studentName") == null ? r.get("studentId") + ".pdf"
                : r.get("studentId") + "_" + r.get("studentName") + ".pdf").toList();
        assertThat(names).containsExactlyElementsOf(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClassReportListsPerProblemFiguresAndTheReviewBacklog() throws Exception {
        GradedDemo.Graded demo = GradedDemo.get();
        Map<String, Object> analytics = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/analytics").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        List<Map<String, Object>> review = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/review").then()
                .statusCode(200).extract().jsonPath().getList("$");
        byte[] pdf = Api.as(demo.token()).accept("application/pdf")
                .get("/api/tasks/" + demo.taskId() + "/reports/class.pdf").then().statusCode(200).extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Class report").contains("Awaiting review (" + review.size() + ")")
                    .contains(Scores.format(((Number) analytics.get("mean")).doubleValue()));
            for (Map<String, Object> p : (List<Map<String, Object>>) analytics.get("perProblem")) {
                assertThat(text).contains(Scores.format(((Number) p.get("mean")).doubleValue()) + " / "
                        + Scores.format(((Number) p.get("maxScore")).doubleValue()));
            }
            for (Map<String, Object> g : review) {
                assertThat(text).contains((String) g.get("studentId"));
            }
            // The analytics page's other charts: a box per problem, and the students per grade band.
            assertThat(text).contains("Scores per problem").contains("Grade bands");
            Map<String, Object> book = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/gradebook").then()
                    .statusCode(200).extract().jsonPath().getMap("$");
            double max = ((Number) book.get("maxTotal")).doubleValue();
            int[] bands = new int[5];
            for (Map<String, Object> row : (List<Map<String, Object>>) book.get("rows")) {
                bands[GradeBands.band(100 * ((Number) row.get("total")).doubleValue() / max)]++;
            }
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains("A ≥ 90 %: " + bands[0]).contains("B ≥ 80 %: " + bands[1])
                    .contains("C ≥ 70 %: " + bands[2]).contains("D ≥ 60 %: " + bands[3]).contains("F: " + bands[4]);
            assertEveryFontEmbedded(doc);
            assertNotBlank(doc);
        }
        assertChartsRasterise(pdf);
    }

    @Test
    void anotherTeacherGets404AndAnUnknownStudent404() {
        GradedDemo.Graded demo = GradedDemo.get();
        String other = Api.newTeacherToken();
        String base = "/api/tasks/" + demo.taskId() + "/reports/";
        for (String path : List.of("students/2023001.pdf", "students.zip", "class.pdf")) {
            Api.as(other).accept("*/*").get(base + path).then().statusCode(404);
        }
        Api.as(demo.token()).accept("*/*").get(base + "students/no-such-student.pdf").then().statusCode(404);
    }

    static void assertEveryFontEmbedded(PDDocument doc) throws Exception {
        int fonts = 0;
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts++;
            }
        }
        assertThat(fonts).isPositive();
    }

    /**
     * The first page rasterised by poppler's pdftoppm (another reader than PDFBox) is not blank and shows the charts'
     * blue. Skipped with a message when pdftoppm is not installed (apt-get install poppler-utils; .ci/run does).
     */
    static void assertChartsRasterise(byte[] pdf) throws Exception {
        Path dir = Files.createTempDirectory("report-raster");
        try {
            Path file = Files.write(dir.resolve("report.pdf"), pdf);
            Process p;
            try {
                p = new ProcessBuilder("pdftoppm", "-f", "1", "-l", "1", "-r", "50", "-png", file.toString(),
                        dir.resolve("page").toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                Assumptions.abort("pdftoppm is not installed (apt-get install poppler-utils): " + e.getMessage());
                return;
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            Path png;
            try (Stream<Path> pages = Files.list(dir)) {
                png = pages.filter(f -> f.toString().endsWith(".png")).findFirst().orElseThrow();
            }
            BufferedImage image = ImageIO.read(png.toFile());
            int dark = 0;
            int blue = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    Color c = new Color(image.getRGB(x, y));
                    dark += c.getRGB() != Color.WHITE.getRGB() ? 1 : 0;
                    blue += c.getBlue() > 150 && c.getRed() < 90 && c.getGreen() < 140 ? 1 : 0;
                }
            }
            assertThat(dark).isGreaterThan(image.getWidth() * image.getHeight() / 100);
            assertThat(blue).as("pixels of the charts' blue").isGreaterThan(image.getWidth() * image.getHeight() / 400);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.delete(dir);
        }
    }

    /** The first page rasterised at 50 dpi has a fair share of non-white pixels. */
    static void assertNotBlank(PDDocument doc) throws Exception {
        BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 50);
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                dark += rgb != 0xffffff ? 1 : 0;
            }
        }
        assertThat(dark).isGreaterThan(image.getWidth() * image.getHeight() / 100);
    }
}
