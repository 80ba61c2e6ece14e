package ai.smartai.backend.grading.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Needs;

/**
 * Student programs that try to hurt the server. Each must be contained and reported. Runs where bubblewrap works
 * (.ci/run installs it); in CI its absence fails the build instead of skipping.
 */
class HostileProgramTest {

    static Sandbox sandbox;

    @BeforeAll
    static void needsBubblewrap() {
        sandbox = TestSandbox.create();
        Needs.bubblewrap(sandbox.isolated());
    }

    static Sandbox.Result python(String code) throws Exception {
        return sandbox.run(Map.of("main.py", code), List.of("/usr/bin/python3", "-I", "main.py"), "");
    }

    @Test
    void theRunsFilesAreReadableByTheProgramAndNoOneElse() throws Exception {
        Sandbox.Result r = python("import os, stat\nprint(oct(stat.S_IMODE(os.stat('/work').st_mode)), "
                + "oct(stat.S_IMODE(os.stat('/work/main.py').st_mode)))\nprint(open('/work/main.py').read()[:6])\n");
        assertThat(r.stdout()).contains("0o500 0o400").contains("import");
    }

    @Test
    void anInfiniteLoopIsStopped() throws Exception {
        long t0 = System.nanoTime();
        Sandbox.Result r = python("while True:\n    pass\n");
        assertThat(r.killedBy()).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aForkBombIsContained() throws Exception {
        Sandbox.Result r = python("""
                import os
                n = 0
                try:
                    while True:
                        if os.fork() == 0:
                            import time; time.sleep(30)
                        n += 1
                except OSError as e:
                    print("stopped after", n, type(e).__name__)
                """);
        assertThat(r.stdout()).contains("stopped after");
        assertThat(r.wallMillis()).isLessThan(15_000);
    }

    @Test
    void aGigabyteAllocationFails() throws Exception {
        Sandbox.Result r = python("x = bytearray(1024 * 1024 * 1024)\nprint('allocated')\n");
        assertThat(r.stdout()).doesNotContain("allocated");
        assertThat(r.stderr()).contains("MemoryError");
    }

    @Test
    void theServersEnvironmentIsUnreachable() throws Exception {
        Sandbox.Result r = python("import os\nprint(sorted(os.environ))\nprint(open('/proc/1/environ','rb').read())\n");
        assertThat(r.exitCode()).isZero();
        for (String key : System.getenv().keySet()) {
            // bubblewrap sets PWD to the sandbox's own /work; everything else must be ours.
            if (!List.of("PATH", "HOME", "LANG", "PWD", "PYTHONIOENCODING", "PYTHONDONTWRITEBYTECODE").contains(key)) {
                assertThat(r.stdout()).as("server variable " + key).doesNotContain("'" + key + "'");
            }
        }
        assertThat(r.stdout()).doesNotContain("SMARTAI_").doesNotContain("JAVA_HOME").doesNotContain("HOME=/root")
                .doesNotContain("MAVEN");
    }

    @Test
    void theDataDirectoryAndSecretsAreUnreachable() throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "data");
        Path key = Files.writeString(data.resolve("master.key"), "s3cret-master-key");
        Sandbox.Result r = python("import sys\nfor p in sys.argv[1:] or ['" + key.toAbsolutePath() + "', '"
                + Path.of("target/test-data").toAbsolutePath() + "', '/root', '/etc/shadow', '/etc/passwd']:\n"
                + "    try:\n        print(p, open(p).read()[:20])\n    except Exception as e:\n        print(p, 'DENIED', type(e).__name__)\n");
        assertThat(r.stdout()).doesNotContain("s3cret-master-key");
        assertThat(r.stdout().lines().filter(l -> l.contains("DENIED")).count()).isEqualTo(5);
    }

    @Test
    void theNetworkIsUnreachable() throws Exception {
        Sandbox.Result r = python("""
                import socket
                for host in [("127.0.0.1", 5432), ("127.0.0.1", 8080), ("1.1.1.1", 53)]:
                    try:
                        socket.create_connection(host, timeout=2)
                        print("connected", host)
                    except OSError as e:
                        print("refused", host, type(e).__name__)
                """);
        assertThat(r.stdout()).doesNotContain("connected").contains("refused");
    }

    @Test
    void writingOutsideTmpFails() throws Exception {
        Sandbox.Result r = python("""
                for p in ["/work/x", "/usr/x", "/etc/x", "/x", "/dev/x", "/tmp/ok"]:
                    try:
                        open(p, "w").write("x")
                        print("wrote", p)
                    except OSError as e:
                        print("denied", p)
                """);
        assertThat(r.stdout()).as(r.stdout() + r.stderr()).contains("wrote /tmp/ok").contains("denied /work/x")
                .contains("denied /usr/x")
                .contains("denied /etc/x").contains("denied /x").contains("denied /dev/x");
    }

    /** Each child stays under the per-process limit; together they must not pass the run's. */
    @Test
    void fourChildrenCannotTogetherHoldMoreThanTheRunsMemory() throws Exception {
        needsCgroups();
        Sandbox.Result r = python("""
                import os, sys, time
                kids = []
                for i in range(4):
                    pid = os.fork()
                    if pid == 0:
                        try:
                            block = b"x" * (150 << 20)  # written, so really held
                            print("holding", i, flush=True)
                            time.sleep(3)
                            print("still holding", i, flush=True)
                        except MemoryError:
                            print("MemoryError", i, flush=True)
                        os._exit(0)
                    kids.append(pid)
                for k in kids:
                    os.waitpid(k, 0)
                print("done")
                """);
        long survivors = r.stdout().lines().filter(l -> l.startsWith("still holding")).count();
        assertThat(survivors).as(r.stdout() + r.stderr()).isLessThanOrEqualTo(1);
    }

    @Test
    void fillingDevShmStopsAtItsCap() throws Exception {
        Sandbox.Result r = python("""
                n = 0
                try:
                    for i in range(256):  # one file per megabyte: the 16 MB file-size limit does not stop it
                        with open("/dev/shm/fill%d" % i, "wb") as f:
                            f.write(b"x" * (1 << 20))
                        n += 1
                    print("wrote", n, "MB")
                except OSError as e:
                    print("stopped at", n, "MB", type(e).__name__)
                """);
        assertThat(r.stdout()).as(r.stdout() + r.stderr()).contains("stopped at");
        int mb = Integer.parseInt(r.stdout().replaceAll("(?s).*stopped at (\\d+) MB.*", "$1").strip());
        assertThat((long) mb << 20).isLessThanOrEqualTo(Sandbox.TMPFS_BYTES);
    }

    @Test
    void runCgroupsAreRemovedAfterRuns() throws Exception {
        needsCgroups();
        python("print('ok')\n");
        python("import os\nfor _ in range(3):\n    if os.fork() == 0:\n        import time; time.sleep(60)\nprint('left children')\n");
        python("while True:\n    pass\n");
        // removal finishes in the background once the kernel has let the last process go
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!sandbox.cgroups().existing().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sandbox.cgroups().existing()).isEmpty();
    }

    /** The fallback's trade-off: only per-process memory limits, so few processes (docs/security.md). */
    @Test
    void withoutACgroupAScriptGetsOnlyAFewProcesses() throws Exception {
        // RLIMIT_NPROC binds only when the server is root and programs run as nobody (CI is root)
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "not root");
        Sandbox plain = TestSandbox.create(false);
        assertThat(plain.cgroups().active()).isFalse();
        Sandbox.Result r = plain.run(Map.of("main.py", """
                import os, time
                n = 0
                try:
                    while n < 64:
                        if os.fork() == 0:
                            time.sleep(5)
                            os._exit(0)
                        n += 1
                except OSError:
                    pass
                print("children", n)
                """), List.of("/usr/bin/python3", "-I", "main.py"), "");
        int children = Integer.parseInt(r.stdout().replaceAll("(?s).*children (\\d+).*", "$1"));
        assertThat(children).as(r.stdout() + r.stderr()).isLessThan(Sandbox.FALLBACK_PROCESSES);
    }

    /** The total memory limit needs a writable cgroup; CI has one (root, cgroup v1 or a delegated v2). */
    static void needsCgroups() {
        Needs.cgroups(sandbox.cgroups().active());
    }

    @Test
    void aHundredMegabytesOfOutputAreCut() throws Exception {
        Sandbox.Result r = python("import sys\nfor _ in range(100):\n    sys.stdout.write('x' * (1 << 20))\n");
        assertThat(r.killedBy()).contains("output limit");
        assertThat(r.stdout().length()).isLessThanOrEqualTo(1 << 20);
    }
}
