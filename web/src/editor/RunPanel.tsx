/**
 * Run: the inputs form, run (ASYNC), nodes light up from the `runEvents` subscription, the run's outputs, the selected
 * node's inputs/outputs/error/duration, and the run history.
 */
import { useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { ExecuteWorkflow, RunEvents, RunHistory } from '../operations';
import { errorText } from '../errors';
import type { RunEventsSubscription } from '../gql/graphql';
import { InputsForm } from './InputsForm';
import { inputFields, parseInputs } from './inputs';
import type { NodeStatus, ProjectData } from './types';

type FinishedRun = NonNullable<RunEventsSubscription['runEvents']['run']>;

const STATUS_OF_EVENT: Record<string, NodeStatus> = {
  NODE_STARTED: 'running',
  NODE_RETRIED: 'running',
  NODE_SUCCEEDED: 'succeeded',
  NODE_FAILED: 'failed',
  NODE_SKIPPED: 'skipped',
};

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
  const [runId, setRunId] = useState<string>();
  const [run, setRun] = useState<FinishedRun>();
  const [error, setError] = useState<string>();
  const history = useQuery(RunHistory, { variables: { id: project.id }, fetchPolicy: 'cache-and-network' });

  useSubscription(RunEvents, {
    variables: { runId: runId ?? '' },
    skip: !runId,
    onData: ({ data }) => {
      const event = data.data?.runEvents;
      if (!event) return;
      if (event.type === 'RUN_STARTED') onStatuses(() => Object.fromEntries(project.components.map((n) => [n.id, 'queued'])));
      const status = STATUS_OF_EVENT[event.type];
      if (status && event.nodeId) onStatuses((s) => ({ ...s, [event.nodeId!]: status }));
      if (event.type === 'RUN_FINISHED' || (event.run && ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(event.run.status))) {
        const finished = event.run;
        if (finished) {
          setRun(finished);
          // The record is the truth for nodes whose events arrived before we subscribed; unrun nodes stay queued→skipped.
          onStatuses((s) => {
            const next: Record<string, NodeStatus> = {};
            for (const id of Object.keys(s)) next[id] = s[id] === 'queued' ? 'skipped' : s[id];
            for (const step of finished.steps) next[step.nodeId] = step.status.toLowerCase();
            return next;
          });
        }
        void history.refetch();
      }
    },
  });

  const start = async () => {
    setError(undefined);
    setRun(undefined);
    try {
      const result = await execute({ variables: { projectId: project.id, inputs: parseInputs(fields, inputValues) } });
      if (result.data) {
        onStatuses(() => Object.fromEntries(project.components.map((n) => [n.id, 'queued'])));
        setRunId(result.data.executeWorkflow.id);
      }
    } catch (err) {
      setError(errorText(err));
    }
  };

  const step = run?.steps.filter((s) => s.nodeId === selectedNodeId).at(-1);
  return (
    <section className="panel" aria-label="Run">
      <InputsForm fields={fields} values={inputValues} onChange={onInputValues} />
      <button type="button" data-testid="run-button" onClick={() => void start()} disabled={starting}>
        Run
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div data-testid="run-output" data-run-status={run?.status.toLowerCase()} className="run-output" aria-live="polite">
        {run && (
          <>
            <strong>{run.status}</strong> {run.durationMs != null && <span className="muted">{run.durationMs} ms</span>}
            {run.error && <p className="error">{`${run.error.code}: ${run.error.message}`}</p>}
            <pre tabIndex={0}>{JSON.stringify(run.outputs, null, 2)}</pre>
          </>
        )}
      </div>
      {step && (
        <div className="step" data-testid="node-run-details">
          <h3>
            {step.nodeId} <small>{step.status}</small> <small className="muted">{Math.round(step.durationMs)} ms</small>
          </h3>
          <h4>Inputs</h4>
          <pre tabIndex={0}>{JSON.stringify(step.inputs, null, 2)}</pre>
          <h4>Outputs</h4>
          <pre tabIndex={0}>{JSON.stringify(step.outputs, null, 2)}</pre>
          {step.error && <p className="error">{`${step.error.code}: ${step.error.message}`}</p>}
        </div>
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
