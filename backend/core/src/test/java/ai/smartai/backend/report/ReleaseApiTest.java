package ai.smartai.backend.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.GradedDemo;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Release links: a link shows only its student's report with no login, and is 404 once revoked or expired. */
@QuarkusTest
class ReleaseApiTest {

    @Test
    void aLinkShowsOnlyItsStudentUntilRevokedAndIsLogged() throws Exception {
        GradedDemo.Graded demo = GradedDemo.get();
        List<Map<String, Object>> rows = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/gradebook")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        String mine = (String) rows.get(0).get("studentId");
        String other = (String) rows.get(1).get("studentId");
        List<Map<String, Object>> links = Api.as(demo.token())
                .body(Map.of("studentIds", List.of(mine), "expiresAt", Instant.now().plusSeconds(3600).toString()))
                .post("/api/tasks/" + demo.taskId() + "/releases").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(links).hasSize(1);
        String url = (String) links.get(0).get("url");
        assertThat(url).startsWith("/api/releases/st_");

        byte[] pdf = given().get(url).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(mine).doesNotContain(other);
        }
        List<Map<String, Object>> listed = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/releases")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(listed).anySatisfy(l -> {
            assertThat(l.get("studentId")).isEqualTo(mine);
            assertThat(l.get("url")).isNull();
            assertThat((Integer) l.get("accesses")).isEqualTo(1);
        });

        List<Map<String, Object>> log = Api.as(demo.token())
                .get("/api/tasks/" + demo.taskId() + "/releases/" + mine + "/accesses").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("at")).isNotNull();
        assertThat((String) log.get(0).get("address")).isNotBlank();

        // Another teacher can neither make nor revoke links of this task, nor read their log.
        Api.as(Api.newTeacherToken()).get("/api/tasks/" + demo.taskId() + "/releases/" + mine + "/accesses").then()
                .statusCode(404);
        String stranger = Api.newTeacherToken();
        Api.as(stranger).body(Map.of("expiresAt", Instant.now().plusSeconds(60).toString()))
                .post("/api/tasks/" + demo.taskId() + "/releases").then().statusCode(404);
        Api.as(stranger).delete("/api/tasks/" + demo.taskId() + "/releases/" + mine).then().statusCode(404);
        given().get(url).then().statusCode(200);

        Api.as(demo.token()).delete("/api/tasks/" + demo.taskId() + "/releases/" + mine).then().statusCode(204);
        given().get(url).then().statusCode(404);
        given().get("/api/releases/st_made-up-token").then().statusCode(404);
    }

    @Test
    void aLinkIs404AfterItExpires() throws Exception {
        GradedDemo.Graded demo = GradedDemo.get();
        String url = Api.as(demo.token())
                .body(Map.of("expiresAt", Instant.now().plusSeconds(2).toString()))
                .post("/api/tasks/" + demo.taskId() + "/releases").then().statusCode(200).extract().path("[0].url");
        Thread.sleep(2500);
        given().get(url).then().statusCode(404);
        Api.as(demo.token()).body(Map.of("expiresAt", Instant.now().minusSeconds(5).toString()))
                .post("/api/tasks/" + demo.taskId() + "/releases").then().statusCode(400);
    }
}
