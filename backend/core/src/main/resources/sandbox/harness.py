# Runs a student's Python answer against the teacher's test cases, inside the sandbox.
# Input files (read-only in /work): student.py, tests.json. Output: one JSON line after the marker.
import ast, contextlib, io, json, math, signal, sys, time, types

PER_CALL_SECONDS = 2


class Timeout(BaseException):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def literal(text):
    try:
        return ast.literal_eval(text), True
    except Exception:
        return text, False


def same(got, expected):
    if isinstance(got, float) or isinstance(expected, float):
        try:
            return math.isclose(float(got), float(expected), rel_tol=1e-6, abs_tol=1e-9)
        except (TypeError, ValueError):
            return False
    if isinstance(got, (list, tuple)) and isinstance(expected, (list, tuple)):
        return len(got) == len(expected) and all(same(a, b) for a, b in zip(got, expected))
    return got == expected


def emit(marker, kind, data):
    # One line per event, flushed at once, so a run killed by a limit still reports what it finished.
    sys.__stdout__.write(marker + json.dumps({"kind": kind, **data}) + "\n")
    sys.__stdout__.flush()


def main():
    # The result marker carries a nonce from stdin, read before any student code runs.
    marker = "SMARTAI-RESULT-" + sys.stdin.readline().strip() + ":"
    config = json.load(open("tests.json", encoding="utf-8"))
    source = open("student.py", encoding="utf-8").read()
    ns = {"__name__": "student"}
    signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.alarm(PER_CALL_SECONDS)
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, "student.py", "exec"), ns)
        signal.alarm(0)
    except BaseException as e:
        signal.alarm(0)
        emit(marker, "load", {"error": "%s: %s" % (type(e).__name__, str(e)[:300])})
        return
    emit(marker, "load", {"error": None})
    functions = [n for n, v in ns.items() if isinstance(v, types.FunctionType) and not n.startswith("_")]
    for name in config.get("expected_names", []):
        if name not in ns and len(functions) >= 1:
            # A function-only answer under another name: call the student's function.
            candidate = functions[-1] if len(functions) == 1 else next((f for f in functions if name.lower() in f.lower() or f.lower() in name.lower()), functions[-1])
            ns[name] = ns[candidate]
            emit(marker, "alias", {"expected": name, "used": candidate})
    for test in config["tests"]:
        expected, is_literal = literal(test["expected"])
        entry = {"input": test["input"], "expected": test["expected"]}
        start = time.perf_counter()
        try:
            signal.alarm(PER_CALL_SECONDS)
            with contextlib.redirect_stdout(io.StringIO()) as printed:
                got = eval(test["input"], ns)
            signal.alarm(0)
            entry["got"] = repr(got)[:200]
            entry["ok"] = same(got, expected) if is_literal else (str(got) == test["expected"] or printed.getvalue().strip() == test["expected"])
        except Timeout:
            entry["error"] = "took longer than %d s" % PER_CALL_SECONDS
            entry["ok"] = False
        except BaseException as e:
            signal.alarm(0)
            entry["error"] = "%s: %s" % (type(e).__name__, str(e)[:200])
            entry["ok"] = False
        entry["ms"] = round((time.perf_counter() - start) * 1000, 3)
        emit(marker, "test", entry)
    for probe in config.get("timing", []):
        start = time.perf_counter()
        try:
            signal.alarm(PER_CALL_SECONDS)
            with contextlib.redirect_stdout(io.StringIO()):
                eval(probe, ns)
            signal.alarm(0)
            emit(marker, "timing", {"call": probe, "ms": round((time.perf_counter() - start) * 1000, 3)})
        except BaseException as e:
            signal.alarm(0)
            emit(marker, "timing", {"call": probe, "ms": None, "error": type(e).__name__})
    emit(marker, "done", {})


main()
