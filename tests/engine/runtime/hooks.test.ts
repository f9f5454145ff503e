import type { NodeBoundary, StepRecord } from '../../../engine/runtime/types';
import { counter, failNTimes } from './support/components';
import { chainGraph, describe as show, graph, link, node, run } from './support/harness';

const withOutput = (workflow: ReturnType<typeof chainGraph>, from: string) => {
  workflow.nodes.push(node('out', 'core/output'));
  workflow.connections.push(link(`${from}.value`, 'out.value'));
  return workflow;
};

/** Lets pending timers and promise jobs run, so a run that is not paused would have finished. */
const settleABit = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('step hooks (the debugger driver)', () => {
  it('pausing in beforeNode holds the run until the driver resumes', async () => {
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    const live: string[] = [];
    let finished = false;
    const pending = run(withOutput(chainGraph(3), 'n3'), {
      sequential: true,
      onEvent: (event) => void live.push(show(event)),
      hooks: { beforeNode: ({ node: current }) => (current.id === 'n2' ? paused : undefined) },
    }).then((result) => {
      finished = true;
      return result;
    });
    await settleABit();
    expect(finished).toBe(false);
    expect(live).toEqual(['RUN_STARTED', 'started:c', 'succeeded:c', 'started:n1', 'succeeded:n1']);
    resume();
    const result = await pending;
    expect(result.outputs).toEqual({ out: 3 });
    expect(live.filter((event) => event.startsWith('started'))).toEqual(['started:c', 'started:n1', 'started:n2', 'started:n3', 'started:out']);
  });

  it('replay uses recorded outputs instead of running a side-effecting node', async () => {
    const sideEffect = counter();
    const workflow = graph(
      [node('c', 'test/const', { value: 'x' }), node('effect', 'test/counter'), node('out', 'core/output')],
      [link('c.value', 'effect.value'), link('effect.value', 'out.value')],
    );
    const result = await run(workflow, {
      components: [sideEffect],
      hooks: { beforeNode: ({ node: current }) => (current.id === 'effect' ? { replay: { value: 'recorded' } } : undefined) },
    });
    expect(sideEffect.calls).toBe(0);
    expect(result.outputs).toEqual({ out: 'recorded' });
    expect(result.steps.find((step) => step.nodeId === 'effect')).toMatchObject({ status: 'succeeded', attempt: 0, outputs: { value: 'recorded' } });
    // Without the hook it really runs.
    await run(workflow, { components: [sideEffect] });
    expect(sideEffect.calls).toBe(1);
  });

  it('edits of `values` while paused are seen by downstream nodes (edit-and-continue)', async () => {
    const result = await run(withOutput(chainGraph(3), 'n3'), {
      sequential: true,
      hooks: {
        beforeNode: ({ node: current, values }) => {
          if (current.id === 'n3') values.set('n1', { value: 1000 }); // not n3's source: must not matter
          if (current.id === 'n2') values.set('n1', { value: 100 }); // n2's source: n2 must see 100
        },
      },
    });
    expect(result.steps.find((step) => step.nodeId === 'n2')).toMatchObject({ inputs: { value: 100 }, outputs: { value: 101 } });
    expect(result.outputs).toEqual({ out: 102 });
  });

  it('edits made in afterNode flow downstream too', async () => {
    const result = await run(withOutput(chainGraph(2), 'n2'), {
      hooks: { afterNode: ({ node: current, values }) => void (current.id === 'n1' && values.set('n1', { value: -50 })) },
    });
    expect(result.outputs).toEqual({ out: -49 });
  });

  it('beforeNode can override inputs; afterNode sees the step record', async () => {
    const steps: StepRecord[] = [];
    const result = await run(withOutput(chainGraph(2), 'n2'), {
      hooks: {
        beforeNode: ({ node: current }) => (current.id === 'n2' ? { inputs: { value: 41 } } : undefined),
        afterNode: (_boundary, step) => void steps.push(step),
      },
    });
    expect(result.outputs).toEqual({ out: 42 });
    expect(steps.map((step) => step.nodeId)).toEqual(['c', 'n1', 'n2', 'out']);
    expect(steps[2]).toMatchObject({ inputs: { value: 41 }, outputs: { value: 42 }, status: 'succeeded' });
  });

  it("onNodeError 'retry' runs the node again; 'fail' applies the normal policy", async () => {
    const flaky = failNTimes(1);
    const errors: { node: string; code: string }[] = [];
    const workflow = graph([node('f', 'test/flaky'), node('out', 'core/output')], [link('f.value', 'out.value')]);
    const retried = await run(workflow, {
      components: [flaky],
      hooks: {
        onNodeError: (boundary: NodeBoundary, error) => {
          errors.push({ node: boundary.node.id, code: error.code });
          return 'retry';
        },
      },
    });
    expect(retried.status).toBe('succeeded');
    expect(retried.outputs).toEqual({ out: 'ok' });
    expect(errors).toEqual([{ node: 'f', code: 'FLAKY' }]);
    expect(retried.steps[0].attempt).toBe(2);

    const failing = failNTimes(1);
    const routed = await run(graph([node('f', 'test/flaky', {}, { onError: 'route' }), node('out', 'core/output')], [link('f.error', 'out.value')]), {
      components: [failing],
      hooks: { onNodeError: () => 'fail' },
    });
    expect(failing.calls).toBe(1);
    expect(routed.outputs).toEqual({ out: { message: 'failure 1', code: 'FLAKY', nodeId: 'f' } });
  });

  it('a throwing hook fails the run with HOOK_ERROR', async () => {
    const result = await run(chainGraph(2), {
      hooks: {
        beforeNode: ({ node: current }) => {
          if (current.id === 'n1') throw new Error('driver broke');
        },
      },
    });
    expect(result.status).toBe('failed');
    expect(result.error).toEqual({ code: 'HOOK_ERROR', message: 'step hook failed at node "n1": driver broke' });
  });

  it('cancelling while paused in beforeNode ends the run', async () => {
    const controller = new AbortController();
    const result = await run(chainGraph(2), {
      signal: controller.signal,
      hooks: {
        beforeNode: ({ node: current }) => {
          if (current.id !== 'n1') return;
          setTimeout(() => controller.abort(), 5);
          return new Promise<void>(() => undefined); // a driver that never resumes
        },
      },
    });
    expect(result.status).toBe('cancelled');
    expect(result.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ['c', 'succeeded'],
      ['n1', 'failed'],
    ]);
  });
});
