package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code smartai grade …} from the launcher jar on the project's sample homework: no server, no account. */
class CommandLineIT {

    record Run(int exit, String out, String err) {
    }

    static Run grade(Path cwd, String... args) throws Exception {
        Path jar = AppProcess.repoRoot().resolve("launcher/target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(AppProcess.javaBin(), "-jar", jar.toString(), "grade"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("SMARTAI_CWD", cwd.toString());
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void gradesTheSampleHomeworkAndWritesTheGradebook() throws Exception {
        Path root = AppProcess.repoRoot();
        Path results = Files.createTempDirectory("smartai-results-");
        Run run = grade(root, "--problems", "samples/demo-hw/problems.md", "--key", "samples/demo-hw/answer-key.md",
                "--submissions", "samples/demo-hw/students.zip", "--out", results.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("students: 10").contains("problems: 9").contains("mean: ")
                .contains("needs review: ");
        byte[] csv = Files.readAllBytes(results.resolve("grades.csv"));
        assertThat(csv[0] & 0xFF).isEqualTo(0xEF);
        List<String> rows = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(rows).hasSize(11);
        assertThat(rows.get(1)).startsWith("2023001,张伟,5,6,");
        var json = new ObjectMapper().readTree(results.resolve("grades.json").toFile());
        var grades = json.get("grades");
        assertThat(grades.size()).isEqualTo(90);
        assertThat(grades.get(0).has("evidence")).isTrue();
        // What the server shows beside the grades: the demo's identity conflict (2023010's file says 2023009).
        assertThat(run.out()).contains("identity: ").contains("2023009");
        assertThat(json.get("sheets").toString()).contains("identity-conflict");
        assertThat(json.has("keyWarnings")).isTrue();
        // Nothing that looks like a server started.
        assertThat(run.out() + run.err()).doesNotContain("Listening on");
    }

    @Test
    void aMissingFileIsAClearErrorWithAnExitCode() throws Exception {
        Run run = grade(AppProcess.repoRoot(), "--problems", "nope.md", "--submissions",
                "samples/demo-hw/students.zip");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nope.md").contains("no such file");
        Run usage = grade(AppProcess.repoRoot(), "--problems");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("usage: smartai grade");
    }

    @Test
    void aBrokenArchiveFailsWithItsName() throws Exception {
        Path dir = Files.createTempDirectory("smartai-broken-");
        Files.write(dir.resolve("broken.zip"), "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1));
        Run run = grade(AppProcess.repoRoot(), "--problems", "samples/demo-hw/problems.md", "--submissions",
                dir.resolve("broken.zip").toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("broken.zip");
    }
}
