package ai.smartai.launcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The task pages tell the truth: 0 is a score and not "no score", what waits for the teacher is counted, job controls
 * follow the job's state, failed uploads keep their report, and a form takes its documented maximum or comes back
 * with what was typed.
 */
@QuarkusTest
class HonestPagesTest {

    final TeacherFlowPageTest flow = new TeacherFlowPageTest();

    RequestSpecification form() {
        return given().redirects().follow(false).cookie("smartai_session", flow.cookie)
                .contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8));
    }

    @Test
    void zeroIsAScoreAndWhatAwaitsTheTeacherIsCounted() {
        flow.login();
        String task = flow.createTask("Honest zero");
        flow.uploadDemo(task);
        flow.grade(task);
        flow.awaitIdle(task);

        // 2023008 chose the wrong letter in q1: the machine's 0 reads 0, not "—".
        String student = flow.page("/tasks/" + task + "/students/2023008");
        assertThat(scoreBlock(student, "q1")).contains("<strong>0</strong>");
        form().formParam("score", "0").formParam("comment", "No working shown")
                .post("/tasks/" + task + "/students/2023001/q2/override").then().statusCode(303);
        String overridden = flow.page("/tasks/" + task + "/students/2023001");
        assertThat(scoreBlock(overridden, "q2")).contains("<strong class=\"override-score\">0</strong>")
                .contains("class=\"override-by\">by ui-");
        String results = flow.page("/tasks/" + task);
        Matcher cell = Pattern.compile("<tr data-student-id=\"2023001\">.*?</td>\\s*<td class=\"num[^\"]*\" title="
                + "\"[^\"]*\">[^<]*</td><td class=\"num[^\"]*\" title=\"[^\"]*\">([^<]*)</td>", Pattern.DOTALL)
                .matcher(results);
        assertThat(cell.find()).isTrue();
        assertThat(cell.group(1)).isEqualTo("0");

        // Every review row with a machine score, 0 included, can be accepted from the queue.
        String queue = flow.page("/tasks/" + task + "/review");
        String[] rows = queue.split("<tr data-row=\"");
        assertThat(rows.length).isGreaterThan(1);
        for (int i = 1; i < rows.length; i++) {
            String row = rows[i].substring(0, rows[i].indexOf("</tr>"));
            String score = row.replaceAll("(?s).*?<td class=\"num\">([^<]*) / .*", "$1");
            assertThat(row.contains("class=\"inline accept\"")).as(row).isEqualTo(!score.equals("—"));
        }

        // Answers wait for the teacher (the queue is not empty): the task says so instead of "Graded".
        int waiting = rows.length - 1;
        assertThat(results).contains("data-awaiting=\"").contains("await your grade")
                .doesNotContain(">Graded</span>").contains("id=\"awaiting\"");
        String dashboard = flow.page("/");
        assertThat(dashboard.substring(dashboard.indexOf("data-task-id=\"" + task + "\"")))
                .contains("await your grade");
        assertThat(waiting).isPositive();
    }

    @Test
    void aFailedUploadKeepsItsReportUntilDismissed() throws IOException {
        flow.login();
        String task = flow.createTask("Honest uploads");
        flow.upload(task, "problems", new File(TeacherFlowPageTest.DEMO, "problems.md"));

        // An empty zip is its end-of-directory record alone (Java's ZipOutputStream refuses to write one).
        Path empty = Files.createTempFile("empty", ".zip");
        byte[] end = new byte[22];
        end[0] = 'P';
        end[1] = 'K';
        end[2] = 5;
        end[3] = 6;
        Files.write(empty, end);
        Path png = Files.createTempFile("photo", ".zip");
        Files.write(png, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
                'R' });
        for (Path bad : new Path[] { empty, png }) {
            int status = given().redirects().follow(false).cookie("smartai_session", flow.cookie)
                    .multiPart("file", bad.toFile()).post("/tasks/" + task + "/upload/submissions").then().extract()
                    .statusCode();
            flow.awaitIdle(task);
            String page = flow.page("/tasks/" + task);
            if (status == 303) {
                // Refused in the background: the report stays on the page, with the server's message.
                assertThat(page).contains("upload-report").contains(bad.getFileName().toString())
                        .contains("data-report=\"failed\"").contains("data-field=\"error\"");
                assertThat(flow.page("/tasks/" + task)).contains(bad.getFileName().toString());
            } else {
                assertThat(status).isEqualTo(400);
            }
        }
        String page = flow.page("/tasks/" + task);
        Matcher report = Pattern.compile("id=\"upload-report-([^\"]+)\"").matcher(page);
        assertThat(report.find()).as("at least one of the two bad archives fails in the background").isTrue();
        assertThat(page).contains(empty.getFileName().toString());
        flow.keep("upload-report.html", page.getBytes(StandardCharsets.UTF_8));
        form().post("/tasks/" + task + "/upload-reports/" + report.group(1) + "/dismiss").then().statusCode(303);
        assertThat(flow.page("/tasks/" + task)).doesNotContain("id=\"upload-report-" + report.group(1) + "\"");
    }

    @Test
    void formsTakeTheirDocumentedMaximumAndComeBackWithWhatWasTyped() {
        flow.login();
        String task = flow.createTask("Honest forms");
        flow.uploadDemo(task);
        flow.grade(task);
        flow.awaitIdle(task);

        // A 2,000-character Chinese comment and a 200,000-character Chinese answer were bare 413 pages (2 KB a field).
        String comment = "这一步的推导缺少必要的理由。".repeat(2000 / 14) + "好";
        form().formParam("score", "3").formParam("comment", comment)
                .post("/tasks/" + task + "/students/2023002/q2/override").then().statusCode(303);
        assertThat(flow.page("/tasks/" + task + "/students/2023002")).contains(comment);
        String answer = "证明：".repeat(200_000 / 3);
        form().formParam("text", answer).post("/tasks/" + task + "/students/2023002/answers/q9").then()
                .statusCode(303);
        assertThat(flow.page("/tasks/" + task + "/students/2023002")).contains(answer);
        String name = "作".repeat(200);
        form().formParam("name", name).post("/tasks/" + task + "/rename").then().statusCode(303);
        assertThat(flow.page("/tasks/" + task)).contains(name);
        form().formParam("stem", "题".repeat(200_000)).formParam("maxScore", "10").formParam("type", "proof")
                .post("/tasks/" + task + "/problems/q9").then().statusCode(303);
        assertThat(flow.page("/tasks/" + task + "?saved=q9")).contains("q9 saved").contains("题".repeat(200_000));

        // Over the documented maximum: the form comes back with the message and what was typed.
        String tooLong = "名".repeat(201);
        String back = form().formParam("name", tooLong).post("/tasks/" + task + "/rename").then().statusCode(400)
                .extract().asString();
        assertThat(back).contains("form-error").contains("value=\"" + tooLong + "\"");
        String longComment = "评".repeat(20_001);
        back = form().formParam("score", "2").formParam("comment", longComment)
                .post("/tasks/" + task + "/students/2023002/q3/override").then().statusCode(400).extract().asString();
        assertThat(back).contains("form-error").contains(">" + longComment + "</textarea>");
        back = form().formParam("score", "lots").formParam("comment", "kept")
                .post("/tasks/" + task + "/students/2023002/q3/override").then().statusCode(400).extract().asString();
        assertThat(back).contains("is not a number").contains(">kept</textarea>").contains("value=\"lots\"");
        back = form().formParam("rubric", "lots | of").formParam("stem", "my edited stem")
                .post("/tasks/" + task + "/problems/q4").then().statusCode(400).extract().asString();
        assertThat(back).contains("form-error").contains(">my edited stem</textarea>").contains("lots | of");

        // Past what the server takes at all (2 MB a field), a page that says so, never a bare 413.
        String huge = "x".repeat(3 * 1024 * 1024);
        String refused = given().redirects().follow(false).cookie("smartai_session", flow.cookie)
                .header("Referer", "http://localhost:" + RestAssured.port + "/tasks/" + task)
                .contentType(ContentType.URLENC)
                .formParam("name", huge).post("/tasks/" + task + "/rename").then().statusCode(413)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(refused).contains("id=\"too-large\"").contains("larger than the server accepts")
                .contains("href=\"/tasks/" + task + "\"");
    }

    /** The score header of one problem's section on a student page. */
    static String scoreBlock(String page, String problemId) {
        int at = page.indexOf("<div class=\"score\" data-problem=\"" + problemId + "\">");
        assertThat(at).as("a score for " + problemId).isNotNegative();
        return page.substring(at, page.indexOf("</div>", at));
    }
}
