/**
 * The selected node in the run view: what it received and produced in the last run (or its error) and how long it
 * took; "run from here" (a partial run: only this node and what it feeds run, upstream values come from pinned data or
 * the last successful run); and its pinned data — pin the last run's output, edit the pinned JSON, unpin. Pins are
 * versioned project changes (undo applies, collaborators see them), sent with expectedVersion like every edit.
 */
import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { PinNodeOutput, UnpinNodeOutput } from '../operations';
import { errorText } from '../errors';
import type { RunEventsSubscription } from '../gql/graphql';
import { useVersionedEdit } from './conflicts';
import { PinIcon } from './icons';
import { withConfiguredOutputs } from './ports';
import type { Instance } from './types';

export type RunStep = NonNullable<RunEventsSubscription['runEvents']['run']>['steps'][number];

export interface SelectedNodeRunProps {
  projectId: string;
  node: Instance;
  /** The node's step in the last run (top level), if it took part. */
  step?: RunStep;
  starting: boolean;
  onRunFrom: () => void;
}

/** The pin editor's text: the pin, else the last run's output, else every output port (a switch's: one per case) with null. */
function draftOf(node: Instance, step?: RunStep): string {
  const ports = withConfiguredOutputs(node).component.outputs;
  const values = node.pinnedOutput ?? step?.outputs ?? Object.fromEntries(ports.map((p) => [p.name, null]));
  return JSON.stringify(values, null, 2);
}

/** Pinned data is an object of values by output port; anything else is refused here with the reason. */
function parsePin(text: string): { output: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `Not valid JSON: ${(err as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'Pinned data is an object of values by output port, e.g. {"value": 1}.' };
  return { output: value as Record<string, unknown> };
}

export function SelectedNodeRun({ projectId, node, step, starting, onRunFrom }: SelectedNodeRunProps) {
  const title = node.label ?? node.component.name;
  const pinned = node.pinnedOutput != null;
  const [pin, { loading: pinning }] = useMutation(PinNodeOutput);
  const [unpin, { loading: unpinning }] = useMutation(UnpinNodeOutput);
  const edit = useVersionedEdit(projectId);
  const [draft, setDraft] = useState(() => draftOf(node, step));
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState('');
  // A new pin (ours or a collaborator's) or a new run replaces the text in the editor.
  const pinText = JSON.stringify(node.pinnedOutput ?? null);
  const outputText = JSON.stringify(step?.outputs ?? null);
  useEffect(() => setDraft(draftOf(node, step)), [pinText, outputText]);

  const change = async (work: () => Promise<unknown>, done: string) => {
    setError(undefined);
    setNotice('');
    try {
      await work();
      setNotice(done);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const savePin = (output: Record<string, unknown>) =>
    change(() => edit((p) => pin({ variables: { projectId, nodeId: node.id, output, expectedVersion: p.version } })), 'Pinned.');
  const onSave = () => {
    const parsed = parsePin(draft);
    if ('error' in parsed) {
      setNotice('');
      return setError(parsed.error);
    }
    void savePin(parsed.output);
  };
  const onUnpin = () => void change(() => edit((p) => unpin({ variables: { projectId, nodeId: node.id, expectedVersion: p.version } })), 'Unpinned.');
  const busy = pinning || unpinning;

  return (
    <section className="node-run" aria-labelledby="node-run-heading" data-testid="selected-node-run">
      <h3 id="node-run-heading">
        {title} <small className="muted">{node.id}</small>
      </h3>
      <div className="row">
        <button type="button" data-testid="run-from-node" onClick={onRunFrom} disabled={starting} aria-describedby="run-from-help">
          Run from {title}
        </button>
      </div>
      <p id="run-from-help" className="muted">
        Runs this node and what it feeds; what they read comes from pinned data (when used) or the last successful run.
      </p>
      {step ? (
        <div className="step" data-testid="node-run-details" data-step-status={step.status.toLowerCase()}>
          <h4>
            Last run <small>{step.status}</small> <small className="muted">{Math.round(step.durationMs)} ms</small>
          </h4>
          <h5>Inputs</h5>
          <pre tabIndex={0}>{JSON.stringify(step.inputs, null, 2)}</pre>
          <h5>Outputs</h5>
          <pre tabIndex={0}>{JSON.stringify(step.outputs, null, 2)}</pre>
          {step.error && <p className="error">{`${step.error.code}: ${step.error.message}`}</p>}
        </div>
      ) : (
        <p className="muted">Not in the last run.</p>
      )}
      <h4>
        Pinned data{' '}
        {pinned && (
          <span className="badge badge-pinned">
            <PinIcon /> pinned
          </span>
        )}
      </h4>
      {step?.outputs != null && (
        <button type="button" data-testid="pin-output" disabled={busy} onClick={() => void savePin(step.outputs as Record<string, unknown>)}>
          Pin this run’s output
        </button>
      )}
      <div className="field">
        <label htmlFor="pin-json">Pinned output (JSON: values by output port)</label>
        <textarea id="pin-json" data-testid="pin-json" rows={6} spellCheck={false} value={draft} onChange={(e) => setDraft(e.target.value)} />
      </div>
      <div className="row">
        <button type="button" data-testid="save-pin" disabled={busy} onClick={onSave}>
          {pinned ? 'Save pin' : 'Pin this data'}
        </button>
        {pinned && (
          <button type="button" data-testid="unpin" disabled={busy} onClick={onUnpin}>
            Unpin
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error" data-testid="pin-error">
          {error}
        </p>
      )}
      <p role="status" className="muted" data-testid="pin-status">
        {notice}
      </p>
    </section>
  );
}
