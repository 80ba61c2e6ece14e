package ai.smartai.backend.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.llm.StubLlm;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jboss.logmanager.ExtLogRecord;

/**
 * A whole teacher's session with the access log on: no password, bearer token, cookie or provider key reaches any log
 * line (message, parameters or stack trace), while the access log does record the requests.
 */
@QuarkusTest
class LogsLeakNothingTest {

    @Test
    void noSecretReachesAnyLogLineDuringAFullFlow() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringWriter out = new StringWriter();
                out.append(r.getLoggerName()).append(' ');
                out.append(r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
                if (r.getThrown() != null) {
                    r.getThrown().printStackTrace(new PrintWriter(out));
                }
                lines.add(out.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String password = "pw-" + UUID.randomUUID();
        String wrong = "wrong-" + UUID.randomUUID();
        String key = "sk-log-" + UUID.randomUUID();
        String token;
        try {
            String admin = Api.adminToken();
            String name = "logs-" + UUID.randomUUID().toString().substring(0, 8);
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("username", name, "password", password)).post("/api/auth/register").then()
                    .statusCode(201);
            given().contentType(ContentType.JSON).body(Map.of("username", name, "password", wrong))
                    .post("/api/auth/login").then().statusCode(401);
            token = Api.login(name, password);
            String task = Uploads.demoTask(token, "Logs");
            String job = Api.as(token).body(Map.of("scope", Map.of("studentIds", List.of("2023001"), "problemIds",
                    List.of("q1", "q6")))).post(
                            "/api/tasks/" + task + "/grading")
                    .then().statusCode(202).extract().path("jobId");
            Uploads.awaitJob(token, job);
            try (StubLlm stub = new StubLlm()) {
                String id = Api.as(token).body(Map.of("kind", "openai", "baseUrl", stub.url("openai"), "apiKey", key,
                        "model", "logs-model")).post("/api/providers").then().statusCode(201).extract().path("id");
                Api.as(token).post("/api/providers/" + id + "/test").then().statusCode(200);
            }
            // Secrets where a careless access log would print them: a cookie, and a query string.
            given().cookie("smartai_session", token).get("/api/tasks?access_token=" + token).then().statusCode(401);
            Api.as(token).post("/api/auth/logout").then().statusCode(204);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).as("the access log records requests")
                .anyMatch(l -> l.startsWith("io.quarkus.http.access-log") && l.contains("/api/tasks/"));
        assertThat(lines).noneMatch(l -> l.contains(password) || l.contains(wrong) || l.contains(token)
                || l.contains(key));
    }
}
