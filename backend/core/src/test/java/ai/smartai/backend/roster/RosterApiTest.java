package ai.smartai.backend.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.GradedDemo;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A class roster against the demo class's submissions: ids match exactly, names loosely; the absent student is
 * missing, the student left off the roster is flagged; the Canvas export carries the LMS ids.
 */
@QuarkusTest
class RosterApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void aCanvasRosterMatchesByIdAndNameListsTheAbsentAndFlagsTheStray() throws Exception {
        GradedDemo.Graded demo = GradedDemo.get();
        List<Map<String, Object>> students = Api.as(demo.token())
                .get("/api/tasks/" + demo.taskId() + "/students?view=brief").then().statusCode(200).extract()
                .jsonPath().getList("$");
        List<Map<String, Object>> named = students.stream().filter(s -> s.get("name") != null).toList();
        assertThat(named.size()).isGreaterThanOrEqualTo(3);
        Map<String, Object> byName = named.get(0);
        Map<String, Object> stray = named.get(1);

        StringBuilder csv = new StringBuilder("Student,ID,SIS User ID,SIS Login ID,Section\n    Points Possible,,,,\n");
        List<String> byId = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            Map<String, Object> s = students.get(i);
            if (s == stray) {
                continue;
            }
            if (s == byName) {
                // No id, and the name spaced differently: matched by name.
                csv.append(" ").append(String.join(" ", ((String) s.get("name")).split(""))).append(",7001,,,A\n");
                continue;
            }
            byId.add((String) s.get("id"));
            csv.append(s.get("name") == null ? "" : s.get("name")).append(",").append(5000 + i).append(",")
                    .append(s.get("id")).append(",").append(s.get("id")).append(",A\n");
        }
        csv.append("缺席 同学,9999,2099999,2099999,A\n");

        Map<String, Object> report = Api.as(demo.token()).contentType(ContentType.MULTIPART)
                .multiPart("file", "canvas-roster.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .put("/api/tasks/" + demo.taskId() + "/roster").then().statusCode(200).extract().jsonPath()
                .getMap("$");
        assertThat(report.get("entries")).isEqualTo(students.size() + 1 - 1);
        List<Map<String, Object>> matched = (List<Map<String, Object>>) report.get("matched");
        assertThat(matched).filteredOn(m -> "id".equals(m.get("by"))).extracting(m -> m.get("studentId"))
                .containsExactlyInAnyOrderElementsOf(byId);
        assertThat(matched).filteredOn(m -> "name".equals(m.get("by"))).extracting(m -> m.get("studentId"))
                .containsExactly(byName.get("id"));
        assertThat((List<Map<String, Object>>) report.get("missing")).extracting(m -> m.get("id"))
                .containsExactly("2099999");
        assertThat((List<Map<String, Object>>) report.get("unmatched")).extracting(m -> m.get("studentId"))
                .containsExactly(stray.get("id"));

        // The same report later, and the Canvas export with the LMS ids.
        Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/roster").then().statusCode(200);
        String canvas = Api.as(demo.token()).accept("text/csv").get("/api/tasks/" + demo.taskId()
                + "/exports/canvas.csv").then().statusCode(200).extract().asString().substring(1);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(canvas)).getRecords();
        for (CSVRecord r : rows) {
            if (r.get("SIS User ID").equals(byName.get("id"))) {
                assertThat(r.get("ID")).isEqualTo("7001");
            } else if (r.get("SIS User ID").equals(stray.get("id"))) {
                assertThat(r.get("ID")).isEmpty();
            } else if (byId.contains(r.get("SIS User ID"))) {
                assertThat(Integer.parseInt(r.get("ID"))).isBetween(5000, 5000 + students.size());
            }
        }
    }

    @Test
    void aMoodleXlsxRosterWithFirstAndLastNamesIsRead() throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "roster xlsx");
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("participants");
            String[][] cells = { { "First name", "Last name", "ID number", "Email address" },
                    { "Wei", "Zhang", "2023001", "wei@example.edu" }, { "Emily", "Chen", "", "emily@example.edu" } };
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        Api.as(token).contentType(ContentType.MULTIPART).multiPart("file", "participants.xlsx", xlsx)
                .put("/api/tasks/" + task + "/roster").then().statusCode(200)
                .body("entries", equalTo(2))
                .body("missing[0].name", equalTo("Wei Zhang"))
                .body("missing[1].email", equalTo("emily@example.edu"));
    }

    @Test
    void aRosterWithoutIdOrNameColumnsIsRefusedNamingTheFile() {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "roster bad");
        Api.as(token).contentType(ContentType.MULTIPART)
                .multiPart("file", "marks.csv", "colour,size\nred,3\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/tasks/" + task + "/roster").then().statusCode(400)
                .body("error", equalTo("roster_invalid"))
                .body("message", equalTo("marks.csv: no column for the student id or the name in the header "
                        + "[colour, size]. Name them e.g. \"student_id\" / \"学号\" and \"name\" / \"姓名\"."))
                .body("messageCode.code", equalTo("err-roster-no-columns"))
                .body("messageCode.args", equalTo(List.of("marks.csv", "[colour, size]")));
        Api.as(Api.newTeacherToken()).get("/api/tasks/" + task + "/roster").then().statusCode(404);
    }
}
