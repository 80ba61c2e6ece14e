package ai.smartai.backend.grading.sandbox;

import java.util.Optional;

/** The default limits, for tests that build a sandbox without CDI. */
final class TestSandbox {

    private TestSandbox() {
    }

    static Sandbox create() {
        return create(true);
    }

    /** With {@code cgroups} false, as on a machine without a writable cgroup. */
    static Sandbox create(boolean cgroups) {
        return new Sandbox(new SandboxConfig() {
            public int memoryMb() {
                return 256;
            }

            public int cpuSeconds() {
                return 5;
            }

            public int wallSeconds() {
                return 10;
            }

            public int maxOutputBytes() {
                return 1 << 20;
            }

            public int maxProcesses() {
                return 64;
            }

            public boolean cgroups() {
                return cgroups;
            }

            public Optional<String> cgroupV2Parent() {
                return Optional.empty();
            }

            public int concurrency() {
                return 2;
            }

            public String bwrap() {
                return "/usr/bin/bwrap";
            }

            public String python() {
                return "/usr/bin/python3";
            }

            public boolean allowUnsafeLocal() {
                return false;
            }

            public int uid() {
                return 65534;
            }

            public Optional<String> gcc() {
                return Optional.empty();
            }
        });
    }
}
