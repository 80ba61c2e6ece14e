package ai.smartai.launcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The results page's exports and reports, and the question box, through the pages in one process. */
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
        for (String link : new String[] {"/exports/grades.xlsx", "/exports/moodle.csv", "/exports/canvas.csv",
                "/reports/class.pdf", "/reports/students.zip"}) {
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
        for (String pdf : new String[] {"/reports/class.pdf", "/reports/students/2023001.pdf"}) {
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
}
