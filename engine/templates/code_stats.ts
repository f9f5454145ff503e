/** A `code` node: summary statistics computed by user JavaScript in the sandbox. */
import { graph, node, wire } from './build';
import type { TemplateDefinition } from './types';

const STATS_CODE = `const xs = inputs.value;
if (!Array.isArray(xs) || xs.length === 0) throw new Error('need a non-empty array of numbers');
const sorted = [...xs].sort((a, b) => a - b);
const sum = xs.reduce((acc, x) => acc + x, 0);
const middle = Math.floor(sorted.length / 2);
const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
return { count: xs.length, sum, mean: sum / xs.length, median, min: sorted[0], max: sorted[sorted.length - 1], unit: config.unit };`;

/** The same function body in Python, used when the workflow is generated as a Python project (engine/codegen). */
const STATS_PYTHON = `xs = inputs["value"]
if not isinstance(xs, list) or not xs:
    raise ValueError("need a non-empty array of numbers")
ordered = sorted(xs)
total = sum(xs)
middle = len(ordered) // 2
median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
return {"count": len(xs), "sum": total, "mean": total / len(xs), "median": median, "min": ordered[0], "max": ordered[-1], "unit": config["unit"]}`;

/** The same function body in Go (`func(inputs, config map[string]any) (any, error)`), for generated Go projects. */
const STATS_GO = `xs, ok := inputs["value"].([]any)
if !ok || len(xs) == 0 {
	return nil, errors.New("need a non-empty array of numbers")
}
ordered := make([]float64, len(xs))
total := 0.0
for i, x := range xs {
	ordered[i] = x.(float64)
	total += ordered[i]
}
sort.Float64s(ordered)
middle := len(ordered) / 2
median := ordered[middle]
if len(ordered)%2 == 0 {
	median = (ordered[middle-1] + ordered[middle]) / 2
}
return map[string]any{"count": len(xs), "sum": total, "mean": total / float64(len(xs)), "median": median, "min": ordered[0], "max": ordered[len(ordered)-1], "unit": config["unit"]}, nil`;

/** The same function body in Java (`Object apply(Map<String, Object> inputs, Map<String, Object> config)`). */
const STATS_JAVA = `if (!(inputs.get("value") instanceof List<?> xs) || xs.isEmpty()) throw new IllegalArgumentException("need a non-empty array of numbers");
double[] ordered = xs.stream().mapToDouble(x -> (Double) x).sorted().toArray();
double total = 0;
for (Object x : xs) total += (Double) x;
int middle = ordered.length / 2;
double median = ordered.length % 2 == 1 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2;
return Map.of("count", xs.size(), "sum", total, "mean", total / xs.size(), "median", median, "min", ordered[0], "max", ordered[ordered.length - 1], "unit", config.get("unit"));`;

export const codeStatsTemplate: TemplateDefinition = {
  id: 'code_stats',
  name: 'Statistics in code',
  description: 'Sends a list of numbers to a sandboxed JavaScript node that returns count, sum, mean, median, min and max.',
  categories: ['code'],
  graph: graph(
    [
      node('numbers', 'core/input', 0, 0, { name: 'numbers', type: 'array<number>' }),
      node(
        'stats',
        'core/code',
        1,
        0,
        { code: STATS_CODE, python: STATS_PYTHON, go: STATS_GO, java: STATS_JAVA, timeoutMs: 1000, params: { unit: 'ms' } },
        'Compute stats',
      ),
      node('out', 'core/output', 2, 0, { name: 'stats' }),
    ],
    [wire('numbers.value', 'stats.value'), wire('stats.value', 'out.value')],
  ),
  sampleInputs: { numbers: [12, 3, 7, 9, 4, 1] },
  expectedOutputs: { stats: { count: 6, sum: 36, mean: 6, median: 5.5, min: 1, max: 12, unit: 'ms' } },
};
