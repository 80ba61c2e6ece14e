# Compiles a C, C++ or Java answer (checks a Python one) and runs it on each test's input, inside the sandbox. It reports what the
# program printed; the expected outputs never enter the sandbox, and the server compares. The program runs in its
# own process; this one is undumpable, so the program cannot read its memory or descriptors (hence the nonce).
import ctypes, json, os, subprocess, sys

PER_TEST_SECONDS = 2
MAX_OUTPUT = 65536


def main():
    try:
        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0
    except Exception:
        pass
    marker = "SMARTAI-RESULT-" + sys.stdin.readline().strip() + ":"
    job = json.loads(sys.stdin.readline())

    def emit(kind, data):
        sys.stdout.write(marker + json.dumps({"kind": kind, **data}) + "\n")
        sys.stdout.flush()

    language, source = job["language"], job["source"]
    os.makedirs("/tmp/build", exist_ok=True)
    if language == "c":
        compile_cmd = ["gcc", "-O2", "-std=c11", "-o", "/tmp/build/prog", source, "-lm"]
        run_cmd = ["/tmp/build/prog"]
    elif language == "python":
        # No build: the syntax check stands for one, so a program that cannot start runs on no test.
        compile_cmd = ["/usr/bin/python3", "-I", "-S", "-c",
                       "import sys; compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec')", source]
        run_cmd = ["/usr/bin/python3", "-I", "-S", source]
    elif language == "cpp":
        compile_cmd = ["g++", "-O2", "-std=c++17", "-o", "/tmp/build/prog", source]
        run_cmd = ["/tmp/build/prog"]
    else:
        compile_cmd = ["javac", "-J-Xmx128m", "-J-XX:+UseSerialGC", "-encoding", "UTF-8", "-d", "/tmp/build",
                       source] + job.get("extra_sources", [])
        run_cmd = ["java", "-Xmx64m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", "/tmp/build",
                   job["main_class"]]
    built = subprocess.run(compile_cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace",
                           timeout=60)
    if built.returncode != 0:
        emit("load", {"error": "does not compile: " + (built.stderr or built.stdout)[-600:]})
        return
    emit("load", {"error": None})
    for index, given in enumerate(job["inputs"]):
        try:
            run = subprocess.run(run_cmd, input=given + ("" if given.endswith("\n") else "\n"), capture_output=True,
                                 text=True, errors="replace", timeout=PER_TEST_SECONDS)
            entry = {"stdout": run.stdout if len(run.stdout) <= MAX_OUTPUT else None, "exit": run.returncode}
            if run.returncode != 0:
                entry["stderr"] = run.stderr.strip()[-200:]
        except subprocess.TimeoutExpired:
            entry = {"error": "took longer than %d s" % PER_TEST_SECONDS}
        emit("test", {"index": index, **entry})
    emit("done", {})


main()
