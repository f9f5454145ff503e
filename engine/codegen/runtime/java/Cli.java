package workflowruntime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The command line of a generated workflow:
 *   java -cp out PACKAGE.Workflow [inputs.json | -]     run once; JSON inputs from the file or stdin → JSON outputs
 *   java -cp out PACKAGE.Workflow --cases cases.json    run each inputs object of a JSON array; one result per case
 *   java -cp out PACKAGE.Workflow --serve PORT          HTTP: POST /run (JSON inputs → JSON outputs), GET /health
 * A failed run prints {"error": {"code", "message"}} and exits with status 1 (HTTP: status 422).
 */
public final class Cli {
  private Cli() {}

  /** A generated workflow's run(inputs). */
  @FunctionalInterface
  public interface RunFunction {
    Map<String, Object> run(Map<String, Object> inputs);
  }

  /** {ok, outputs} or {ok, error: {code, message}}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> outcome(RunFunction run, Object inputs) {
    if (!(inputs instanceof Map)) return (Map<String, Object>) Rt.objectOf("ok", false, "error", Rt.objectOf("code", "INVALID_INPUTS", "message", "the inputs must be a JSON object"));
    try {
      return (Map<String, Object>) Rt.objectOf("ok", true, "outputs", run.run((Map<String, Object>) inputs));
    } catch (Scheduler.WorkflowError error) {
      return (Map<String, Object>) Rt.objectOf("ok", false, "error", Rt.objectOf("code", error.code, "message", error.getMessage()));
    } catch (RuntimeException | StackOverflowError error) {
      Scheduler.WorkflowError failure = Scheduler.asWorkflowError(error);
      return (Map<String, Object>) Rt.objectOf("ok", false, "error", Rt.objectOf("code", "INTERNAL", "message", failure.getMessage()));
    }
  }

  static Object readJson(String path) throws IOException, Json.JsonException {
    byte[] data = path == null || path.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(path));
    return Json.parse(new String(data, StandardCharsets.UTF_8));
  }

  /** Runs the command line; returns the exit status, or -1 while serving (the process must stay up). */
  public static int main(RunFunction run, String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try {
      if (args.length > 0 && args[0].equals("--serve")) {
        String port = args.length > 1 ? args[1] : System.getenv("PORT") != null ? System.getenv("PORT") : "8080";
        serve(run, Integer.parseInt(port));
        return -1;
      }
      if (args.length > 0 && args[0].equals("--cases")) {
        List<Object> results = new ArrayList<>();
        for (Object inputs : (List<?>) readJson(args.length > 1 ? args[1] : null)) results.add(outcome(run, inputs));
        out.println(Json.stringify(results));
        return 0;
      }
      Map<String, Object> result = outcome(run, readJson(args.length > 0 ? args[0] : null));
      boolean ok = Boolean.TRUE.equals(result.get("ok"));
      out.println(Json.stringify(ok ? result.get("outputs") : Rt.objectOf("error", result.get("error"))));
      return ok ? 0 : 1;
    } catch (IOException | Json.JsonException | ClassCastException | NumberFormatException error) {
      System.err.println("cannot read the inputs: " + error.getMessage());
      return 2;
    }
  }

  static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] data = Json.stringify(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, data.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(data);
    }
  }

  static void handle(RunFunction run, HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod(), path = exchange.getRequestURI().getPath();
    if (method.equals("GET") && path.equals("/health")) {
      reply(exchange, 200, Rt.objectOf("status", "ok"));
      return;
    }
    if (!method.equals("POST") || !path.equals("/run")) {
      reply(exchange, 404, Rt.objectOf("error", Rt.objectOf("code", "NOT_FOUND", "message", "use POST /run or GET /health")));
      return;
    }
    byte[] data = exchange.getRequestBody().readNBytes(10 * 1024 * 1024 + 1);
    if (data.length > 10 * 1024 * 1024) {
      reply(exchange, 413, Rt.objectOf("error", Rt.objectOf("code", "TOO_LARGE", "message", "the request body is too large")));
      return;
    }
    Object inputs;
    try {
      String text = new String(data, StandardCharsets.UTF_8);
      inputs = Json.parse(text.isEmpty() ? "{}" : text);
    } catch (Json.JsonException error) {
      reply(exchange, 400, Rt.objectOf("error", Rt.objectOf("code", "INVALID_JSON", "message", "the request body is not JSON")));
      return;
    }
    Map<String, Object> result = outcome(run, inputs);
    boolean ok = Boolean.TRUE.equals(result.get("ok"));
    reply(exchange, ok ? 200 : 422, ok ? result.get("outputs") : Rt.objectOf("error", result.get("error")));
  }

  /** Answers POST /run and GET /health on HOST (default 127.0.0.1) and port. */
  public static void serve(RunFunction run, int port) throws IOException {
    String host = System.getenv("HOST") != null ? System.getenv("HOST") : "127.0.0.1";
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/", exchange -> {
      try {
        handle(run, exchange);
      } finally {
        exchange.close();
      }
    });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    System.err.println("listening on " + server.getAddress().getPort());
  }
}
