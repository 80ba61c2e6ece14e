package ai.smartai.backend.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;

/** A key whose tests call a C function ({@code sum([1, 2, 3])} → {@code 6}) grades C answers over the API. */
@QuarkusTest
class CFunctionTestsApiTest {

    static final String PROBLEMS = """
            # 第6次作业

            ### 第1题（10分）C：两数之和

            编写函数 `int add(int a, int b)`（C 语言），返回 `a + b`。

            ### 第2题（10分）C：数组求和

            编写函数 `int sum(const int a[], int n)`（C 语言），返回数组 `a` 前 `n` 个元素之和。
            """;

    static final String KEY = """
            # 第6次作业 参考答案

            ## 第1题（10分）

            ```c
            int add(int a, int b) { return a + b; }
            ```

            测试（每个 5 分）：

            | 调用 | 期望返回值 |
            |---|---|
            | `add(2, 3)` | `5` |
            | `add(-4, 1)` | `-3` |

            ## 第2题（10分）

            ```c
            int sum(const int a[], int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
            ```

            测试（每个 5 分）：

            | 调用 | 期望返回值 |
            |---|---|
            | `sum([1, 2, 3], 3)` | `6` |
            | `sum([7], 1)` | `7` |
            """;

    static final String RIGHT = """
            姓名：李明 学号：2023011301

            第1题

            ```c
            #include <stdio.h>

            int add(int a, int b) {
                return a + b;
            }

            int main(void) {
                printf("%d\\n", add(1, 2));
                return 0;
            }
            ```

            第2题

            ```c
            int sum(const int a[], int n) {
                int s = 0;
                for (int i = 0; i < n; i++) s += a[i];
                return s;
            }
            ```
            """;

    @Test
    void cFunctionsAreCalledWithTheKeysArguments() {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "C functions");
        upload(token, task, "problems", "problems.md", PROBLEMS);
        upload(token, task, "answer-key", "key.md", KEY);
        upload(token, task, "submissions", "2023011301_李明.md", RIGHT);
        // An off-by-one loop misses the last element: both sums are wrong.
        upload(token, task, "submissions", "2023011302_王芳.md", RIGHT.replace("李明 学号：2023011301", "王芳 学号：2023011302")
                .replace("return a + b;", "return a + b + 0;").replace("i < n;", "i < n - 1;"));
        List<Map<String, Object>> problems = Api.as(token).get("/api/tasks/" + task + "/problems").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(problems).extracting(p -> p.get("type")).containsExactly("programming", "programming");
        assertThat(problems).allSatisfy(p -> assertThat((List<?>) p.get("testCases")).hasSize(2));

        String job = Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading").then().statusCode(202)
                .extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
        List<Map<String, Object>> grades = Api.as(token).get("/api/tasks/" + task + "/grades").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(GradingApiTest.grade(grades, "2023011301", "q1")).containsEntry("method", "sandbox")
                .containsEntry("score", 10.0f).containsEntry("needsReview", false);
        assertThat(GradingApiTest.grade(grades, "2023011301", "q2")).containsEntry("score", 10.0f);
        assertThat(GradingApiTest.grade(grades, "2023011302", "q1")).containsEntry("score", 10.0f);
        assertThat(GradingApiTest.grade(grades, "2023011302", "q2")).containsEntry("method", "sandbox")
                .containsEntry("score", 0.0f);
    }

    private static void upload(String token, String task, String kind, String name, String text) {
        String job = Uploads.upload(token, task, kind, name, text.getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).as(kind).isEqualTo("succeeded");
    }
}
