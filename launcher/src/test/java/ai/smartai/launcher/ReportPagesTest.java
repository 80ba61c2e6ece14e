package ai.smartai.launcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The results page's exports and reports, the question box, and the roster and release-link page, through the pages
 * in one process.
 */
@QuarkusTest
class ReportPagesTest {

    @Test
    void theResultsPageLinksExportsAndReportsAndTheAnalyticsPageAnswersQuestions() {
        // The workflow's own steps: sign in, upload the demo class and grade it through the forms.
        TeacherFlowPageTest ui = new TeacherFlowPageTest();
        ui.login();
        String task = ui.createTask("Reports 作业");
        ui.uploadDemo(task);
        ui.grade(task);
        // Grading the class can take minutes on a loaded machine; each wait lasts 90 s.
        for (int wait = 1;; wait++) {
            try {
                ui.awaitIdle(task);
                break;
            } catch (AssertionError stillRunning) {
                if (wait == 4) {
                    throw stillRunning;
                }
            }
        }

        String results = ui.page("/tasks/" + task);
        for (String link : new String[] { "/exports/grades.xlsx", "/exports/moodle.csv", "/exports/canvas.csv",
                "/reports/class.pdf", "/reports/students.zip" }) {
            assertThat(results).contains("/tasks/" + task + link);
        }
        assertThat(ui.page("/tasks/" + task + "/students/2023001"))
                .contains("/tasks/" + task + "/reports/students/2023001.pdf");

        byte[] xlsx = given().cookie("smartai_session", ui.cookie).get("/tasks/" + task + "/exports/grades.xlsx")
                .then().statusCode(200).contentType(containsString("spreadsheetml")).extract().asByteArray();
        assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");
        given().cookie("smartai_session", ui.cookie).get("/tasks/" + task + "/exports/canvas.csv").then()
                .statusCode(200).body(containsString("Points Possible"));
        given().cookie("smartai_session", ui.cookie).get("/tasks/" + task + "/exports/secrets.txt").then()
                .statusCode(404);
        for (String pdf : new String[] { "/reports/class.pdf", "/reports/students/2023001.pdf" }) {
            byte[] body = given().cookie("smartai_session", ui.cookie).get("/tasks/" + task + pdf).then()
                    .statusCode(200).contentType("application/pdf").extract().asByteArray();
            assertThat(new String(body, 0, 5)).isEqualTo("%PDF-");
        }
        byte[] zip = given().cookie("smartai_session", ui.cookie).get("/tasks/" + task + "/reports/students.zip")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        assertThat(new String(zip, 0, 2)).isEqualTo("PK");

        assertThat(ui.page("/tasks/" + task + "/analytics")).contains("id=\"ask\"");
        assertThat(ui.page("/tasks/" + task + "/questions?q=" + "哪道题错得最多？错在哪里？"))
                .contains("id=\"answer-table\"").contains("common_wrong_answers");
    }

    @Test
    void aRosterShowsWhoIsMissingAndReleaseLinksAreMadeLoggedAndRevokedFromThePage() throws Exception {
        TeacherFlowPageTest ui = new TeacherFlowPageTest();
        ui.login();
        String task = ui.createTask("Roster 名单");
        // A class of three is enough for a roster, and quick to read.
        Path dir = Files.createTempDirectory("roster-class");
        Path problems = Files.writeString(dir.resolve("problems.md"), "## 1. (5分) 1 + 1 = ?\n");
        Path zip = dir.resolve("class.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] { "2023001_张伟.txt", "2023002_李娜.txt", "2023003_王芳.txt" }) {
                out.putNextEntry(new ZipEntry(name));
                out.write("1. 2\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        ui.upload(task, "problems", problems.toFile());
        ui.upload(task, "submissions", zip.toFile());
        assertThat(ui.page("/tasks/" + task)).contains("/tasks/" + task + "/class");
        String empty = ui.page("/tasks/" + task + "/class");
        assertThat(empty).contains("id=\"roster-form\"").contains("id=\"no-roster\"").contains("id=\"release-form\"");

        // Two of the three, and one who handed nothing in.
        String csv = "student_id,name,email\n2023001,,\n2023002,李娜,\n2099999,缺席同学,absent@example.edu\n";
        given().redirects().follow(false).cookie("smartai_session", ui.cookie)
                .multiPart("file", "roster.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/tasks/" + task + "/class/roster").then().statusCode(303);
        String withRoster = ui.page("/tasks/" + task + "/class");
        assertThat(section(withRoster, "id=\"missing\"")).contains("2099999").contains("缺席同学")
                .contains("absent@example.edu").doesNotContain("2023001");
        assertThat(section(withRoster, "id=\"unmatched\"")).contains("2023003").contains("2023003_王芳.txt")
                .doesNotContain("2099999");
        // A file that is no roster is refused on the page, naming the file.
        String refused = given().cookie("smartai_session", ui.cookie)
                .multiPart("file", "marks.csv", "colour,size\nred,3\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/tasks/" + task + "/class/roster").then().statusCode(400).extract().asString();
        assertThat(refused).contains("marks.csv").contains("id=\"roster-form\"");

        // A link for one student: its address is on the page once, it opens that student's report, and is logged.
        String made = given().cookie("smartai_session", ui.cookie).contentType(ContentType.URLENC)
                .formParam("studentId", "2023001").formParam("days", "7").post("/tasks/" + task + "/class/releases")
                .then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("value=\"(http[^\"]+/api/releases/st_[^\"]+)\"").matcher(made);
        assertThat(m.find()).as("the new link's address").isTrue();
        String link = m.group(1);
        byte[] pdf = given().get(link).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String listed = ui.page("/tasks/" + task + "/class?log=2023001");
        assertThat(listed).doesNotContain(link).contains("data-student=\"2023001\" data-state=\"active\"");
        assertThat(section(listed, "id=\"access-log\"")).contains("<td>");
        given().cookie("smartai_session", ui.cookie).contentType(ContentType.URLENC).formParam("days", "0")
                .post("/tasks/" + task + "/class/releases").then().statusCode(400);

        given().redirects().follow(false).cookie("smartai_session", ui.cookie)
                .post("/tasks/" + task + "/class/releases/2023001/revoke").then().statusCode(303);
        given().get(link).then().statusCode(404);
        assertThat(ui.page("/tasks/" + task + "/class")).contains("data-student=\"2023001\" data-state=\"revoked\"");

        // The same page in Chinese.
        String zh = given().cookie("smartai_session", ui.cookie).header("Accept-Language", "zh-CN,zh;q=0.9")
                .get("/tasks/" + task + "/class").then().statusCode(200).extract().asString();
        assertThat(zh).contains("班级名单").contains("名单上未提交的学生").contains("成绩发布链接").contains("已撤销");
        // Another teacher sees none of it.
        TeacherFlowPageTest stranger = new TeacherFlowPageTest();
        stranger.login();
        given().cookie("smartai_session", stranger.cookie).get("/tasks/" + task + "/class").then().statusCode(404);
    }

    /** The HTML from {@code marker} to the end of its table. */
    private static String section(String page, String marker) {
        int at = page.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        return page.substring(at, page.indexOf("</table>", at));
    }
}
