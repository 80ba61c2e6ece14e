# Compiles a C, C++ or Java answer and runs it on each test's stdin, inside the sandbox.
# Input files (read-only in /work): the source, tests.json. Output: one JSON line per event after the marker.
import json, os, subprocess, sys

PER_TEST_SECONDS = 2
MAX_OUTPUT = 65536


def emit(marker, kind, data):
    sys.stdout.write(marker + json.dumps({"kind": kind, **data}) + "\n")
    sys.stdout.flush()


def same(got, expected):
    if got == expected:
        return True
    a, b = got.split(), expected.split()
    if a == b:
        return True
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x == y:
            continue
        try:
            fx, fy = float(x), float(y)
        except ValueError:
            return False
        if abs(fx - fy) > 1e-6 * max(1.0, abs(fx), abs(fy)):
            return False
    return True


def main():
    marker = "SMARTAI-RESULT-" + sys.stdin.readline().strip() + ":"
    config = json.load(open("tests.json", encoding="utf-8"))
    language, source = config["language"], config["source"]
    os.makedirs("/tmp/build", exist_ok=True)
    if language == "c":
        compile_cmd = ["gcc", "-O2", "-std=c11", "-o", "/tmp/build/prog", source, "-lm"]
        run_cmd = ["/tmp/build/prog"]
    elif language == "cpp":
        compile_cmd = ["g++", "-O2", "-std=c++17", "-o", "/tmp/build/prog", source]
        run_cmd = ["/tmp/build/prog"]
    else:
        compile_cmd = ["javac", "-J-Xmx128m", "-J-XX:+UseSerialGC", "-encoding", "UTF-8", "-d", "/tmp/build", source]
        run_cmd = ["java", "-Xmx64m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", "/tmp/build",
                   config["main_class"]]
    built = subprocess.run(compile_cmd, capture_output=True, text=True, timeout=60)
    if built.returncode != 0:
        emit(marker, "load", {"error": "does not compile: " + (built.stderr or built.stdout)[-600:]})
        return
    emit(marker, "load", {"error": None})
    for test in config["tests"]:
        entry = {"input": test["input"], "expected": test["expected"]}
        try:
            run = subprocess.run(run_cmd, input=test["input"] + ("" if test["input"].endswith("\n") else "\n"),
                                 capture_output=True, text=True, timeout=PER_TEST_SECONDS)
            out = run.stdout[:MAX_OUTPUT]
            entry["got"] = out.strip()[:200]
            entry["ok"] = run.returncode == 0 and same(out.strip(), test["expected"].strip())
            if run.returncode != 0:
                entry["error"] = "exit status %d %s" % (run.returncode, run.stderr.strip()[-200:])
        except subprocess.TimeoutExpired:
            entry["ok"] = False
            entry["error"] = "took longer than %d s" % PER_TEST_SECONDS
        emit(marker, "test", entry)
    emit(marker, "done", {})


main()
