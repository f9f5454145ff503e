"""Runtime helpers of a generated workflow (standard library only) and its command line:

    python3 -m PACKAGE [inputs.json | -]     run once; JSON inputs from the file or stdin, JSON outputs on stdout
    python3 -m PACKAGE --cases cases.json    run each inputs object of a JSON array; one result per case
    python3 -m PACKAGE --serve PORT          HTTP: POST /run (JSON inputs -> JSON outputs), GET /health

A failed run prints {"error": {"code", "message"}} and exits with status 1 (HTTP: status 422).
"""
import http.server
import os
import sys
import threading

# Values may nest far deeper than Python's default 1,000 frames (only toJson/parseJson have a limit, SPEC §9):
# a deep run input must not end in a RecursionError. Threads get a stack to match.
sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
threading.stack_size(256 * 1024 * 1024)

from .values import variable, member, index, object_of, negate, add, arithmetic, compare, deep_equal, truthy, and_, or_, nullish, js_json, parse_json
from .functions import call
from .scheduler import WorkflowError, ComponentError, run_graph
from . import components as _components
from . import world as _world

__all__ = ["variable", "member", "index", "object_of", "negate", "add", "arithmetic", "compare", "deep_equal", "truthy", "and_", "or_", "nullish", "call", "run_graph", "main", "serve", "outcome", "WorkflowError", "ComponentError"]


def __getattr__(name):
    """`rt.c_<component>`: the component helpers live in components.py and world.py."""
    for module in (_components, _world):
        if hasattr(module, name):
            return getattr(module, name)
    raise AttributeError(name)


def outcome(run, inputs):
    if not isinstance(inputs, dict):
        return {"ok": False, "error": {"code": "INVALID_INPUTS", "message": "the inputs must be a JSON object"}}
    try:
        return {"ok": True, "outputs": run(inputs)}
    except WorkflowError as error:
        return {"ok": False, "error": {"code": error.code, "message": error.message}}
    except RecursionError:
        return {"ok": False, "error": {"code": "LIMIT_DEPTH", "message": "value too deeply nested"}}


def serve(run, port):
    class Handler(http.server.BaseHTTPRequestHandler):
        def send(self, status, body):
            data = js_json(body).encode("utf-8")
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path == "/health":
                return self.send(200, {"status": "ok"})
            self.send(404, {"error": {"code": "NOT_FOUND", "message": "use POST /run or GET /health"}})

        def do_POST(self):
            if self.path != "/run":
                return self.send(404, {"error": {"code": "NOT_FOUND", "message": "use POST /run or GET /health"}})
            length = int(self.headers.get("content-length") or 0)
            if length > 10 * 1024 * 1024:
                return self.send(413, {"error": {"code": "TOO_LARGE", "message": "the request body is too large"}})
            try:
                inputs = parse_json(self.rfile.read(length).decode("utf-8") or "{}")
            except ValueError:
                return self.send(400, {"error": {"code": "INVALID_JSON", "message": "the request body is not JSON"}})
            result = outcome(run, inputs)
            self.send(200 if result["ok"] else 422, result["outputs"] if result["ok"] else {"error": result["error"]})

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer((os.environ.get("HOST", "127.0.0.1"), port), Handler)
    print("listening on %d" % server.server_address[1], file=sys.stderr, flush=True)
    server.serve_forever()


def _read_json(path):
    text = sys.stdin.read() if path in (None, "-") else open(path, encoding="utf-8").read()
    return parse_json(text)


def main(run, argv=None):
    argv = sys.argv[1:] if argv is None else argv
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    if argv[:1] == ["--serve"]:
        return serve(run, int(argv[1] if len(argv) > 1 else os.environ.get("PORT", "8080")))
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    if argv[:1] == ["--cases"]:
        out.write(js_json([outcome(run, inputs) for inputs in _read_json(argv[1] if len(argv) > 1 else None)]) + "\n")
        return 0
    result = outcome(run, _read_json(argv[0] if argv else None))
    out.write(js_json(result["outputs"] if result["ok"] else {"error": result["error"]}) + "\n")
    return 0 if result["ok"] else 1
