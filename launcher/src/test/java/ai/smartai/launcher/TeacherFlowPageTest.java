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

    /** An upload of bytes under a file name, through the page's form; waits until its job ends. */
    void uploadBytes(String task, String kind, String name, byte[] bytes) {
        given().redirects().follow(false).cookie("smartai_session", cookie).multiPart("file", name, bytes)
                .post("/tasks/" + task + "/upload/" + kind).then().statusCode(303);
        awaitIdle(task);
    }

    void uploadDemo(String task) {
        upload(task, "problems", new File(DEMO, "problems.md"));
        upload(task, "answer-key", new File(DEMO, "answer-key.md"));
        upload(task, "submissions", new File(DEMO, "students.zip"));
    }

    void grade(String task) {
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .post("/tasks/" + task + "/grade").then().statusCode(303);
    }

    /** Follows the page's own progress source (the JSON view the script polls) until the job ends. */
    void awaitIdle(String task) {
        // Generous: on a 2-core machine shared by several builds, grading the demo class took over 90 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
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
        uploadDemo(task);
        String setUp = page("/tasks/" + task);
        assertThat(setUp).contains("9 problems found").contains("10 students").contains("刘洋")
                .contains("identity-conflict");

        grade(task);
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
        assertThat(page("/tasks/" + task + "?q=nobody-here")).contains("No student matches")
                .contains("0 of 10 students");
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
        var first = java.util.regex.Pattern
                .compile("data-row=\"0\" data-student-id=\"([^\"]+)\" data-problem-id=\"([^\"]+)\"")
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
    void deepDiveInlineEditsAndDashboardFigures() {
        login();
        String task = createTask("UI deep dive");
        uploadDemo(task);
        grade(task);
        awaitIdle(task);

        String dashboard = page("/");
        int row = dashboard.indexOf("data-task-id=\"" + task + "\"");
        String mean = dashboard.substring(dashboard.indexOf("data-field=\"mean\">", row) + 18,
                dashboard.indexOf("</td>", dashboard.indexOf("data-field=\"mean\">", row)));
        assertThat(mean).matches("[0-9.]+ / 90");
        assertThat(dashboard.substring(row)).contains("/tasks/" + task + "/review\" class=\"badge");

        String dive = page("/tasks/" + task + "/problems/q1");
        keep("problem-q1.html", dive.getBytes(StandardCharsets.UTF_8));
        assertThat(dive).contains("Common wrong final answers").contains("<code>C</code>")
                .contains("/students/2023008#q1").contains("id=\"distribution\"").contains("Answers by score");
        byte[] png = given().cookie("smartai_session", cookie).get("/tasks/" + task + "/problems/q1/distribution.png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        keep("chart-distribution-q1.png", png);
        // Without a provider the AI summary explains how to get one; the counts above need none.
        given().cookie("smartai_session", cookie).post("/tasks/" + task + "/problems/q1/summary").then()
                .statusCode(409).body(containsString("Add and enable an AI provider"))
                .body(containsString("Common wrong final answers"));

        // The inline problem editor: a valid edit saves and turns the problem's grades stale; a bad line is named.
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("type", "calculation").formParam("maxScore", "12")
                .formParam("rubric", "6 | result | both roots\n6 | method | factoring")
                .post("/tasks/" + task + "/problems/q4").then().statusCode(303)
                .header("Location", containsString("/tasks/" + task + "?saved=q4#problem-q4"));
        assertThat(page("/tasks/" + task + "?saved=q4")).contains("q4 saved");
        assertThat(page("/tasks/" + task)).contains("6 | result | both roots");
        assertThat(page("/tasks/" + task + "/students/2023001")).contains("stale: regrade");
        given().cookie("smartai_session", cookie).contentType(ContentType.URLENC).formParam("rubric", "lots | of")
                .post("/tasks/" + task + "/problems/q4").then().statusCode(400)
                .body(containsString("Rubric line &#39;lots | of&#39;"));
        given().cookie("smartai_session", cookie).contentType(ContentType.URLENC).formParam("maxScore", "-3")
                .post("/tasks/" + task + "/problems/q4").then().statusCode(400).body(containsString("form-error"));

        // Answers and identity are fixed beside the problem.
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("text", "B").post("/tasks/" + task + "/students/2023008/answers/q1").then().statusCode(303);
        assertThat(page("/tasks/" + task + "/students/2023008")).contains("<pre class=\"answer-text\">B</pre>");
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                .formParam("id", "2023008").formParam("name", "孙强强")
                .post("/tasks/" + task + "/students/2023008/identity").then().statusCode(303)
                .header("Location", containsString("/students/2023008"));
        assertThat(page("/tasks/" + task + "/students/2023008")).contains("2023008 孙强强");
        given().cookie("smartai_session", cookie).contentType(ContentType.URLENC).formParam("id", "2023001")
                .post("/tasks/" + task + "/students/2023008/identity").then().statusCode(409)
                .body(containsString("form-error"));
    }

    @Test
    void aiProvidersAreAddedTestedAndRemovedWithTheKeyNeverShown() throws Exception {
        login();
        String secret = "sk-page-secret-" + UUID.randomUUID();
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("kind", "openai").formParam("baseUrl", "http://127.0.0.1:" + closed + "/v1")
                .formParam("apiKey", secret).formParam("model", "deepseek-chat").formParam("displayName", "DeepSeek")
                .formParam("maxConcurrent", "2").formParam("rpm", "30").post("/settings/providers")
                .then().statusCode(303);
        String settings = page("/settings");
        keep("settings-providers.html", settings.getBytes(StandardCharsets.UTF_8));
        assertThat(settings).contains("DeepSeek").contains("deepseek-chat").contains("sk-…" + secret.substring(
                secret.length() - 4)).doesNotContain(secret);
        var row = java.util.regex.Pattern.compile("data-provider=\"([^\"]+)\"").matcher(settings);
        assertThat(row.find()).isTrue();
        String id = row.group(1);
        // The test reports the provider's real failure, here that nothing listens.
        String tested = given().cookie("smartai_session", cookie).post("/settings/providers/" + id + "/test").then()
                .statusCode(200).extract().asString();
        assertThat(tested).contains("form-error").contains("could not reach the provider").doesNotContain(secret);
        // A provider that fails its test is paused, and the settings page says why; the teacher enables it again.
        assertThat(page("/settings")).contains("class=\"form-error paused\"").contains("connection test failed");
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("enabled", "true").post("/settings/providers/" + id + "/enabled").then().statusCode(303);
        // A task of this teacher offers the panel settings, with the provider as judge.
        String task = createTask("Panel settings");
        assertThat(page("/tasks/" + task)).contains("id=\"panel\"").contains("<option value=\"" + id + "\"");
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("judge", id).formParam("samples", "2").post("/tasks/" + task + "/panel").then()
                .statusCode(303);
        assertThat(page("/tasks/" + task)).contains("value=\"2\"").contains(id + "\" selected");
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("enabled", "false").post("/settings/providers/" + id + "/enabled").then().statusCode(303);
        assertThat(page("/settings")).contains("Enable");
        String mine = cookie;
        login();
        assertThat(page("/settings")).doesNotContain("data-provider=");
        given().redirects().follow(false).cookie("smartai_session", cookie)
                .post("/settings/providers/" + id + "/delete").then().statusCode(404);
        cookie = mine;
        given().redirects().follow(false).cookie("smartai_session", cookie)
                .post("/settings/providers/" + id + "/delete").then().statusCode(303);
        assertThat(page("/settings")).doesNotContain("data-provider=");
    }

    @Test
    void passwordsChangeAndAdminsManageAccountsFromSettings() {
        login();
        String mine = cookie;
        given().cookie("smartai_session", cookie).contentType(ContentType.URLENC).formParam("current", "wrong-one-x")
                .formParam("password", "a-new-password-1").formParam("confirm", "a-new-password-2")
                .post("/settings/password").then().statusCode(400).body(containsString("differ"));
        given().cookie("smartai_session", cookie).contentType(ContentType.URLENC).formParam("current", "wrong-one-x")
                .formParam("password", "a-new-password-1").formParam("confirm", "a-new-password-1")
                .post("/settings/password").then().statusCode(400).body(containsString("not right"));
        given().cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("current", SingleProcessTest.PASSWORD).formParam("password", "a-new-password-1")
                .formParam("confirm", "a-new-password-1").post("/settings/password").then().statusCode(200)
                .body(containsString("Password changed"));
        assertThat(page("/settings")).contains("id=\"role\">teacher<");

        // The admin disables that teacher: their session ends at once; enabling brings the login back.
        cookie = SingleProcessTest.adminToken();
        String settings = page("/settings");
        var m = java.util.regex.Pattern.compile("data-username=\"(ui-[^\"]+)\"").matcher(settings);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertThat(last).isNotNull();
        var row = settings.substring(settings.lastIndexOf("data-username=\"" + last + "\""));
        String id = row.substring(row.indexOf("/settings/users/") + 16,
                row.indexOf('"', row.indexOf("/settings/users/")));
        given().cookie("smartai_session", cookie).contentType(ContentType.URLENC).formParam("disabled", "true")
                .post("/settings/users/" + id).then().statusCode(200).body(containsString("updated"));
        given().redirects().follow(false).cookie("smartai_session", mine).get("/settings").then()
                .statusCode(org.hamcrest.Matchers.not(200));
        given().cookie("smartai_session", cookie).contentType(ContentType.URLENC).formParam("disabled", "false")
                .formParam("password", "admin-set-password").post("/settings/users/" + id).then().statusCode(200);
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("username", last)
                .formParam("password", "admin-set-password").post("/login").then().statusCode(303);
    }

    @Test
    void anAdminOpensSelfRegistrationAndSomeoneSignsUp() {
        cookie = SingleProcessTest.adminToken();
        assertThat(given().get("/login").then().statusCode(200).extract().asString()).doesNotContain("register-link");
        given().redirects().follow(false).get("/register").then().statusCode(303);
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("open", "true").post("/settings/registration").then().statusCode(303);
        try {
            assertThat(page("/settings")).contains("Close registration");
            assertThat(given().get("/login").then().statusCode(200).extract().asString()).contains("register-link");
            String name = "signup-" + UUID.randomUUID().toString().substring(0, 6);
            var signedUp = given().redirects().follow(false).contentType(ContentType.URLENC)
                    .formParam("username", name).formParam("displayName", "New TA")
                    .formParam("password", "signup-password-1").formParam("confirm", "signup-password-1")
                    .post("/register").then().statusCode(303).extract();
            String session = signedUp.cookie("smartai_session");
            assertThat(given().cookie("smartai_session", session).get("/settings").then().statusCode(200).extract()
                    .asString()).contains("id=\"role\">teacher<").doesNotContain("id=\"users\"");
        } finally {
            given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                    .formParam("open", "false").post("/settings/registration").then().statusCode(303);
        }
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("username", "late-comer")
                .formParam("password", "signup-password-1").formParam("confirm", "signup-password-1")
                .post("/register").then().statusCode(403).body(containsString("Registration is closed"));
    }

    @Test
    void anOwnerSharesATaskWithATaFromItsPage() {
        login();
        String owner = cookie;
        String task = createTask("Shared from the page");
        login();
        String ta = cookie;
        String taName = given().auth().oauth2(ta).get("/api/auth/me").then().extract().path("username");
        given().cookie("smartai_session", ta).get("/tasks/" + task).then().statusCode(404);
        cookie = owner;
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("username", taName).post("/tasks/" + task + "/members").then().statusCode(303);
        assertThat(page("/tasks/" + task)).contains("data-member=\"" + taName + "\"").contains("invited");
        // A name with no account is invited alike: the page tells nobody who has an account.
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .formParam("username", "nobody-here").post("/tasks/" + task + "/members").then().statusCode(303);
        assertThat(page("/tasks/" + task)).contains("data-member=\"nobody-here\"");
        // The admin makes that account a teaching assistant from the settings page.
        String taId = given().auth().oauth2(ta).get("/api/auth/me").then().extract().path("id");
        cookie = SingleProcessTest.adminToken();
        given().cookie("smartai_session", cookie).contentType(ContentType.URLENC).formParam("role", "ta")
                .post("/settings/users/" + taId).then().statusCode(200);
        assertThat(page("/settings")).contains("class=\"inline change-role\"");
        cookie = ta;
        // The TA sees the invitation on the dashboard, not yet the task; accepting opens it.
        assertThat(page("/")).contains("data-invitation=\"" + task + "\"").contains("Shared from the page");
        given().cookie("smartai_session", ta).get("/tasks/" + task).then().statusCode(404);
        given().redirects().follow(false).cookie("smartai_session", ta).post("/invitations/" + task + "/accept").then()
                .statusCode(303);
        assertThat(page("/")).contains("/tasks/" + task).doesNotContain("data-invitation=");
        assertThat(page("/tasks/" + task)).contains("Shared from the page").doesNotContain("/members/")
                .doesNotContain("action=\"/tasks/" + task + "/members\"");
        // A TA grades and reviews, but is offered no new task, no sharing and no AI providers.
        assertThat(page("/")).doesNotContain("id=\"new-task\"");
        assertThat(page("/settings")).contains("data-role=\"ta\"").doesNotContain("id=\"providers\"");
        assertThat(page("/tasks/" + task + "/review")).contains("Shared from the page");
        cookie = owner;
        assertThat(page("/")).contains("id=\"new-task\"");
        assertThat(page("/settings")).contains("id=\"providers\"");
    }

    @Test
    void formsPostedFromAnotherSiteAreRefused() {
        login();
        String task = createTask("CSRF target");
        // What a foreign page's auto-submitting form would look like to us.
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .header("Origin", "https://evil.example").formParam("name", "pwned").post("/tasks/" + task + "/rename")
                .then().statusCode(403);
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .header("Sec-Fetch-Site", "cross-site").formParam("name", "pwned").post("/tasks/" + task + "/rename")
                .then().statusCode(403);
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .header("Referer", "https://evil.example/page").formParam("name", "pwned").post("/tasks")
                .then().statusCode(403);
        given().redirects().follow(false).contentType(ContentType.URLENC).header("Origin", "https://evil.example")
                .formParam("username", "x").formParam("password", "y").post("/login").then().statusCode(403);
        assertThat(page("/tasks/" + task)).doesNotContain("pwned");
        // The same form from this site goes through.
        given().redirects().follow(false).cookie("smartai_session", cookie).contentType(ContentType.URLENC)
                .header("Sec-Fetch-Site", "same-origin").formParam("name", "renamed again")
                .post("/tasks/" + task + "/rename").then().statusCode(303);
        assertThat(page("/tasks/" + task)).contains("renamed again");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        login();
        for (String path : new String[] { "/", "/login", "/settings", "/static/smartai.css" }) {
            var r = given().cookie("smartai_session", cookie).get(path).then().statusCode(200).extract();
            assertThat(r.header("Content-Security-Policy")).as(path).contains("default-src 'self'")
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
            assertThat(r.header("Content-Security-Policy")).as(path)
                    .doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
        }
        // No page has inline script, so the policy costs nothing.
        assertThat(page("/")).doesNotContain("<script>").doesNotContain("onclick=");
    }

    @Test
    void chineseOrEnglishByBrowserOrSwitch() {
        login();
        String zh = given().cookie("smartai_session", cookie).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .get("/").then().statusCode(200).extract().asString();
        assertThat(zh).contains("<html lang=\"zh\">").contains("我的批改任务").contains("新建任务")
                .doesNotContain("Your grading tasks");
        String en = given().cookie("smartai_session", cookie).header("Accept-Language", "en-GB,en;q=0.9").get("/")
                .then().statusCode(200).extract().asString();
        assertThat(en).contains("<html lang=\"en\">").contains("Your grading tasks");
        // The switch wins over the browser and goes back to the page it was clicked on, never off-site.
        Response chosen = given().redirects().follow(false).header("Referer", "http://localhost/settings?x=1")
                .get("/lang/zh");
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.header("Location")).endsWith("/settings?x=1");
        assertThat(chosen.getCookie("smartai_lang")).isEqualTo("zh");
        assertThat(given().cookie("smartai_session", cookie).cookie("smartai_lang", "zh")
                .header("Accept-Language", "en").get("/settings").then().statusCode(200).extract().asString())
                .contains("我的账号").contains("大模型服务");
        for (String referer : new String[] { "https://evil.example", "//evil.example/x", "javascript:alert(1)" }) {
            String location = given().redirects().follow(false).header("Referer", referer).get("/lang/en").then()
                    .statusCode(303).extract().header("Location");
            assertThat(location).doesNotContain("evil").doesNotContain("javascript");
        }
        given().redirects().follow(false).get("/lang/fr").then().statusCode(404);
        // Redirects never echo the Host header the client sent.
        String toLogin = given().redirects().follow(false).header("Host", "evil.example").get("/").then()
                .statusCode(303).extract().header("Location");
        assertThat(toLogin).isEqualTo("/login");
        // The login page switches too, before anyone signs in.
        assertThat(given().cookie("smartai_lang", "zh").get("/login").then().statusCode(200).extract().asString())
                .contains("登录");
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
        assertThat(page("/settings")).contains("id=\"role\">admin<").contains("Add account").contains("id=\"users\"")
                .contains("data-username=\"launcher-admin\"");
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
        for (String path : new String[] { "/", "/tasks/any", "/tasks/any/analytics", "/tasks/any/review",
                "/settings" }) {
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
