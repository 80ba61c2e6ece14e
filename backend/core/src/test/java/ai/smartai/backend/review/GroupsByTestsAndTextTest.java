package ai.smartai.backend.review;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The workbench's other two ways of putting answers together: programs that fail the same tests of the key, and
 * answers whose texts differ in a word (sentence embeddings), each group named for what its answers share.
 */
@QuarkusTest
class GroupsByTestsAndTextTest {

    static final String HANDSHAKE = "第一次握手：客户端发送 SYN=1、seq=x 的报文，进入 SYN_SENT 状态。\n"
            + "第二次握手：服务器回复 SYN=1、ACK=1、seq=y、ack=x+1，进入 SYN_RCVD 状态。\n"
            + "第三次握手：客户端发送 ACK=1、ack=y+1，双方进入 ESTABLISHED。\n"
            + "目的：同步双方的初始序列号，确认双方收发能力正常，防止已失效的连接请求报文导致错误连接。";

    /** Student id → their answers to problem 6 (is_palindrome, six assert tests in the key) and 7 (TCP). */
    static final Map<String, String[]> CLASS = new LinkedHashMap<>();

    static {
        CLASS.put("2024001", new String[] { """
                ```python
                def is_palindrome(s):
                    cleaned = [ch.lower() for ch in s if ch != ' ']
                    left, right = 0, len(cleaned) - 1
                    while left < right:
                        if cleaned[left] != cleaned[right]:
                            return False
                        left += 1
                        right -= 1
                    return True
                ```""", HANDSHAKE });
        CLASS.put("2024002", new String[] { """
                ```python
                def is_palindrome(s):
                    t = s.replace(' ', '').lower()
                    return t == t[::-1]
                ```""", HANDSHAKE.replace("双方进入 ESTABLISHED", "两端进入 ESTABLISHED") });
        // Both forget to ignore case: the same test fails, whatever the code looks like.
        CLASS.put("2024003", new String[] { """
                ```python
                def is_palindrome(s):
                    t = s.replace(' ', '')
                    return t == t[::-1]
                ```""", HANDSHAKE.replace("服务器回复", "服务端回复") });
        CLASS.put("2024004", new String[] { """
                ```python
                def is_palindrome(s):
                    return s.replace(' ', '') == ''.join(reversed(s.replace(' ', '')))
                ```""", "TCP 三次握手用来建立连接：客户端先发请求，服务器同意，客户端再确认，之后开始传数据。" });
        CLASS.put("2024005", new String[] { """
                ```python
                def is_palindrome(s):
                    return True
                ```""", "UDP 不需要握手，所以比 TCP 快，适合视频通话和在线游戏这类对延迟敏感的应用。" });
        CLASS.put("2024006", new String[] { "", "" });
    }

    /** Graded once for the class's tests (RestAssured knows the test port only once a test runs). */
    static String token;
    static String task;

    @BeforeEach
    void gradeTheClass() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (task != null) {
            return;
        }
        token = Api.newTeacherToken();
        task = Uploads.newTask(token, "Groups by tests and text");
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (var s : CLASS.entrySet()) {
                StringBuilder sheet = new StringBuilder("# " + s.getKey() + " 学生" + s.getKey().substring(5) + "\n\n");
                for (int q = 1; q <= 9; q++) {
                    String answer = q == 6 ? s.getValue()[0] : q == 7 ? s.getValue()[1] : "";
                    sheet.append("## ").append(q).append(".\n\n").append(answer).append("\n\n");
                }
                out.putNextEntry(new ZipEntry(s.getKey() + "_hw3.md"));
                out.write(sheet.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(Uploads.awaitJob(token, Uploads.upload(token, task, "submissions", "class.zip", zip.toByteArray())
                .then().statusCode(202).extract().path("jobId")).get("status")).isEqualTo("succeeded");
        String job = Api.as(token).body(Map.of("scope", Map.of("problemIds", List.of("q6", "q7"))))
                .post("/api/tasks/" + task + "/grading").then().statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
    }

    /** Each group's key and students, largest group first. */
    List<Map.Entry<String, List<String>>> groups(String problemId) {
        List<Map<String, Object>> groups = Api.as(token)
                .get("/api/tasks/" + task + "/problems/" + problemId + "/groups").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return groups.stream().map(g -> Map.entry((String) g.get("key"),
                ((List<?>) g.get("studentIds")).stream().map(String::valueOf).toList())).toList();
    }

    @Test
    void programsThatFailTheSameTestsAreOneGroupWhateverTheirCode() {
        assertThat(groups("q6")).containsExactly(Map.entry("passes every test", List.of("2024001", "2024002")),
                Map.entry("fails tests 2", List.of("2024003", "2024004")),
                Map.entry("fails tests 3, 6", List.of("2024005")), Map.entry("no answer", List.of("2024006")));
        Api.as(token).get("/api/tasks/" + task + "/grades?problemId=q6&studentId=2024005").then().statusCode(200)
                .body("[0].evidence.find { it.kind == 'failed-tests' }.code",
                        org.hamcrest.Matchers.equalTo("ev-sandbox-failed-tests"));
    }

    @Test
    void answersThatDifferInAWordAreOneGroupAndOtherAnswersStayApart() {
        assertThat(groups("q7")).containsExactlyInAnyOrder(
                Map.entry("nearly the same text", List.of("2024001", "2024002", "2024003")),
                Map.entry("similar text", List.of("2024004")), Map.entry("similar text", List.of("2024005")),
                Map.entry("no answer", List.of("2024006")));
    }
}
