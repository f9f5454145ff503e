"""The data-flow scheduler, with the visual builder's semantics.

A node runs when every connected input has settled; a node whose inputs were not produced is skipped (skip
propagates); merge-like nodes run on partial inputs; per-node timeout, retries with exponential backoff and
onError fail | continue | route. Ready nodes start lowest index first; with `concurrent`, up to 8 independent
nodes run at once on threads.
"""
import concurrent.futures
import threading
import time


class WorkflowError(Exception):
    def __init__(self, code, message, retryable=True):
        super().__init__(message)
        self.code = code
        self.message = message
        self.retryable = retryable


class ComponentError(WorkflowError):
    """A component's own failure; the message names the node, as the engine's do."""

    def __init__(self, code, message, node_id=None):
        super().__init__(code, 'node "%s": %s' % (node_id, message) if node_id else message)


def error_info(error):
    code = getattr(error, "code", None)
    return (code if isinstance(code, str) and code else "COMPONENT_ERROR", str(error))


def _with_timeout(fn, ctx, timeout_ms, node_id):
    """Runs fn(ctx) on a daemon thread; a node that overruns is abandoned, as the engine abandons it."""
    box = {}
    done = threading.Event()

    def target():
        try:
            box["value"] = fn(ctx)
        except BaseException as error:  # handed over to the caller's thread
            box["error"] = error
        done.set()

    threading.Thread(target=target, daemon=True).start()
    if not done.wait(timeout_ms / 1000.0):
        raise WorkflowError("NODE_TIMEOUT", 'node "%s" timed out after %d ms' % (node_id, timeout_ms))
    if "error" in box:
        raise box["error"]
    return box["value"]


def run_node(node, inputs, run_inputs, world):
    settings = node["settings"] or {}
    retries_left = settings.get("retries") or 0
    attempt = 0
    while True:
        attempt += 1
        ctx = {"node_id": node["id"], "inputs": inputs, "run_inputs": run_inputs, "world": world}
        try:
            timeout = settings.get("timeoutMs")
            outputs = _with_timeout(node["run"], ctx, timeout, node["id"]) if timeout else node["run"](ctx)
            return outputs or {}
        except Exception as error:
            code, message = error_info(error)
            if retries_left > 0 and getattr(error, "retryable", True) is not False:
                retries_left -= 1
                backoff = settings.get("retryBackoffMs")
                time.sleep((100 if backoff is None else backoff) * 2 ** (attempt - 1) / 1000.0)
                continue
            on_error = settings.get("onError") or "fail"
            if on_error == "continue":
                return dict(settings.get("defaultOutputs") or {})
            if on_error == "route":
                return {"error": {"message": message, "code": code, "nodeId": node["id"]}}
            prefix = 'node "%s"' % node["id"]
            named = message if message.startswith(prefix) else "%s (%s) failed: %s" % (prefix, node["component"], message)
            raise WorkflowError(code, named)


def _collect_inputs(node, results):
    inputs = {}
    live = dead = 0
    for port, multiple, sources in node["inputs"]:
        values = []
        for source, source_port in sources:
            produced = results[source]
            if produced is not None and source_port in produced:
                values.append(produced[source_port])
        if not values:
            dead += 1
        else:
            inputs[port] = values if multiple else values[0]
            live += 1
    if node["partial"]:
        return inputs if live > 0 or not node["inputs"] else None
    return inputs if dead == 0 else None


def run_graph(graph, run_inputs, world):
    """Runs a node table and returns the outputs collected from output nodes; raises WorkflowError on failure."""
    count = len(graph)
    results = [None] * count
    pending = [sum(len(i[2]) for i in node["inputs"]) for node in graph]
    dependents = [[] for _ in graph]
    for index, node in enumerate(graph):
        for _, _, sources in node["inputs"]:
            for source, _ in sources:
                dependents[source].append(index)
    ready = [i for i in range(count) if pending[i] == 0]
    outputs = {}

    def release(index):
        for dependent in dependents[index]:
            pending[dependent] -= 1
            if pending[dependent] == 0:
                ready.append(dependent)

    def settle(index, inputs, produced):
        node = graph[index]
        if node["output"] is not None:
            outputs[node["output"]] = inputs["value"]
        results[index] = produced
        release(index)

    def next_runnable():
        while ready:
            ready.sort()
            index = ready.pop(0)
            inputs = _collect_inputs(graph[index], results)
            if inputs is not None:
                return index, inputs
            release(index)
        return None

    if not world.get("concurrent"):
        while True:
            item = next_runnable()
            if item is None:
                return outputs
            index, inputs = item
            settle(index, inputs, run_node(graph[index], inputs, run_inputs, world))

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        running = {}
        failure = None
        while True:
            while failure is None and len(running) < 8:
                item = next_runnable()
                if item is None:
                    break
                index, inputs = item
                running[pool.submit(run_node, graph[index], inputs, run_inputs, world)] = (index, inputs)
            if not running:
                if failure is not None:
                    raise failure
                return outputs
            done, _ = concurrent.futures.wait(running, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: running[f][0]):
                index, inputs = running.pop(future)
                try:
                    produced = future.result()
                except Exception as error:
                    failure = failure or error
                    continue
                if failure is None:
                    settle(index, inputs, produced)
