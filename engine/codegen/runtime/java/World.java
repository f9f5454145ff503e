package workflowruntime;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workflowruntime.Scheduler.Ctx;
import workflowruntime.Scheduler.WorkflowError;

/**
 * The outside world: an OpenAI-compatible LLM (LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_EMBEDDING_MODEL,
 * LLM_TIMEOUT_MS) through java.net.http, and plain HTTP through the outbound guard (HttpGuard). Same requests, replies
 * and error codes as the builder.
 */
public final class World {
  private World() {}

  private static final String HINT = "set LLM_BASE_URL (e.g. http://127.0.0.1:1234/v1), LLM_API_KEY (if the server needs one) and LLM_MODEL";
  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

  static String truncate(String text, int n) {
    return text.length() > n ? text.substring(0, n) + "…" : text;
  }

  static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }

  static HttpResponse<String> send(String method, String url, Map<String, String> headers, String body, double timeoutMs) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis((long) timeoutMs))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String llmBase() {
    String base = env("LLM_BASE_URL").trim().replaceAll("/+$", "");
    if (base.isEmpty()) throw new WorkflowError("LLM_NOT_CONFIGURED", "no LLM server is configured: " + HINT);
    return base;
  }

  static Object llmPost(String path, Map<String, Object> payload) {
    String base = llmBase();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    headers.put("accept", "application/json");
    if (!env("LLM_API_KEY").isEmpty()) headers.put("authorization", "Bearer " + env("LLM_API_KEY"));
    double timeoutMs = 60000;
    try {
      if (Double.parseDouble(env("LLM_TIMEOUT_MS")) > 0) timeoutMs = Double.parseDouble(env("LLM_TIMEOUT_MS"));
    } catch (NumberFormatException unset) {
      // the default
    }
    HttpResponse<String> reply;
    try {
      reply = send("POST", base + path, headers, Json.stringify(payload), timeoutMs);
    } catch (HttpTimeoutException error) {
      throw new WorkflowError("LLM_TIMEOUT", "the LLM server at " + base + " did not answer " + path + " within " + Rt.formatNumber(timeoutMs) + " ms");
    } catch (IOException | InterruptedException | IllegalArgumentException error) {
      throw new WorkflowError("LLM_UNREACHABLE", "could not reach the LLM server at " + base + ": " + error);
    }
    String text = reply.body();
    if (reply.statusCode() < 200 || reply.statusCode() > 299) {
      throw new WorkflowError("LLM_HTTP_" + reply.statusCode(), "the LLM server answered " + path + " with HTTP " + reply.statusCode() + ": " + (text.isEmpty() ? "(empty body)" : truncate(text, 500)));
    }
    try {
      return Json.parse(text);
    } catch (Json.JsonException error) {
      throw new WorkflowError("LLM_BAD_RESPONSE", "the LLM server's answer to " + path + " is malformed: the body is not JSON: " + truncate(text, 500));
    }
  }

  static String pickModel(Object requested, String fallback) {
    llmBase();
    if (requested instanceof String && !((String) requested).isEmpty()) return (String) requested;
    if (fallback.isEmpty()) throw new WorkflowError("LLM_NOT_CONFIGURED", "no model chosen: name one on the node or set LLM_MODEL (" + HINT + ")");
    return fallback;
  }

  static String chat(Object model, List<Object> messages, Object temperature, Object maxTokens, boolean json) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", pickModel(model, env("LLM_MODEL")));
    payload.put("messages", messages);
    if (temperature != null) payload.put("temperature", temperature);
    if (maxTokens != null) payload.put("max_tokens", maxTokens);
    if (json) payload.put("response_format", Rt.objectOf("type", "json_object"));
    Object content = Rt.member(Rt.member(Rt.index(Rt.member(llmPost("/chat/completions", payload), "choices"), 0.0), "message"), "content");
    if (!(content instanceof String)) throw new WorkflowError("LLM_BAD_RESPONSE", "the LLM server's answer to /chat/completions is malformed: no choices[0].message.content string");
    return (String) content;
  }

  static List<Object> embed(Object model, List<?> texts) {
    String chosen = pickModel(model, env("LLM_EMBEDDING_MODEL").isEmpty() ? env("LLM_MODEL") : env("LLM_EMBEDDING_MODEL"));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", chosen);
    payload.put("input", texts);
    Object data = Rt.member(llmPost("/embeddings", payload), "data");
    String bad = "the LLM server's answer to /embeddings is malformed: ";
    if (!(data instanceof List) || ((List<?>) data).size() != texts.size()) throw new WorkflowError("LLM_BAD_RESPONSE", bad + "expected " + texts.size() + " embeddings in \"data\"");
    List<Object> vectors = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) vectors.add(null);
    List<?> items = (List<?>) data;
    for (int position = 0; position < items.size(); position++) {
      Object index = Rt.member(items.get(position), "index");
      double at = index instanceof Double ? (Double) index : position;
      Object vector = Rt.member(items.get(position), "embedding");
      boolean valid = vector instanceof List && at == Math.floor(at) && at >= 0 && at < vectors.size() && vectors.get((int) at) == null
          && ((List<?>) vector).stream().allMatch(x -> x instanceof Double);
      if (!valid) throw new WorkflowError("LLM_BAD_RESPONSE", bad + "item " + position + " is not a numeric embedding with a distinct index");
      vectors.set((int) at, vector);
    }
    return vectors;
  }

  public static Map<String, Object> cLlm(Ctx ctx, Map<String, Object> c) {
    Object prompt = Components.read(ctx, "prompt", "string");
    List<Object> messages = new ArrayList<>();
    if (c.get("system") instanceof String && !((String) c.get("system")).isEmpty()) messages.add(Rt.objectOf("role", "system", "content", c.get("system")));
    messages.add(Rt.objectOf("role", "user", "content", prompt));
    boolean json = Boolean.TRUE.equals(c.get("json"));
    String content = chat(c.get("model"), messages, c.get("temperature"), c.get("maxTokens"), json);
    if (!json) return Components.ports("text", content);
    try {
      return Components.ports("text", content, "json", Json.parse(content));
    } catch (Json.JsonException error) {
      return Components.ports("text", content);
    }
  }

  public static Map<String, Object> cClassifier(Ctx ctx, Map<String, Object> c) {
    Object text = Components.read(ctx, "text", "string");
    List<?> labels = (List<?>) c.get("labels");
    StringBuilder system = new StringBuilder("Classify the text given by the user into exactly one of these labels: " + Json.stringify(labels));
    if (c.get("instructions") instanceof String && !((String) c.get("instructions")).isEmpty()) system.append('\n').append(c.get("instructions"));
    system.append("\nReply with a JSON object only, of the form {\"label\": \"<one of the labels>\"}.");
    String content = chat(c.get("model"), Rt.arr(Rt.objectOf("role", "system", "content", system.toString()), Rt.objectOf("role", "user", "content", text)), 0.0, null, true);
    Object candidate = Text.trim(content);
    try {
      Object parsed = Json.parse(content);
      candidate = parsed instanceof Map ? ((Map<?, ?>) parsed).get("label") : parsed;
    } catch (Json.JsonException notJson) {
      // maybe the bare label
    }
    if (candidate instanceof String) {
      String wanted = Text.lower(Text.trim((String) candidate));
      for (Object label : labels) if (Text.lower((String) label).equals(wanted)) return Components.ports("label", label);
    }
    List<String> names = new ArrayList<>();
    for (Object label : labels) names.add((String) label);
    throw Scheduler.componentError("LLM_INVALID_RESPONSE", "the model replied " + Json.quote(truncate(content, 200)) + ", which names none of the labels " + String.join(", ", names), ctx.nodeId);
  }

  public static Map<String, Object> cEmbedder(Ctx ctx, Map<String, Object> c) {
    Object text = Components.read(ctx, "text", "any");
    if (text instanceof String) return Components.ports("embedding", embed(c.get("model"), List.of(text)).get(0));
    String mismatch = Components.typeMismatch(text, "array<string>");
    if (mismatch != null) throw Scheduler.componentError("INVALID_INPUT", "input \"text\": expected a string or an array of strings (" + mismatch + ")", ctx.nodeId);
    List<?> texts = (List<?>) text;
    return Components.ports("embeddings", texts.isEmpty() ? new ArrayList<>() : embed(c.get("model"), texts));
  }

  private static final Pattern HTTP = Pattern.compile("^https?://", Pattern.CASE_INSENSITIVE);
  /** The engine's URL shape check (engine/components/http_request.ts), the same in every language. */
  private static final Pattern URL_SHAPE = Pattern.compile("^[Hh][Tt][Tt][Pp][Ss]?://(?:[^\\x00-\\x20\\x7f/?#@\\\\]*@)?(?:[A-Za-z0-9._~!$&'()*+,;=%-]+|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]*))?(?:[/?#][^\\x00-\\x20\\x7f]*)?$");

  static boolean validUrl(String url) {
    Matcher m = URL_SHAPE.matcher(url);
    if (!m.matches()) return false;
    String port = m.group(1) == null ? "" : m.group(1).replaceFirst("^0+", "");
    return port.length() < 5 || (port.length() == 5 && port.compareTo("65535") <= 0);
  }
  private static final Pattern JSON_TYPE = Pattern.compile("\\bjson\\b", Pattern.CASE_INSENSITIVE);

  private static String form(String text) {
    return URLEncoder.encode(wellFormed(text), StandardCharsets.UTF_8);
  }

  /** Each lone surrogate becomes U+FFFD, as the engine's fetch encodes text as UTF-8 (Java would write "?"). */
  static String wellFormed(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        if (b != null) b.append(c).append(s.charAt(i + 1));
        i++;
      } else if (Character.isSurrogate(c)) {
        if (b == null) b = new StringBuilder(s.substring(0, i));
        b.append('\uFFFD');
      } else if (b != null) b.append(c);
    }
    return b == null ? s : b.toString();
  }

  public static Map<String, Object> cHttpRequest(Ctx ctx, Map<String, Object> c) {
    String method = (String) c.get("method");
    Object urlInput = Components.read(ctx, "url", "string", false);
    String baseUrl = urlInput instanceof String ? (String) urlInput : c.get("url") instanceof String ? (String) c.get("url") : "";
    if (baseUrl.isEmpty()) throw Scheduler.componentError("MISSING_INPUT", "no URL: set config.url or connect the \"url\" input", ctx.nodeId);
    if (!HTTP.matcher(baseUrl).find()) throw Scheduler.componentError("INVALID_INPUT", "URL " + Json.quote(baseUrl) + " is not http(s)", ctx.nodeId);
    if (!validUrl(baseUrl)) throw Scheduler.componentError("INVALID_INPUT", "URL " + Json.quote(baseUrl) + " is not valid", ctx.nodeId);
    URI target;
    try {
      target = URI.create(baseUrl);
      // The host as the engine reads it: 2130706433 is 127.0.0.1, not a registry name java.net.URI gives up on.
      if (HttpGuard.parse(baseUrl, null) == null) throw new IllegalArgumentException("no host");
    } catch (IllegalArgumentException error) {
      throw Scheduler.componentError("INVALID_INPUT", "URL " + Json.quote(baseUrl) + " is not valid", ctx.nodeId);
    }
    StringBuilder url = new StringBuilder(baseUrl);
    Object query = Components.read(ctx, "query", "object", false);
    if (query instanceof Map) {
      String separator = target.getRawQuery() == null ? "?" : "&";
      for (Map.Entry<?, ?> e : ((Map<?, ?>) query).entrySet()) {
        if (e.getValue() == null) continue;
        String value = e.getValue() instanceof String ? (String) e.getValue() : Json.stringify(e.getValue());
        url.append(separator).append(form((String) e.getKey())).append('=').append(form(value));
        separator = "&";
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (c.get("headers") instanceof Map) ((Map<?, ?>) c.get("headers")).forEach((k, v) -> headers.put((String) k, String.valueOf(v)));
    Object raw = ctx.inputs.get("body");
    String body = null;
    if (raw != null) {
      if (method.equals("GET") || method.equals("HEAD")) throw Scheduler.componentError("INVALID_INPUT", "a " + method + " request cannot have a body", ctx.nodeId);
      body = wellFormed(raw instanceof String ? (String) raw : Json.stringify(raw));
      if (!(raw instanceof String) && headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("content-type"))) headers.put("content-type", "application/json");
    }
    HttpGuard.Reply reply = HttpGuard.send(method, url.toString(), headers, body, (Double) c.get("timeoutMs"));
    if (Boolean.TRUE.equals(c.get("failOnErrorStatus")) && reply.status() >= 400) {
      throw Scheduler.componentError("HTTP_ERROR", method + " " + url + " answered " + reply.status() + ": " + truncate(reply.body(), 200), ctx.nodeId);
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("status", (double) reply.status());
    response.put("headers", new LinkedHashMap<String, Object>(reply.headers()));
    response.put("body", reply.body());
    if (JSON_TYPE.matcher(reply.headers().getOrDefault("content-type", "")).find()) {
      try {
        response.put("json", Json.parse(reply.body()));
      } catch (Json.JsonException mislabelled) {
        // a mislabelled body stays in `body`
      }
    }
    return Components.ports("response", response);
  }
}
