# Calls a student's Python functions inside the sandbox and reports what they returned and printed. Nothing here
# decides whether a result is right: the expected values never enter the sandbox, and the server compares.
#
# Two processes. This one (the relay) makes itself undumpable (so the student's process cannot read its memory or
# file descriptors), reads the nonce and the calls from stdin, and has a child load student.py and make the calls.
# The child reports to the relay over a pipe; the relay writes one marked line per event to stdout, flushed before
# it waits for more, so a run killed by a limit keeps what it finished. A call that takes too long costs the child its life, and a new
# child goes on with the next call.
import gc, io, json, os, select, sys, time

PER_CALL_SECONDS = 2
FIELD_CAP = 32768


def relay():
    import ctypes
    try:
        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0
    except Exception:
        pass
    # The first child is forked before the nonce is read, so it never held it (and starts at little cost); later
    # children are fresh interpreters.
    gc.freeze()
    child = Child(fresh=False)
    marker = "SMARTAI-RESULT-" + sys.stdin.readline().strip() + ":"
    job = json.loads(sys.stdin.readline())
    calls = [str(c) for c in job.get("calls", [])]
    names = [str(n) for n in job.get("names", [])]

    def emit(kind, data):
        sys.stdout.write(marker + json.dumps({"kind": kind, **data}) + "\n")

    first = True
    start = 0
    while True:
        child = child or Child(fresh=True)
        child.send({"names": names, "calls": calls[start:], "first": start})
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
                child.finish()
                break
        elif event.get("error") is not None:
            for i in range(start, len(calls)):
                emit("test", {"index": i, "error": "the program could not be loaded again"})
            child.kill()
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
                    if event.get("mutated") is True:
                        emit("mutated", {"index": index})
                index += 1
                deadline = time.monotonic() + PER_CALL_SECONDS
        child.finish()
        child = None
        first = False
        start = index
        if start >= len(calls):
            break
    emit("done", {})
    sys.stdout.flush()


def text(value, cap):
    return None if value is None else str(value)[:cap]


def field(value):
    # A result too long to compare is sent as null rather than cut: a cut value could be mistaken for another.
    return value if isinstance(value, str) and len(value) <= FIELD_CAP else None


class Child:
    """A process that runs the student's code: it reads its job from one pipe and reports on another."""

    def __init__(self, fresh):
        self.timed_out = False
        self.buffer = b""
        self.status = None
        job_read, self.job = os.pipe()
        self.reports, report_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(self.job)
            os.close(self.reports)
            # The child's stdout stays the relay's, so what it prints there reaches the server unmarked (and an
            # imitation of the result lines is seen); it gets no stdin.
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            if fresh:
                os.set_inheritable(job_read, True)
                os.set_inheritable(report_write, True)
                os.execv(sys.executable, [sys.executable, "-I", "-S", "harness.py", "child", str(job_read),
                                          str(report_write)])
            try:
                child(job_read, report_write)
            finally:
                try:
                    sys.stdout.flush()
                finally:
                    os._exit(0)
        os.close(job_read)
        os.close(report_write)

    def send(self, job):
        try:
            os.write(self.job, (json.dumps(job) + "\n").encode())
        except OSError:
            pass
        os.close(self.job)

    def next(self, deadline):
        """The child's next report, or None when it died or the deadline passed."""
        while b"\n" not in self.buffer:
            sys.stdout.flush()
            left = deadline - time.monotonic()
            if left <= 0:
                self.timed_out = True
                return None
            ready, _, _ = select.select([self.reports], [], [], left)
            if ready:
                chunk = os.read(self.reports, 65536)
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

    def wait(self, seconds):
        deadline = time.monotonic() + seconds
        while self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
            elif time.monotonic() >= deadline:
                return None
            else:
                time.sleep(0.005)
        return self.status

    def death(self):
        code = self.wait(1)
        if code is None:
            return "stopped answering"
        return "the program ended (%s)" % ("killed by signal %d" % -code if code < 0 else "exit status %d" % code)

    def finish(self):
        # A child that made its calls exits by itself, flushing what it printed; its end closes the report pipe.
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline and select.select([self.reports], [], [], deadline - time.monotonic())[0]:
            if not os.read(self.reports, 65536):
                self.wait(0.1)
                break
        self.kill()

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, 9)
            except ProcessLookupError:
                pass
            self.wait(5)
        os.close(self.reports)


def child(job_fd, reports_fd):
    with os.fdopen(job_fd, encoding="utf-8") as jobs:
        job = json.loads(jobs.readline())
    reports = os.fdopen(reports_fd, "w", encoding="utf-8")

    def send(kind, data):
        # At once: if the next call never returns, the relay must already have this one.
        reports.write(json.dumps({"kind": kind, **data}) + "\n")
        reports.flush()

    source = open("student.py", encoding="utf-8").read()
    ns = {"__name__": "student"}
    try:
        printing(io.StringIO(), exec, compile(source, "student.py", "exec"), ns)
    except BaseException as e:
        send("load", {"error": describe(e, 300)})
        return
    send("load", {"error": None})
    functions = [n for n, v in ns.items() if isinstance(v, type(describe)) and not n.startswith("_")]
    for name in job["names"]:
        if name not in ns and len(functions) >= 1:
            # A function-only answer under another name: call the student's function.
            candidate = functions[-1] if len(functions) == 1 else next((f for f in functions if name.lower() in f.lower() or f.lower() in name.lower()), functions[-1])
            ns[name] = ns[candidate]
            send("alias", {"expected": name, "used": candidate})
    for index, call in enumerate(job["calls"], start=job["first"]):
        printed = io.StringIO()
        try:
            changed = []
            got = printing(printed, evaluate, call, ns, changed)
            entry = {"repr": field(repr(got)), "str": field(str(got)), "printed": field(printed.getvalue()),
                     "mutated": bool(changed)}
        except BaseException as e:
            entry = {"error": describe(e, 200)}
        send("result", {"index": index, **entry})


def evaluate(call, ns, changed):
    """A call's value; for statements and a name after them ("a = [1]; f(a); a"), the name's value after them. A call
    whose arguments the function changes (a list sorted in place) is noted in `changed`."""
    import ast, copy
    try:
        tree = ast.parse(call, mode="eval")
    except SyntaxError:
        tree = ast.parse(call)
        if len(tree.body) < 2 or not isinstance(tree.body[-1], ast.Expr):
            raise
        exec(compile(ast.Module(body=tree.body[:-1], type_ignores=[]), "test", "exec"), ns)
        return eval(compile(ast.Expression(body=tree.body[-1].value), "test", "eval"), ns)
    node = tree.body
    if not isinstance(node, ast.Call) or node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
        return eval(compile(tree, "test", "eval"), ns)
    function = eval(compile(ast.Expression(body=node.func), "test", "eval"), ns)
    args = [eval(compile(ast.Expression(body=a), "test", "eval"), ns) for a in node.args]
    before = repr(args)
    got = function(*args)
    try:
        if repr(args) != before:
            changed.append(True)
    except Exception:
        pass
    return got


def printing(into, run, code, ns, *more):
    """run(code, ns) with what it prints to sys.stdout going into a buffer."""
    saved = sys.stdout
    sys.stdout = into
    try:
        return run(code, ns, *more)
    finally:
        sys.stdout = saved


def describe(error, cap):
    try:
        return "%s: %s" % (type(error).__name__, str(error)[:cap])
    except BaseException:
        return type(error).__name__


if sys.argv[1:2] == ["child"]:
    child(int(sys.argv[2]), int(sys.argv[3]))
    sys.stdout.flush()
else:
    relay()
    # Skip the interpreter's clean-up (a good part of a short run): everything was written and flushed.
    os._exit(0)
