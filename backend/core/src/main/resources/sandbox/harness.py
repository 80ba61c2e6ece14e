# Calls a student's Python functions inside the sandbox and reports what they returned and printed. Nothing here
# decides whether a result is right: the expected values never enter the sandbox, and the server compares.
#
# Two processes. This one (the relay) reads the nonce and the calls from stdin, makes itself undumpable (so the
# student's process cannot read its memory or file descriptors, hence the nonce), and starts a child that loads
# student.py and makes the calls. The child reports to the relay over a pipe; the relay writes one marked line per
# event to stdout, flushed at once, so a run killed by a limit keeps what it finished. A call that takes too long
# costs the child its life, and a new child goes on with the next call.
import contextlib, ctypes, io, json, os, select, subprocess, sys, time, types

PER_CALL_SECONDS = 2
FIELD_CAP = 32768


def relay():
    try:
        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0
    except Exception:
        pass
    marker = "SMARTAI-RESULT-" + sys.stdin.readline().strip() + ":"
    job = json.loads(sys.stdin.readline())
    calls = [str(c) for c in job.get("calls", [])]
    names = [str(n) for n in job.get("names", [])]

    def emit(kind, data):
        sys.stdout.write(marker + json.dumps({"kind": kind, **data}) + "\n")
        sys.stdout.flush()

    first = True
    start = 0
    while True:
        child = Child(names, calls[start:], start)
        event = child.next(time.monotonic() + PER_CALL_SECONDS)
        if event is None or event.get("kind") != "load":
            error = "took longer than %d s to load" % PER_CALL_SECONDS if child.timed_out else child.death()
            child.kill()
            if first:
                emit("load", {"error": error})
            else:
                for i in range(start, len(calls)):
                    emit("test", {"index": i, "error": "the program could not be loaded again: " + error})
            break
        if first:
            emit("load", {"error": text(event.get("error"), 300)})
            if event.get("error") is not None:
                break
        elif event.get("error") is not None:
            for i in range(start, len(calls)):
                emit("test", {"index": i, "error": "the program could not be loaded again"})
            break
        index = start
        deadline = time.monotonic() + PER_CALL_SECONDS
        while index < len(calls):
            event = child.next(deadline)
            if event is None:
                error = "took longer than %d s" % PER_CALL_SECONDS if child.timed_out else child.death()
                emit("test", {"index": index, "error": error})
                index += 1
                break
            kind = event.get("kind")
            if kind == "alias" and first:
                emit("alias", {"expected": text(event.get("expected"), 100), "used": text(event.get("used"), 100)})
            elif kind == "result" and event.get("index") == index:
                if event.get("error") is not None:
                    emit("test", {"index": index, "error": text(event.get("error"), 300)})
                else:
                    emit("test", {"index": index, "repr": field(event.get("repr")), "str": field(event.get("str")),
                                  "printed": field(event.get("printed"))})
                index += 1
                deadline = time.monotonic() + PER_CALL_SECONDS
        child.finish()
        first = False
        start = index
        if start >= len(calls):
            break
    emit("done", {})


def text(value, cap):
    return None if value is None else str(value)[:cap]


def field(value):
    # A result too long to compare is sent as null rather than cut: a cut value could be mistaken for another.
    return value if isinstance(value, str) and len(value) <= FIELD_CAP else None


class Child:
    def __init__(self, names, calls, first):
        self.timed_out = False
        self.buffer = b""
        # The child's stdout is ours, so what it prints there reaches the server unmarked (and imitations are seen);
        # its reports come on a pipe of their own.
        read, write = os.pipe()
        self.process = subprocess.Popen([sys.executable, "-I", "-S", "harness.py", "child", str(write)],
                                        stdin=subprocess.PIPE, pass_fds=(write,))
        os.close(write)
        self.reports = os.fdopen(read, "rb", buffering=0)
        try:
            self.process.stdin.write((json.dumps({"names": names, "calls": calls, "first": first}) + "\n").encode())
            self.process.stdin.close()
        except OSError:
            pass

    def next(self, deadline):
        """The child's next report, or None when it died or the deadline passed."""
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                self.timed_out = True
                return None
            ready, _, _ = select.select([self.reports], [], [], left)
            if ready:
                chunk = os.read(self.reports.fileno(), 65536)
                if not chunk:
                    return None
                self.buffer += chunk
                if len(self.buffer) > 32 * FIELD_CAP and b"\n" not in self.buffer:
                    self.buffer = b""
        line, _, self.buffer = self.buffer.partition(b"\n")
        try:
            event = json.loads(line)
            return event if isinstance(event, dict) else {}
        except ValueError:
            return {}

    def death(self):
        try:
            code = self.process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            return "stopped answering"
        return "the program ended (%s)" % ("killed by signal %d" % -code if code < 0 else "exit status %d" % code)

    def finish(self):
        # A child that made its calls may exit by itself, flushing what it printed.
        try:
            self.process.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            pass
        self.kill()

    def kill(self):
        self.process.kill()
        self.process.wait()
        self.reports.close()


def child(reports_fd):
    job = json.loads(sys.stdin.readline())
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # the student's code reads no input
    reports = os.fdopen(reports_fd, "w", encoding="utf-8")

    def send(kind, data):
        reports.write(json.dumps({"kind": kind, **data}) + "\n")
        reports.flush()

    source = open("student.py", encoding="utf-8").read()
    ns = {"__name__": "student"}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, "student.py", "exec"), ns)
    except BaseException as e:
        send("load", {"error": describe(e, 300)})
        return
    send("load", {"error": None})
    functions = [n for n, v in ns.items() if isinstance(v, types.FunctionType) and not n.startswith("_")]
    for name in job["names"]:
        if name not in ns and len(functions) >= 1:
            # A function-only answer under another name: call the student's function.
            candidate = functions[-1] if len(functions) == 1 else next((f for f in functions if name.lower() in f.lower() or f.lower() in name.lower()), functions[-1])
            ns[name] = ns[candidate]
            send("alias", {"expected": name, "used": candidate})
    for index, call in enumerate(job["calls"], start=job["first"]):
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                got = eval(call, ns)
            entry = {"repr": field(repr(got)), "str": field(str(got)), "printed": field(printed.getvalue())}
        except BaseException as e:
            entry = {"error": describe(e, 200)}
        send("result", {"index": index, **entry})


def describe(error, cap):
    try:
        return "%s: %s" % (type(error).__name__, str(error)[:cap])
    except BaseException:
        return type(error).__name__


if sys.argv[1:2] == ["child"]:
    child(int(sys.argv[2]))
else:
    relay()
