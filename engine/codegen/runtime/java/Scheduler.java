package workflowruntime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The data-flow scheduler, with the visual builder's semantics: a node runs when every connected input has settled;
 * a node whose inputs were not produced is skipped (skip propagates); merge-like nodes run on partial inputs;
 * per-node timeout, retries with exponential backoff and onError fail | continue | route. Ready nodes start lowest
 * index first; with `concurrent` up to 8 independent nodes run at once on threads.
 */
public final class Scheduler {
  private Scheduler() {}

  /** Fails a node or a run with a code; retryable false means retries are pointless (limits). */
  public static class WorkflowError extends RuntimeException {
    public final String code;
    final boolean retryable;

    public WorkflowError(String code, String message, boolean retryable) {
      super(message);
      this.code = code;
      this.retryable = retryable;
    }

    public WorkflowError(String code, String message) {
      this(code, message, true);
    }
  }

  /** A component's own failure; the message names the node, as the engine's do. */
  static WorkflowError componentError(String code, String message, String nodeId) {
    return new WorkflowError(code, nodeId == null ? message : "node \"" + nodeId + "\": " + message);
  }

  @FunctionalInterface
  public interface NodeFunction {
    Map<String, Object> run(Ctx ctx) throws Exception;
  }

  /** An input port and its connections (source node indexes and their ports). */
  public static final class Input {
    final String port;
    final boolean multiple;
    final int[] sources;
    final String[] sourcePorts;

    public Input(String port, boolean multiple, int[] sources, String[] sourcePorts) {
      this.port = port;
      this.multiple = multiple;
      this.sources = sources;
      this.sourcePorts = sourcePorts;
    }
  }

  /** One row of a generated node table; `output` is the run output it publishes, or null. */
  public static final class Node {
    final String id, component, output;
    final NodeFunction run;
    final Input[] inputs;
    final boolean partial;
    final Map<String, Object> settings;

    public Node(String id, String component, NodeFunction run, Input[] inputs, boolean partial, Map<String, Object> settings, String output) {
      this.id = id;
      this.component = component;
      this.run = run;
      this.inputs = inputs;
      this.partial = partial;
      this.settings = settings;
      this.output = output;
    }
  }

  /** What a node's function receives. */
  public static final class Ctx {
    public final String nodeId;
    public final Map<String, Object> inputs, runInputs;
    final boolean concurrent;

    Ctx(String nodeId, Map<String, Object> inputs, Map<String, Object> runInputs, boolean concurrent) {
      this.nodeId = nodeId;
      this.inputs = inputs;
      this.runInputs = runInputs;
      this.concurrent = concurrent;
    }
  }

  static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    return thread;
  });

  static WorkflowError asWorkflowError(Throwable error) {
    if (error instanceof ExecutionException && error.getCause() != null) error = error.getCause();
    if (error instanceof WorkflowError) return (WorkflowError) error;
    if (error instanceof Rt.ExpressionError) return new WorkflowError(((Rt.ExpressionError) error).code, error.getMessage());
    if (error instanceof StackOverflowError) return new WorkflowError("LIMIT_DEPTH", "value too deeply nested");
    return new WorkflowError("COMPONENT_ERROR", String.valueOf(error.getMessage() != null ? error.getMessage() : error));
  }

  private static double number(Map<String, Object> settings, String key, double fallback) {
    Object value = settings == null ? null : settings.get(key);
    return value instanceof Double ? (Double) value : fallback;
  }

  static Map<String, Object> runNode(Node node, Map<String, Object> inputs, Map<String, Object> runInputs, boolean concurrent) {
    Map<String, Object> settings = node.settings;
    int retriesLeft = (int) number(settings, "retries", 0);
    double timeoutMs = number(settings, "timeoutMs", 0);
    for (int attempt = 1; ; attempt++) {
      Ctx ctx = new Ctx(node.id, inputs, runInputs, concurrent);
      WorkflowError failure;
      try {
        Map<String, Object> out;
        if (timeoutMs > 0) {
          Future<Map<String, Object>> pending = THREADS.submit(() -> node.run.run(ctx));
          try {
            out = pending.get((long) (timeoutMs * 1000), TimeUnit.MICROSECONDS);
          } catch (TimeoutException timedOut) {
            pending.cancel(true);
            throw new WorkflowError("NODE_TIMEOUT", "node \"" + node.id + "\" timed out after " + Rt.formatNumber(timeoutMs) + " ms");
          }
        } else out = node.run.run(ctx);
        return out == null ? new HashMap<>() : out;
      } catch (Throwable error) {
        failure = asWorkflowError(error);
      }
      if (retriesLeft > 0 && failure.retryable) {
        retriesLeft--;
        try {
          Thread.sleep((long) (number(settings, "retryBackoffMs", 100) * Math.pow(2, attempt - 1)));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        continue;
      }
      Object onError = settings == null ? null : settings.get("onError");
      if ("continue".equals(onError)) {
        Map<String, Object> out = new HashMap<>();
        if (settings.get("defaultOutputs") instanceof Map) ((Map<?, ?>) settings.get("defaultOutputs")).forEach((k, v) -> out.put((String) k, v));
        return out;
      }
      if ("route".equals(onError)) {
        Map<String, Object> out = new HashMap<>();
        out.put("error", Rt.objectOf("message", failure.getMessage(), "code", failure.code, "nodeId", node.id));
        return out;
      }
      String message = failure.getMessage();
      if (!message.startsWith("node \"" + node.id + "\"")) message = "node \"" + node.id + "\" (" + node.component + ") failed: " + message;
      throw new WorkflowError(failure.code, message);
    }
  }

  /** A node's inputs by port, or null when it must be skipped. */
  static Map<String, Object> collectInputs(Node node, List<Map<String, Object>> results) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    int live = 0, dead = 0;
    for (Input input : node.inputs) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < input.sources.length; i++) {
        Map<String, Object> produced = results.get(input.sources[i]);
        if (produced != null && produced.containsKey(input.sourcePorts[i])) values.add(produced.get(input.sourcePorts[i]));
      }
      if (values.isEmpty()) dead++;
      else {
        inputs.put(input.port, input.multiple ? values : values.get(0));
        live++;
      }
    }
    if (node.partial) return live > 0 || node.inputs.length == 0 ? inputs : null;
    return dead == 0 ? inputs : null;
  }

  /** Runs a node table on the run inputs and returns the outputs collected from output nodes. */
  public static Map<String, Object> runGraph(Node[] graph, Map<String, Object> runInputs, boolean concurrent) {
    int count = graph.length;
    List<Map<String, Object>> results = new ArrayList<>();
    int[] pending = new int[count];
    List<List<Integer>> dependents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      results.add(null);
      dependents.add(new ArrayList<>());
    }
    for (int index = 0; index < count; index++) {
      for (Input input : graph[index].inputs) {
        pending[index] += input.sources.length;
        for (int source : input.sources) dependents.get(source).add(index);
      }
    }
    java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
    for (int i = 0; i < count; i++) if (pending[i] == 0) ready.add(i);
    Map<String, Object> outputs = new LinkedHashMap<>();
    Map<Integer, Map<String, Object>> inputsOf = new HashMap<>();
    ExecutorCompletionService<Object[]> done = concurrent ? new ExecutorCompletionService<>(THREADS) : null;
    int running = 0;
    WorkflowError failure = null;
    int failedIndex = count;
    while (true) {
      while (failure == null && (concurrent ? running < 8 : running == 0) && !ready.isEmpty()) {
        int index = ready.poll();
        Map<String, Object> inputs = collectInputs(graph[index], results);
        if (inputs == null) {
          for (int dependent : dependents.get(index)) if (--pending[dependent] == 0) ready.add(dependent);
          continue;
        }
        inputsOf.put(index, inputs);
        if (!concurrent) {
          settle(graph, index, inputs, runNode(graph[index], inputs, runInputs, false), results, outputs, dependents, pending, ready);
          continue;
        }
        running++;
        done.submit(() -> {
          try {
            return new Object[] {index, runNode(graph[index], inputs, runInputs, true)};
          } catch (WorkflowError error) {
            return new Object[] {index, error};
          }
        });
      }
      if (running == 0) {
        if (failure != null) throw failure;
        if (ready.isEmpty()) return outputs;
        continue;
      }
      Object[] finished;
      try {
        finished = done.take().get();
      } catch (InterruptedException | ExecutionException error) {
        throw asWorkflowError(error);
      }
      running--;
      int index = (Integer) finished[0];
      if (finished[1] instanceof WorkflowError) {
        // Several nodes may fail while running together: report the first started, as the engine does.
        if (failure == null || index < failedIndex) {
          failure = (WorkflowError) finished[1];
          failedIndex = index;
        }
      } else if (failure == null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> produced = (Map<String, Object>) finished[1];
        settle(graph, index, inputsOf.get(index), produced, results, outputs, dependents, pending, ready);
      }
    }
  }

  private static void settle(Node[] graph, int index, Map<String, Object> inputs, Map<String, Object> produced, List<Map<String, Object>> results,
      Map<String, Object> outputs, List<List<Integer>> dependents, int[] pending, java.util.PriorityQueue<Integer> ready) {
    if (graph[index].output != null) outputs.put(graph[index].output, inputs.get("value"));
    results.set(index, produced);
    for (int dependent : dependents.get(index)) if (--pending[dependent] == 0) ready.add(dependent);
  }
}
