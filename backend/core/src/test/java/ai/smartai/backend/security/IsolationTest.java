package ai.smartai.backend.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Teacher B tries every operation of the OpenAPI document on teacher A's resources and must get 404, never data and
 * never 403 (which would confirm the id exists). The operations come from the document, so an endpoint added later
 * is tried too; a path parameter this test does not know fails it, so the new endpoint's owner must say how.
 */
@QuarkusTest
class IsolationTest {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    @Test
    void aMemberWorksOnASharedTaskAndOnlyTheOwnerManagesWhoShares() {
        String owner = Api.newTeacherToken();
        String ta = Api.newTeacherToken();
        String stranger = Api.newTeacherToken();
        String task = Uploads.newTask(owner, "Shared homework");
        String taName = Api.as(ta).get("/api/auth/me").then().extract().path("username");
        String taId = Api.as(ta).get("/api/auth/me").then().extract().path("id");
        Api.as(ta).get("/api/tasks/" + task).then().statusCode(404);
        Api.as(owner).body(Map.of("username", taName)).post("/api/tasks/" + task + "/members").then().statusCode(200)
                .body("role", org.hamcrest.Matchers.contains("owner", "invited"));
        // Invited is not yet in: the TA sees the invitation, and the task only after accepting it.
        Api.as(ta).get("/api/tasks/" + task).then().statusCode(404);
        Api.as(ta).get("/api/invitations").then().statusCode(200).body("taskId", org.hamcrest.Matchers.contains(task));
        Api.as(stranger).post("/api/invitations/" + task + "/accept").then().statusCode(404);
        Api.as(ta).post("/api/invitations/" + task + "/accept").then().statusCode(204);
        Api.as(owner).get("/api/tasks/" + task + "/members").then().body("role",
                org.hamcrest.Matchers.contains("owner", "member"));
        // The TA sees it in their list, uploads and grades; the upload's job is theirs to follow and the owner's.
        assertThat(Api.as(ta).get("/api/tasks").then().extract().asString()).contains(task);
        Map<String, Object> job = Uploads.uploadAndWait(ta, task, "problems", Uploads.DEMO.resolve("problems.md"));
        Api.as(owner).get("/api/jobs/" + job.get("id")).then().statusCode(200);
        // Only the owner shares or deletes; a stranger still sees nothing.
        String strangerName = Api.as(stranger).get("/api/auth/me").then().extract().path("username");
        Api.as(ta).body(Map.of("username", strangerName)).post("/api/tasks/" + task + "/members").then()
                .statusCode(403).body("error", org.hamcrest.Matchers.equalTo("owner_only"));
        Api.as(ta).delete("/api/tasks/" + task).then().statusCode(403);
        Api.as(stranger).get("/api/tasks/" + task + "/members").then().statusCode(404);
        // Removed, the TA is a stranger again.
        Api.as(owner).delete("/api/tasks/" + task + "/members/" + taId).then().statusCode(204);
        Api.as(ta).get("/api/tasks/" + task).then().statusCode(404);
        Api.as(ta).get("/api/jobs/" + job.get("id")).then().statusCode(404);
    }

    @Test
    void sharingAnswersTheSameWhetherAnAccountExistsOrNot() {
        String owner = Api.newTeacherToken();
        String someone = Api.newTeacherToken();
        String task = Uploads.newTask(owner, "Who has an account?");
        String real = Api.as(someone).get("/api/auth/me").then().extract().path("username");
        String ghost = "ghost-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var forReal = Api.as(owner).body(Map.of("username", real)).post("/api/tasks/" + task + "/members").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.role == 'invited' }");
        var forGhost = Api.as(owner).body(Map.of("username", ghost)).post("/api/tasks/" + task + "/members").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.role == 'invited' }");
        assertThat(forGhost).hasSize(2);
        assertThat(forReal).hasSize(1);
        // An existing account and a made-up name are listed alike: a name, no id, no display name.
        assertThat(forGhost).allSatisfy(i -> assertThat(i.toString()).contains("id=null").contains("displayName=null"));
        // Declined, the invitation is gone and the task stays hidden.
        Api.as(someone).post("/api/invitations/" + task + "/decline").then().statusCode(204);
        Api.as(someone).post("/api/invitations/" + task + "/accept").then().statusCode(404);
        Api.as(someone).get("/api/tasks/" + task).then().statusCode(404);
    }

    @Test
    void anotherTeachersIdsAnswer404OnEveryOperation() throws Exception {
        String a = Api.newTeacherToken();
        String b = Api.newTeacherToken();
        String task = Uploads.newTask(a, "A's homework");
        Uploads.uploadAndWait(a, task, "problems", Uploads.DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(a, task, "answer-key", Uploads.DEMO.resolve("answer-key.md"));
        String job = Uploads.upload(a, task, "submissions", Uploads.DEMO.resolve("students.zip")).then()
                .statusCode(202).extract().path("jobId");
        Uploads.awaitJob(a, job);
        String provider = Api.as(a).body(Map.of("kind", "openai", "baseUrl", "http://127.0.0.1:9/v1", "apiKey",
                "sk-a-only", "model", "m")).post("/api/providers").then().statusCode(201).extract().path("id");
        String aId = Api.as(a).get("/api/auth/me").then().extract().path("id");
        Map<String, String> ids = Map.of("id", task, "taskId", task, "jobId", job, "studentId", "2023001",
                "problemId", "q1", "providerId", provider, "accountId", aId, "username", "b-is-not-invited",
                // A review group's id only means something inside the task, which B cannot reach.
                "groupId", "0123456789abcdef");

        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<String> tried = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            if (!template.startsWith("/api/") || !template.contains("{")) {
                continue;
            }
            if (template.startsWith("/api/releases/")) {
                // A release link is a capability: whoever holds the token may read that one report, by design.
                // Unknown, expired and revoked tokens answering 404 alike is ReleaseApiTest's.
                continue;
            }
            String path = fill(template, template.startsWith("/api/providers") ? Map.of("id", provider)
                    : template.startsWith("/api/users") ? Map.of("id", aId) : ids);
            // Account administration is for admins: a teacher gets 403 whatever the id, which tells nothing.
            int expected = template.startsWith("/api/users") ? 403 : 404;
            for (Iterator<String> methods = entry.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                JsonNode op = entry.getValue().path(method.toLowerCase());
                Response r = send(b, method, path, op);
                tried.add(method + " " + template);
                if (r.statusCode() != expected) {
                    leaks.add(method + " " + template + " answered " + r.statusCode() + ": " + r.asString());
                }
            }
        }
        assertThat(tried).as("operations tried").hasSizeGreaterThan(20)
                .contains("DELETE /api/tasks/{id}", "PUT /api/tasks/{id}/grades/{studentId}/{problemId}",
                        "POST /api/providers/{id}/test", "GET /api/jobs/{jobId}");
        assertThat(leaks).isEmpty();

        // B's lists hold nothing of A's, and A's work is untouched by B's attempts.
        assertThat(Api.as(b).get("/api/tasks").then().statusCode(200).extract().asString()).doesNotContain(task);
        assertThat(Api.as(b).get("/api/providers").then().statusCode(200).extract().asString())
                .doesNotContain(provider);
        Api.as(a).get("/api/tasks/" + task).then().statusCode(200);
        Api.as(a).get("/api/tasks/" + task + "/students/2023001").then().statusCode(200);
        Api.as(a).get("/api/providers").then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(1));
    }

    static String fill(String template, Map<String, String> ids) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = ids.get(m.group(1));
            if (value == null) {
                throw new AssertionError(template + ": this test does not know the path parameter {" + m.group(1)
                        + "}; add what teacher A's value for it is");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A valid request, so that only ownership can refuse it: a file for multipart operations, otherwise one JSON object
     * that satisfies every request record (unknown fields are ignored).
     */
    static Response send(String token, String method, String path, JsonNode op) {
        RequestSpecification req = given().auth().oauth2(token).accept("*/*");
        JsonNode content = op.path("requestBody").path("content");
        if (content.has("multipart/form-data")) {
            req = req.multiPart("file", "x.md", "## 1.\nB\n".getBytes(StandardCharsets.UTF_8));
        } else if (content.size() > 0) {
            // One body that passes every operation's validation, so what answers is the access check.
            req = req.contentType("application/json").body("{\"text\": \"x\", \"score\": 1, \"comment\": \"c\", "
                    + "\"name\": \"n\", \"force\": false, \"enabled\": false, \"username\": \"" + Api.ADMIN + "\", "
                    + "\"question\": \"which problem was hardest?\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}");
        }
        return req.request(method, path);
    }
}
