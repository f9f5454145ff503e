/**
 * Run: the inputs form, run (ASYNC) — whole or from the selected node, with or without pinned data — nodes light up
 * from the `runEvents` subscription (queued, running, succeeded, failed, skipped, pinned, reused), the run's outputs,
 * the selected node's last step and pinned data (SelectedNodeRun), and the run history.
 */
import { useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { ExecuteWorkflow, RunEvents, RunHistory } from '../operations';
import { errorText } from '../errors';
import type { RunEventsSubscription } from '../gql/graphql';
import { InputsForm } from './InputsForm';
import { inputFields, parseInputs } from './inputs';
import { SelectedNodeRun } from './SelectedNodeRun';
import type { NodeStatus, ProjectData } from './types';

type FinishedRun = NonNullable<RunEventsSubscription['runEvents']['run']>;

const STATUS_OF_EVENT: Record<string, NodeStatus> = {
  NODE_STARTED: 'running',
  NODE_RETRIED: 'running',
  NODE_SUCCEEDED: 'succeeded',
  NODE_FAILED: 'failed',
  NODE_SKIPPED: 'skipped',
};

/** Events and steps inside a map iteration are about the map's sub-graph, not about nodes on the canvas. */
const inIteration = (frames: unknown) => Array.isArray(frames) && frames.length > 0;

export interface RunPanelProps {
  project: ProjectData;
  inputValues: Record<string, string>;
  onInputValues: (values: Record<string, string>) => void;
  onStatuses: (update: (previous: Record<string, NodeStatus>) => Record<string, NodeStatus>) => void;
  selectedNodeId?: string;
}

export function RunPanel({ project, inputValues, onInputValues, onStatuses, selectedNodeId }: RunPanelProps) {
  const fields = inputFields(project);
  const [execute, { loading: starting }] = useMutation(ExecuteWorkflow);
  const [usePinned, setUsePinned] = useState(true);
  const [active, setActive] = useState<{ runId: string; fromNodeId?: string; usePinned: boolean }>();
  const [run, setRun] = useState<FinishedRun>();
  const [error, setError] = useState<string>();
  const history = useQuery(RunHistory, { variables: { id: project.id }, fetchPolicy: 'cache-and-network' });
  // A whole run queues every node; a partial run lights up only the nodes that take part.
  const initialStatuses = (fromNodeId?: string) => (fromNodeId ? {} : Object.fromEntries(project.components.map((n) => [n.id, 'queued'])));
  // A node that finishes without having started stood in for running: its pin, or the last successful run's values.
  const standInStatus = (nodeId: string) => (active?.usePinned && project.components.find((n) => n.id === nodeId)?.pinnedOutput != null ? 'pinned' : 'reused');

  useSubscription(RunEvents, {
    variables: { runId: active?.runId ?? '' },
    skip: !active,
    onData: ({ data }) => {
      const event = data.data?.runEvents;
      if (!event || !active) return;
      if (event.type === 'RUN_STARTED') onStatuses(() => initialStatuses(active.fromNodeId));
      const status = STATUS_OF_EVENT[event.type];
      const nodeId = event.nodeId;
      if (status && nodeId && !inIteration(event.frames))
        onStatuses((s) => ({ ...s, [nodeId]: status === 'succeeded' && s[nodeId] !== 'running' ? standInStatus(nodeId) : status }));
      if (event.type === 'RUN_FINISHED' || (event.run && ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(event.run.status))) {
        const finished = event.run;
        if (finished) {
          setRun(finished);
          // The record is the truth for nodes whose events arrived before we subscribed. In a whole run, nodes that
          // never started were not reached (skipped); a partial run leaves the nodes it does not touch alone.
          onStatuses((s) => {
            const next: Record<string, NodeStatus> = {};
            if (!active.fromNodeId) for (const id of Object.keys(s)) next[id] = s[id] === 'queued' ? 'skipped' : s[id];
            for (const step of finished.steps) if (!inIteration(step.frames)) next[step.nodeId] = step.status.toLowerCase();
            return next;
          });
        }
        void history.refetch();
      }
    },
  });

  const start = async (fromNodeId?: string) => {
    setError(undefined);
    setRun(undefined);
    try {
      const result = await execute({ variables: { projectId: project.id, inputs: parseInputs(fields, inputValues), fromNodeId, usePinned } });
      if (result.data) {
        onStatuses(() => initialStatuses(fromNodeId));
        setActive({ runId: result.data.executeWorkflow.id, fromNodeId, usePinned });
      }
    } catch (err) {
      setError(errorText(err));
    }
  };

  const selectedNode = project.components.find((n) => n.id === selectedNodeId);
  const step = run?.steps.filter((s) => s.nodeId === selectedNodeId && !inIteration(s.frames)).at(-1);
  return (
    <section className="panel" aria-label="Run">
      <InputsForm fields={fields} values={inputValues} onChange={onInputValues} />
      <div className="row">
        <button type="button" data-testid="run-button" onClick={() => void start()} disabled={starting}>
          Run
        </button>
        <label className="check">
          <input type="checkbox" data-testid="use-pinned" checked={usePinned} onChange={(e) => setUsePinned(e.target.checked)} /> Use pinned data
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div
        data-testid="run-output"
        data-run-id={active?.runId}
        data-run-status={run?.status.toLowerCase()}
        data-from-node={active?.fromNodeId}
        className="run-output"
        aria-live="polite"
      >
        {run && (
          <>
            <strong>{run.status}</strong> {active?.fromNodeId && <span>from {active.fromNodeId}</span>}{' '}
            {run.durationMs != null && <span className="muted">{run.durationMs} ms</span>}
            {run.error && <p className="error">{`${run.error.code}: ${run.error.message}`}</p>}
            <pre tabIndex={0}>{JSON.stringify(run.outputs, null, 2)}</pre>
          </>
        )}
      </div>
      {selectedNode ? (
        <SelectedNodeRun
          key={selectedNode.id}
          projectId={project.id}
          node={selectedNode}
          step={step}
          starting={starting}
          onRunFrom={() => void start(selectedNode.id)}
        />
      ) : (
        <p className="muted">Select a node to see its inputs and outputs, pin its output, or run from it.</p>
      )}
      <h3>History</h3>
      <ul className="history" data-testid="run-history">
        {history.data?.project?.runs.map((r) => (
          <li key={r.id}>
            {new Date(r.createdAt).toLocaleTimeString()} — {r.status.toLowerCase()} {r.durationMs != null ? `(${r.durationMs} ms)` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
