package ai.smartai.backend.llm;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The panel's throughput against a stub with a fixed 200 ms latency that serves at most C requests at once:
 * 200 students x 5 problems, 2 experts and a judge. Ideal time is units x calls x 0.2 s / C. Prints figures; run with
 * {@code ./mvnw verify -Pbench -pl backend/core -Dtest=LlmPanelBench}.
 */
@QuarkusTest
class LlmPanelBench {

    static final int STUDENTS = 200;
    static final int PROBLEMS = 5;
    static final int C = 16;

    @Test
    void twoExpertsAndAJudgeNearTheIdeal() throws Exception {
        try (StubLlm stub = new StubLlm()) {
            stub.latency(200, C);
            String token = Api.newTeacherToken();
            String a = LlmPanelApiTest.model("bench-a");
            String b = LlmPanelApiTest.model("bench-b");
            stub.verdict(a, 7, 0.9).verdict(b, 7.5, 0.8).verdict(a + "#judge", 7.5, 0.85);
            for (String[] p : new String[][] { { "openai", a }, { "anthropic", b } }) {
                Api.as(token).body(Map.of("kind", p[0], "baseUrl", stub.url(p[0]), "apiKey", "sk-bench", "model", p[1],
                        "maxConcurrent", C, "rpm", 100_000)).post("/api/providers").then().statusCode(201);
            }
            String task = Uploads.newTask(token, "panel bench");
            StringBuilder problems = new StringBuilder("# Bench\n\n");
            StringBuilder key = new StringBuilder();
            for (int q = 1; q <= PROBLEMS; q++) {
                problems.append("## ").append(q).append(". (10分) 简述第 ").append(q).append(" 个概念的含义及其作用。\n\n");
                key.append("## ").append(q).append(".\n\n参考答案：概念 ").append(q).append(" 指的是系统在运行时保持一致的性质。\n\n");
            }
            LlmPanelApiTest.wait(token, Uploads.upload(token, task, "problems", "p.md",
                    problems.toString().getBytes(StandardCharsets.UTF_8)));
            LlmPanelApiTest.wait(token, Uploads.upload(token, task, "answer-key", "k.md",
                    key.toString().getBytes(StandardCharsets.UTF_8)));
            Map<String, String> files = new LinkedHashMap<>();
            for (int s = 1; s <= STUDENTS; s++) {
                StringBuilder answer = new StringBuilder();
                for (int q = 1; q <= PROBLEMS; q++) {
                    answer.append("## ").append(q).append(".\n\n第 ").append(s).append(" 位同学认为概念 ").append(q)
                            .append(" 是运行时保持一致的性质。\n\n");
                }
                files.put(String.format("2030%04d.md", s), answer.toString());
            }
            LlmPanelApiTest.wait(token, Uploads.upload(token, task, "submissions", "class.zip",
                    LlmPanelApiTest.zip(files)));

            long start = System.nanoTime();
            List<Map<String, Object>> grades = LlmPanelApiTest.grade(token, task, false);
            double seconds = (System.nanoTime() - start) / 1e9;
            long requests = stub.seen().size();
            int units = STUDENTS * PROBLEMS;
            double ideal = units * 3 * 0.2 / C;
            long panel = grades.stream().filter(g -> "llm-panel".equals(g.get("method"))).count();
            System.out.printf("%nBENCH llm-panel: %d units (%d graded by the panel), %d requests, stub 200 ms, C=%d%n",
                    units, panel, requests, C);
            System.out.printf("BENCH llm-panel: %.1f s actual, %.1f s ideal, ideal/actual %.2f, %.1f requests/s, "
                    + "peak %d requests in flight%n", seconds, ideal, ideal / seconds, requests / seconds,
                    stub.maxInFlight());
        }
    }
}
