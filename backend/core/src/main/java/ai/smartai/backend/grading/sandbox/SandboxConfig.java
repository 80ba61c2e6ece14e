package ai.smartai.backend.grading.sandbox;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits for running student programs; environment: {@code SMARTAI_SANDBOX_MEMORY_MB} and so on. */
@ConfigMapping(prefix = "smartai.sandbox")
public interface SandboxConfig {

    /** Memory of one run: all its processes together (cgroup), and each process's address space. */
    @WithDefault("256")
    int memoryMb();

    @WithDefault("5")
    int cpuSeconds();

    @WithDefault("10")
    int wallSeconds();

    @WithDefault("1048576")
    int maxOutputBytes();

    /** Processes (and threads) of one run with a cgroup; without one, scripts get fewer (docs/security.md). */
    @WithDefault("64")
    int maxProcesses();

    /** Limits each run's processes together in a cgroup when a writable one exists (v1, or v2 delegated). */
    @WithDefault("true")
    boolean cgroups();

    /** A delegated cgroup v2 directory to create run cgroups in; by default the server's own cgroup. */
    Optional<String> cgroupV2Parent();

    /** Programs run at the same time, across all tasks. */
    @WithDefault("2")
    int concurrency();

    @WithDefault("/usr/bin/bwrap")
    String bwrap();

    @WithDefault("/usr/bin/python3")
    String python();

    /**
     * Runs programs without bubblewrap (only resource limits) when bubblewrap is missing. Off by default: without it
     * nothing is executed and such grades go to review. Only an administrator should turn this on, on a machine
     * that holds nothing worth protecting.
     */
    @WithDefault("false")
    boolean allowUnsafeLocal();

    /** The uid programs run as when the server runs as root (nobody). */
    @WithDefault("65534")
    int uid();

    Optional<String> gcc();
}
