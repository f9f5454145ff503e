import { counter, failNTimes, stubborn } from './support/components';
import { describe as show, graph, link, node, run } from './support/harness';

describe('per-node policy', () => {
  it('retries with backoff: fails twice, succeeds on attempt 3', async () => {
    const flaky = failNTimes(2);
    const workflow = graph([node('f', 'test/flaky', {}, { retries: 3, retryBackoffMs: 1 }), node('o', 'core/output')], [link('f.value', 'o.value')]);
    const result = await run(workflow, { components: [flaky] });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ o: 'ok' });
    expect(flaky.calls).toBe(3);
    expect(result.steps[0]).toMatchObject({ nodeId: 'f', status: 'succeeded', attempt: 3 });
    const retried = result.events.filter((event) => event.type === 'NODE_RETRIED');
    expect(retried).toEqual([
      expect.objectContaining({ nodeId: 'f', attempt: 2, error: { code: 'FLAKY', message: 'failure 1' } }),
      expect.objectContaining({ nodeId: 'f', attempt: 3, error: { code: 'FLAKY', message: 'failure 2' } }),
    ]);
  });

  it('fails the run naming the node when retries are exhausted', async () => {
    const flaky = failNTimes(5);
    const result = await run(graph([node('f', 'test/flaky', {}, { retries: 1, retryBackoffMs: 1 })]), { components: [flaky] });
    expect(flaky.calls).toBe(2);
    expect(result.status).toBe('failed');
    expect(result.error).toEqual({ code: 'FLAKY', message: 'node "f" (test/flaky) failed: failure 2' });
    expect(result.steps[0]).toMatchObject({ status: 'failed', attempt: 2, error: { code: 'FLAKY', message: 'failure 2' } });
    expect(result.events.map(show)).toContain('failed:f');
  });

  it('times out a node that ignores its signal, and aborts its signal', async () => {
    const hang = stubborn();
    const result = await run(graph([node('h', 'test/stubborn', {}, { timeoutMs: 20 })]), { components: [hang] });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('NODE_TIMEOUT');
    expect(result.error?.message).toMatch(/"h" timed out after 20 ms/);
    expect(hang.sawAbort).toBe(true);
  });

  it('a timeout counts as a failed attempt for retries', async () => {
    const result = await run(graph([node('s', 'test/slow', { delay: 200, value: 1 }, { timeoutMs: 10, retries: 1, retryBackoffMs: 1 })]));
    expect(result.error?.code).toBe('NODE_TIMEOUT');
    expect(result.steps[0].attempt).toBe(2);
  });

  it("onError 'continue' emits defaultOutputs and records the error", async () => {
    const flaky = failNTimes(9);
    const workflow = graph(
      [node('f', 'test/flaky', {}, { onError: 'continue', defaultOutputs: { value: 'fallback' } }), node('o', 'core/output')],
      [link('f.value', 'o.value')],
    );
    const result = await run(workflow, { components: [flaky] });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ o: 'fallback' });
    expect(result.steps[0]).toMatchObject({ status: 'succeeded', outputs: { value: 'fallback' }, error: { code: 'FLAKY' } });
  });

  it("onError 'route' fires only the error port; dependants of other ports are skipped", async () => {
    const flaky = failNTimes(9);
    const workflow = graph(
      [node('f', 'test/flaky', {}, { onError: 'route' }), node('happy', 'test/add'), node('handler', 'core/output', { name: 'problem' })],
      [link('f.value', 'happy.value'), link('f.error', 'handler.value')],
    );
    const result = await run(workflow, { components: [flaky] });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ problem: { message: 'failure 1', code: 'FLAKY', nodeId: 'f' } });
    expect(result.steps.find((step) => step.nodeId === 'happy')?.status).toBe('skipped');
  });

  it('a failing node aborts its running siblings and stops pending nodes', async () => {
    const flaky = failNTimes(1);
    const hang = stubborn();
    const workflow = graph([node('h', 'test/stubborn'), node('f', 'test/flaky'), node('after', 'test/add')], [link('f.value', 'after.value')]);
    const result = await run(workflow, { components: [flaky, hang] });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('FLAKY');
    expect(hang.sawAbort).toBe(true);
    expect(result.steps.find((step) => step.nodeId === 'h')).toMatchObject({ status: 'failed', error: { code: 'ABORTED' } });
    expect(result.steps.some((step) => step.nodeId === 'after')).toBe(false);
  });
});

describe('cancellation', () => {
  it('cancels mid-run: running nodes aborted, pending ones never start', async () => {
    const controller = new AbortController();
    const sideEffect = counter();
    const workflow = graph([node('s', 'test/slow', { delay: 5_000, value: 1 }), node('next', 'test/counter')], [link('s.value', 'next.value')]);
    const pending = run(workflow, {
      signal: controller.signal,
      components: [sideEffect],
      // Abort a little after the slow node started: really mid-run, not before it.
      onEvent: (event) => event.type === 'NODE_STARTED' && setTimeout(() => controller.abort(), 10),
    });
    const result = await pending;
    expect(result.status).toBe('cancelled');
    expect(result.error?.code).toBe('CANCELLED');
    expect(result.steps).toEqual([expect.objectContaining({ nodeId: 's', status: 'failed', error: expect.objectContaining({ code: 'CANCELLED' }) })]);
    expect(sideEffect.calls).toBe(0);
    expect(result.events.at(-1)).toMatchObject({ type: 'RUN_FINISHED', status: 'cancelled' });
  });

  it('an already-aborted signal runs nothing', async () => {
    const sideEffect = counter();
    const result = await run(graph([node('n', 'test/counter')]), { signal: AbortSignal.abort(), components: [sideEffect] });
    expect(result.status).toBe('cancelled');
    expect(sideEffect.calls).toBe(0);
  });

  it('cancellation interrupts a retry backoff', async () => {
    const controller = new AbortController();
    const flaky = failNTimes(9);
    const pending = run(graph([node('f', 'test/flaky', {}, { retries: 5, retryBackoffMs: 60_000 })]), {
      signal: controller.signal,
      components: [flaky],
      onEvent: (event) => event.type === 'NODE_RETRIED' && controller.abort(),
    });
    const result = await pending;
    expect(result.status).toBe('cancelled');
    expect(flaky.calls).toBe(1);
  });
});
