package ai.smartai.launcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A teacher's whole workflow through the pages' own forms, in one process. */
@QuarkusTest
class TeacherFlowPageTest {

    static final File DEMO = AppProcess.repoRoot().resolve("samples/demo-hw").toFile();

    String cookie;

    void login() {
        String token = SingleProcessTest.adminToken();
        String username = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", SingleProcessTest.PASSWORD))
                .post("/api/auth/register").then().statusCode(201);
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", username).formParam("password", SingleProcessTest.PASSWORD).post("/login");
        cookie = login.getCookie("smartai_session");
        assertThat(cookie).isNotBlank();
    }

    String createTask(String name) {
        String location = given().redirects().follow(false).cookie("smartai_session", cookie)
                .contentType(ContentType.URLENC).formParam("name", name).post("/tasks")
                .then().statusCode(303).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    void upload(String task, String kind, File file) {
        given().redirects().follow(false).cookie("smartai_session", cookie).multiPart("file", file)
                .post("/tasks/" + task + "/upload/" + kind).then().statusCode(303);
        awaitIdle(task);
    }

    /** Follows the page's own progress source (the JSON view the script polls) until the job ends. */
    void awaitIdle(String task) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String page = page("/tasks/" + task);
            int at = page.indexOf("data-job=\"");
            if (at < 0) {
                return;
            }
            String job = page.substring(at + 10, page.indexOf('"', at + 10));
            String status = given().cookie("smartai_session", cookie).get("/jobs/" + job + ".json").then()
                    .statusCode(200).extract().path("status");
            if (!status.equals("queued") && !status.equals("running")) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("the job did not finish");
    }

    String page(String path) {
        return given().cookie("smartai_session", cookie).accept(ContentType.HTML).get(path).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
    }

    @Test
    void uploadGradeReviewOverrideAndDownload() {
        login();
        String task = createTask("UI flow 作业");
        upload(task, "problems", new File(DEMO, "problems.md"));
        upload(task, "answer-key", new File(DEMO, "answer-key.md"));
        upload(task, "submissions", new File(DEMO, "students.zip"));
        String setUp = page("/tasks/" + task);
        assertThat(setUp).contains("9 problems found").contains("10 students").contains("刘洋")
                .contains("identity-conflict");

        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .post("/tasks/" + task + "/grade").then().statusCode(303);
        String progress = page("/tasks/" + task);
        assertThat(progress).contains("role=\"progressbar\"").contains("/static/progress.js");
        awaitIdle(task);

        String results = page("/tasks/" + task);
        assertThat(results).contains("id=\"results\"").contains("data-student-id=\"2023008\"")
                .contains("Download CSV");
        keep("results.html", results.getBytes(StandardCharsets.UTF_8));
        keep("student-2023001.html", page("/tasks/" + task + "/students/2023001").getBytes(StandardCharsets.UTF_8));
        String before = totalOf(results, "2023008");

        // Search, filter and sort the table the way a teacher would from the form above it.
        assertThat(rowsOf(page("/tasks/" + task + "?q=孙"))).containsExactly("2023008");
        assertThat(rowsOf(page("/tasks/" + task + "?filter=top&sort=total-desc"))).hasSize(1)
                .containsExactly(rowsOf(page("/tasks/" + task + "?sort=total-desc")).get(0));
        List<String> ascending = rowsOf(page("/tasks/" + task + "?sort=total-asc"));
        assertThat(ascending).hasSize(10).startsWith("2023008");
        assertThat(rowsOf(page("/tasks/" + task + "?filter=failing"))).contains("2023008").doesNotContain("2023001");
        assertThat(page("/tasks/" + task + "?q=nobody-here")).contains("No student matches").contains("0 of 10 students");
        assertThat(page("/tasks/" + task + "?filter=<script>&sort=x")).contains("10 of 10 students");

        String student = page("/tasks/" + task + "/students/2023008");
        assertThat(student).contains("2023008 孙强").contains("Evidence").contains("choice-key")
                .contains("rel=\"next\"").contains("Save override");
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("score", "5").formParam("comment", "Accepting C after a second look")
                .post("/tasks/" + task + "/students/2023008/q1/override").then().statusCode(303);
        assertThat(page("/tasks/" + task + "/students/2023008")).contains("override-score")
                .contains("Accepting C after a second look");
        String after = totalOf(page("/tasks/" + task), "2023008");
        assertThat(Double.parseDouble(after)).isEqualTo(Double.parseDouble(before) + 5);

        byte[] csv = given().cookie("smartai_session", cookie).get("/tasks/" + task + "/grades.csv").then()
                .statusCode(200).header("Content-Disposition", containsString("grades-")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("2023008,孙强,5,");

        assertThat(page("/tasks/" + task + "/analytics")).contains("stat-students")
                .contains("/tasks/" + task + "/charts/histogram.png").contains("<table");
        for (String chart : new String[] { "histogram", "problems", "boxes", "bands" }) {
            byte[] png = given().cookie("smartai_session", cookie).get("/tasks/" + task + "/charts/" + chart + ".png")
                    .then().statusCode(200).contentType("image/png").extract().asByteArray();
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            keep("chart-" + chart + ".png", png);
        }
        given().cookie("smartai_session", cookie).get("/tasks/" + task + "/charts/nonsense.png").then().statusCode(404);
        String queue = page("/tasks/" + task + "/review");
        assertThat(queue).contains("Review queue").contains("id=\"shortcuts\"");
        long waiting = queue.split("<tr data-row=\"", -1).length - 1;
        assertThat(waiting).isPositive();
        var first = java.util.regex.Pattern.compile("data-row=\"0\" data-student-id=\"([^\"]+)\" data-problem-id=\"([^\"]+)\"")
                .matcher(queue);
        assertThat(first.find()).isTrue();
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("score", "1").formParam("at", "0")
                .post("/tasks/" + task + "/review/" + first.group(1) + "/" + first.group(2))
                .then().statusCode(303).header("Location", containsString("/review?at=0"));
        assertThat(page("/tasks/" + task + "/review").split("<tr data-row=\"", -1).length - 1).isEqualTo(waiting - 1);
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("score", "many").formParam("at", "0")
                .post("/tasks/" + task + "/review/" + first.group(1) + "/" + first.group(2))
                .then().statusCode(400).body(containsString("is not a number"));

        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("score", "lots").post("/tasks/" + task + "/students/2023008/q1/override")
                .then().statusCode(400).body(containsString("is not a number"));
    }

    @Test
    void aBadUploadShowsTheBackendsMessageOnThePage() {
        login();
        String task = createTask("UI errors");
        given().redirects().follow(false).cookie("smartai_session", cookie)
                .multiPart("file", "notes.exe", "MZ".getBytes(StandardCharsets.UTF_8))
                .post("/tasks/" + task + "/upload/problems")
                .then().statusCode(400).body(containsString("notes.exe")).body(containsString("form-error"));
        given().redirects().follow(false).cookie("smartai_session", cookie)
                .multiPart("file", new File(DEMO, "students.zip")).post("/tasks/" + task + "/upload/submissions")
                .then().statusCode(400).body(containsString("upload the problem set first"));
    }

    @Test
    void studentTextIsEscapedOnThePages() {
        login();
        String task = createTask("<script>alert(1)</script>");
        upload(task, "problems", new File(DEMO, "problems.md"));
        String zipName = "2023999_<img src=y onerror=alert(3)>.md";
        byte[] zip = zip(zipName, "# 2023999 <script>alert('name')</script>\n## 1.\n<img src=x onerror=alert(2)>\n");
        given().redirects().follow(false).cookie("smartai_session", cookie).multiPart("file", "evil.zip", zip)
                .post("/tasks/" + task + "/upload/submissions").then().statusCode(303);
        awaitIdle(task);
        String page = page("/tasks/" + task);
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<img src=y");
        String student = page("/tasks/" + task + "/students/2023999");
        assertThat(student).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void settingsShowTheAccountAndLetOnlyAnAdminAddTeachers() {
        login();
        assertThat(page("/settings")).contains("id=\"role\">teacher<").doesNotContain("Add account")
                .contains("LLM providers");
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("username", "sneaky-" + UUID.randomUUID().toString().substring(0, 6))
                .formParam("password", SingleProcessTest.PASSWORD).post("/settings/accounts")
                .then().statusCode(403).body(containsString("form-error"));

        cookie = SingleProcessTest.adminToken();
        assertThat(page("/settings")).contains("id=\"role\">admin<").contains("Add account");
        String ta = "ta-" + UUID.randomUUID().toString().substring(0, 8);
        given().cookie("smartai_session", cookie).contentType(ContentType.URLENC).formParam("username", ta)
                .formParam("displayName", "TA 王").formParam("password", SingleProcessTest.PASSWORD)
                .post("/settings/accounts").then().statusCode(200).body(containsString("id=\"created\""))
                .body(containsString(ta));
        given().contentType(ContentType.URLENC).formParam("username", ta)
                .formParam("password", SingleProcessTest.PASSWORD).redirects().follow(false).post("/login")
                .then().statusCode(303);
        given().cookie("smartai_session", cookie).contentType(ContentType.URLENC).formParam("username", "x")
                .formParam("password", "short").post("/settings/accounts").then().statusCode(400)
                .body(containsString("form-error"));
    }

    @Test
    void withoutASessionPagesSendToLoginAndFetchesGet401() {
        for (String path : new String[] { "/", "/tasks/any", "/tasks/any/analytics", "/tasks/any/review", "/settings" }) {
            given().redirects().follow(false).get(path).then().statusCode(303)
                    .header("Location", containsString("/login"));
        }
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("name", "x").post("/tasks")
                .then().statusCode(303).header("Location", containsString("/login"));
        given().get("/tasks/any/charts/histogram.png").then().statusCode(401);
        given().get("/jobs/any.json").then().statusCode(401);
        // The API keeps its own JSON 401: the page filter does not reach it.
        given().get("/api/tasks").then().statusCode(401).body("error", org.hamcrest.Matchers.notNullValue());
    }

    static List<String> rowsOf(String page) {
        List<String> ids = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile("<tr data-student-id=\"([^\"]+)\"").matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String totalOf(String page, String studentId) {
        int row = page.indexOf("data-student-id=\"" + studentId + "\"");
        int cell = page.indexOf("class=\"num total\">", row);
        return page.substring(cell + 18, page.indexOf('<', cell + 18));
    }

    static byte[] zip(String name, String content) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            try (var zip = new java.util.zip.ZipOutputStream(out)) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps what the teacher would see under target/ui, so a reviewer can look at it after the run. */
    static void keep(String name, byte[] bytes) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "ui");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name), bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
