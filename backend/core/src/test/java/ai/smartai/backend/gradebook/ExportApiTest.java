package ai.smartai.backend.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.GradedDemo;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The XLSX, Moodle and Canvas exports: read back with POI and commons-csv, they hold the gradebook's figures. */
@QuarkusTest
class ExportApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void xlsxHoldsTheGradebookAsNumbersWithOverridesMarked() throws Exception {
        GradedDemo.Graded demo = GradedDemo.get();
        Map<String, Object> book = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/gradebook").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) book.get("rows");
        List<Map<String, Object>> columns = (List<Map<String, Object>>) book.get("problems");
        String firstStudent = (String) rows.get(0).get("studentId");
        String firstProblem = (String) columns.get(0).get("problemId");
        Api.as(demo.token()).body(Map.of("score", 0, "comment", "重新检查"))
                .put("/api/tasks/" + demo.taskId() + "/grades/" + firstStudent + "/" + firstProblem).then()
                .statusCode(200);
        rows = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/gradebook").then().statusCode(200)
                .extract().jsonPath().getList("rows");

        byte[] xlsx = Api.as(demo.token()).accept("*/*").get("/api/tasks/" + demo.taskId() + "/exports/grades.xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet grades = wb.getSheet("Grades");
            assertThat(grades.getLastRowNum()).isEqualTo(rows.size());
            int totalColumn = 2 + columns.size();
            for (int i = 0; i < rows.size(); i++) {
                Row row = grades.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(rows.get(i).get("studentId"));
                Cell total = row.getCell(totalColumn);
                assertThat(total.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(total.getNumericCellValue())
                        .isCloseTo(((Number) rows.get(i).get("total")).doubleValue(), offset(1e-4));
                Map<String, Object> scores = (Map<String, Object>) rows.get(i).get("scores");
                for (int p = 0; p < columns.size(); p++) {
                    Object score = scores.get(columns.get(p).get("problemId"));
                    Cell cell = row.getCell(2 + p);
                    if (score != null) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(cell.getNumericCellValue()).isCloseTo(((Number) score).doubleValue(), offset(1e-4));
                    }
                }
            }
            Row first = grades.getRow(1);
            assertThat(first.getCell(2).getCellStyle().getFillForegroundColor()).isNotZero();
            assertThat(first.getCell(totalColumn + 4).getStringCellValue()).isNotBlank();
            assertThat(grades.getRow(2).getCell(totalColumn + 4).getStringCellValue()).isEmpty();
            Sheet summary = wb.getSheet("Summary");
            assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("students");
            assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(rows.size());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void moodleAndCanvasCsvsFollowTheirImportColumns() throws Exception {
        GradedDemo.Graded demo = GradedDemo.get();
        List<Map<String, Object>> rows = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/gradebook")
                .then().statusCode(200).extract().jsonPath().getList("rows");

        List<CSVRecord> moodle = parse(Api.as(demo.token()).accept("text/csv")
                .get("/api/tasks/" + demo.taskId() + "/exports/moodle.csv").then().statusCode(200).extract()
                .asByteArray());
        assertThat(moodle.get(0).getParser().getHeaderNames())
                .containsExactly("ID number", "Full name", "Email address", "作业三 Demo", "作业三 Demo (Feedback)");
        assertThat(moodle).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            assertThat(moodle.get(i).get("ID number")).isEqualTo(row.get("studentId"));
            String grade = moodle.get(i).get("作业三 Demo");
            if ((Integer) row.get("unscored") == 0) {
                assertThat(Double.parseDouble(grade)).isCloseTo(((Number) row.get("total")).doubleValue(),
                        offset(0.005));
            } else {
                assertThat(grade).isEmpty();
            }
        }

        List<CSVRecord> canvas = parse(Api.as(demo.token()).accept("text/csv")
                .get("/api/tasks/" + demo.taskId() + "/exports/canvas.csv").then().statusCode(200).extract()
                .asByteArray());
        assertThat(canvas.get(0).getParser().getHeaderNames())
                .containsExactly("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "作业三 Demo");
        assertThat(canvas.get(0).get("Student").trim()).isEqualTo("Points Possible");
        assertThat(canvas).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(canvas.get(i + 1).get("SIS User ID")).isEqualTo(rows.get(i).get("studentId"));
            assertThat(canvas.get(i + 1).get("Student")).isEqualTo(
                    rows.get(i).get("studentName") == null ? "" : rows.get(i).get("studentName"));
        }
    }

    @Test
    void anotherTeachersExportsAnswer404() {
        GradedDemo.Graded demo = GradedDemo.get();
        String other = Api.newTeacherToken();
        for (String file : List.of("grades.xlsx", "moodle.csv", "canvas.csv")) {
            Api.as(other).accept("*/*").get("/api/tasks/" + demo.taskId() + "/exports/" + file).then().statusCode(404);
        }
    }

    private static List<CSVRecord> parse(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }
}
