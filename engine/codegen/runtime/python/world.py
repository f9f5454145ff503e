"""The outside world: an OpenAI-compatible LLM (LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_EMBEDDING_MODEL) through
urllib, and plain HTTP through the outbound guard (http_guard.py). Same requests, replies and error codes as the visual
builder's engine."""
import json
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request

from . import values as V
from .components import read, type_mismatch
from .http_guard import guarded_request
from .scheduler import ComponentError, WorkflowError

_HINT = "set LLM_BASE_URL (e.g. http://127.0.0.1:1234/v1), LLM_API_KEY (if the server needs one) and LLM_MODEL"


def _truncate(text, n=500):
    return text[:n] + "…" if len(text) > n else text


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class _NoDefaultContentType(urllib.request.BaseHandler):
    """urllib gives every body Content-Type application/x-www-form-urlencoded; the engine sends none unless set."""
    handler_order = 1000  # after urllib's own request processing

    def http_request(self, request):
        if not any(k.lower() == "content-type" for k in request.headers):
            request.unredirected_hdrs.pop("Content-type", None)
        return request

    https_request = http_request


def _send(url, method, headers, body, timeout):
    """(status, headers, text) for any HTTP status; raises OSError subclasses on network failure."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.build_opener(_NoRedirect, _NoDefaultContentType).open(request, timeout=timeout) as response:
            return response.status, dict(response.headers.items()), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read().decode("utf-8", "replace")


def _base_url():
    base = os.environ.get("LLM_BASE_URL", "").strip().rstrip("/")
    if not base:
        raise WorkflowError("LLM_NOT_CONFIGURED", "no LLM server is configured: " + _HINT)
    return base


def _llm_post(path, payload):
    base = _base_url()
    headers = {"content-type": "application/json", "accept": "application/json"}
    if os.environ.get("LLM_API_KEY"):
        headers["authorization"] = "Bearer " + os.environ["LLM_API_KEY"]
    try:
        timeout_ms = float(os.environ.get("LLM_TIMEOUT_MS", "60000"))
    except ValueError:
        timeout_ms = 60000.0
    try:
        status, _, text = _send(base + path, "POST", headers, V.js_json(payload).encode("utf-8"), timeout_ms / 1000.0)
    except socket.timeout:
        raise WorkflowError("LLM_TIMEOUT", "the LLM server at %s did not answer %s within %d ms" % (base, path, timeout_ms))
    except OSError as error:
        raise WorkflowError("LLM_UNREACHABLE", "could not reach the LLM server at %s: %s" % (base, error))
    if status < 200 or status > 299:
        raise WorkflowError("LLM_HTTP_%d" % status, "the LLM server answered %s with HTTP %d: %s" % (path, status, _truncate(text) or "(empty body)"))
    try:
        return V.parse_json(text)
    except ValueError:
        raise WorkflowError("LLM_BAD_RESPONSE", "the LLM server's answer to %s is malformed: the body is not JSON: %s" % (path, _truncate(text)))


def _pick_model(requested, fallback):
    _base_url()
    model = requested or fallback
    if not model:
        raise WorkflowError("LLM_NOT_CONFIGURED", "no model chosen: name one on the node or set LLM_MODEL (%s)" % _HINT)
    return model


def chat(model, messages, temperature=None, max_tokens=None, json_mode=False):
    payload = {"model": _pick_model(model, os.environ.get("LLM_MODEL")), "messages": messages}
    if temperature is not None:
        payload["temperature"] = temperature
    if max_tokens is not None:
        payload["max_tokens"] = max_tokens
    if json_mode:
        payload["response_format"] = {"type": "json_object"}
    reply = _llm_post("/chat/completions", payload)
    try:
        content = reply["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        content = None
    if not isinstance(content, str):
        raise WorkflowError("LLM_BAD_RESPONSE", "the LLM server's answer to /chat/completions is malformed: no choices[0].message.content string")
    return content


def embed(model, texts):
    chosen = _pick_model(model, os.environ.get("LLM_EMBEDDING_MODEL") or os.environ.get("LLM_MODEL"))
    data = (_llm_post("/embeddings", {"model": chosen, "input": texts}) or {}).get("data")

    def bad(detail):
        return WorkflowError("LLM_BAD_RESPONSE", "the LLM server's answer to /embeddings is malformed: " + detail)

    if not isinstance(data, list) or len(data) != len(texts):
        raise bad('expected %d embeddings in "data"' % len(texts))
    vectors = [None] * len(texts)
    for position, item in enumerate(data):
        index = item.get("index", position) if isinstance(item, dict) else position
        vector = item.get("embedding") if isinstance(item, dict) else None
        if not isinstance(vector, list) or not all(V.is_number(x) for x in vector) or not V.is_number(index) or not float(index).is_integer() or not 0 <= index < len(vectors) or vectors[int(index)] is not None:
            raise bad("item %d is not a numeric embedding with a distinct index" % position)
        vectors[int(index)] = vector
    return vectors


def _label_from_reply(reply, labels):
    candidate = reply.strip()
    try:
        parsed = V.parse_json(reply)
        candidate = parsed.get("label") if isinstance(parsed, dict) else (None if isinstance(parsed, list) else parsed)
    except ValueError:
        pass
    if not isinstance(candidate, str):
        return None
    wanted = candidate.strip().lower()
    return next((label for label in labels if label.lower() == wanted), None)


def c_llm(ctx, c):
    prompt = read(ctx, "prompt", "string")
    messages = ([{"role": "system", "content": c["system"]}] if c.get("system") else []) + [{"role": "user", "content": prompt}]
    content = chat(c.get("model"), messages, c["temperature"], c["maxTokens"], c["json"])
    if not c["json"]:
        return {"text": content}
    try:
        return {"text": content, "json": V.parse_json(content)}
    except ValueError:
        return {"text": content}


def c_classifier(ctx, c):
    text = read(ctx, "text", "string")
    labels = c["labels"]
    system = "\n".join(["Classify the text given by the user into exactly one of these labels: " + V.js_json(labels)] + ([c["instructions"]] if c.get("instructions") else []) + ['Reply with a JSON object only, of the form {"label": "<one of the labels>"}.'])
    content = chat(c.get("model"), [{"role": "system", "content": system}, {"role": "user", "content": text}], 0.0, None, True)
    label = _label_from_reply(content, labels)
    if label is None:
        raise ComponentError("LLM_INVALID_RESPONSE", "the model replied %s, which names none of the labels %s" % (V.quote(_truncate(content, 200)), ", ".join(labels)), ctx["node_id"])
    return {"label": label}


def c_embedder(ctx, c):
    text = read(ctx, "text", "any")
    single = isinstance(text, str)
    mismatch = None if single else type_mismatch(text, "array<string>")
    if mismatch:
        raise ComponentError("INVALID_INPUT", 'input "text": expected a string or an array of strings (%s)' % mismatch, ctx["node_id"])
    texts = [text] if single else text
    if not texts:
        return {"embeddings": []}
    vectors = embed(c.get("model"), texts)
    return {"embedding": vectors[0]} if single else {"embeddings": vectors}


# The engine's URL shape check (engine/components/http_request.ts), the same in every language.
_URL_SHAPE = re.compile(r"""^[Hh][Tt][Tt][Pp][Ss]?://(?:[^\x00-\x20\x7f/?#@\\]*@)?(?:[A-Za-z0-9._~!$&'()*+,;=%-]+|\[[0-9A-Fa-f:.]+\])(?::([0-9]*))?(?:[/?#][^\x00-\x20\x7f]*)?\Z""")


def _well_formed(s):
    """Each lone surrogate becomes U+FFFD, as the engine's fetch encodes text as UTF-8 (Python would raise)."""
    return re.sub("[\ud800-\udfff]", "\ufffd", V.normal_text(s)) if V.has_surrogate(s) else s


def _valid_url(url):
    match = _URL_SHAPE.match(url)
    return match is not None and (not match.group(1) or int(match.group(1)) <= 65535)


def c_http_request(ctx, c):
    method, node = c["method"], ctx["node_id"]
    base_url = read(ctx, "url", "string", False) or c.get("url")
    if not base_url:
        raise ComponentError("MISSING_INPUT", 'no URL: set config.url or connect the "url" input', node)
    if not re.match(r"https?://", base_url, re.IGNORECASE):
        raise ComponentError("INVALID_INPUT", "URL %s is not http(s)" % V.quote(base_url), node)
    if not _valid_url(base_url):
        raise ComponentError("INVALID_INPUT", "URL %s is not valid" % V.quote(base_url), node)
    query = read(ctx, "query", "object", False) or {}
    pairs = [(_well_formed(k), _well_formed(v if isinstance(v, str) else V.js_json(v))) for k, v in query.items() if v is not None]
    url = base_url + (("&" if "?" in base_url else "?") + urllib.parse.urlencode(pairs) if pairs else "")
    headers = dict(c["headers"])
    raw = ctx["inputs"].get("body")
    body = None
    if raw is not None:
        if method in ("GET", "HEAD"):
            raise ComponentError("INVALID_INPUT", "a %s request cannot have a body" % method, node)
        body = _well_formed(raw if isinstance(raw, str) else V.js_json(raw)).encode("utf-8")
        if not isinstance(raw, str) and not any(k.lower() == "content-type" for k in headers):
            headers["content-type"] = "application/json"
    status, reply_headers, text = guarded_request(_well_formed(url), method, headers, body, c["timeoutMs"])
    if c["failOnErrorStatus"] and status >= 400:
        raise ComponentError("HTTP_ERROR", "%s %s answered %d: %s" % (method, url, status, _truncate(text, 200)), node)
    response = {"status": float(status), "headers": reply_headers, "body": text}
    content_type = reply_headers.get("content-type", "")
    if re.search(r"\bjson\b", content_type, re.IGNORECASE):
        try:
            response["json"] = V.parse_json(text)
        except ValueError:
            pass
    return {"response": response}
