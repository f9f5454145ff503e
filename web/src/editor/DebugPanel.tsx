/**
 * Debug: breakpoints (toggled on the nodes, with an optional condition), start, step over / into / out, continue,
 * pause, stop; the call stack, variables and watches; set a finished node's output and continue (edit-and-continue);
 * the current node highlighted on the canvas — driven by `debugEvents`.
 */
import { useEffect, useState } from 'react';
import { useMutation, useSubscription } from '@apollo/client/react';
import { AddWatch, DebugEvents, DebugStep, RemoveWatch, SetVariable, StartDebug } from '../operations';
import { errorText } from '../errors';
import type { DebugAction, DebugFieldsFragment } from '../gql/graphql';
import { CodeField } from './CodeField';
import { inputFields, parseInputs } from './inputs';
import type { ProjectData } from './types';

export interface DebugPanelProps {
  project: ProjectData;
  inputValues: Record<string, string>;
  breakpoints: Map<string, string | null>;
  selectedNodeId?: string;
  onCondition: (nodeId: string, condition: string | null) => void;
  session?: DebugFieldsFragment;
  onSession: (session: DebugFieldsFragment | undefined) => void;
}

const LIVE = new Set(['INITIALIZED', 'RUNNING', 'PAUSED']);

export function DebugPanel({ project, inputValues, breakpoints, selectedNodeId, onCondition, session, onSession }: DebugPanelProps) {
  const [startSession] = useMutation(StartDebug);
  const [step] = useMutation(DebugStep);
  const [error, setError] = useState<string>();
  const [condition, setCondition] = useState('');
  const [addWatch] = useMutation(AddWatch);
  const [removeWatch] = useMutation(RemoveWatch);
  const [setVariable] = useMutation(SetVariable);
  // Watches added before a session starts are sent with startDebugSession.
  const [pendingWatches, setPendingWatches] = useState<string[]>([]);
  const [watchText, setWatchText] = useState('');
  const [variable, setVariableForm] = useState({ nodeId: '', port: '', value: '' });
  useEffect(() => setCondition((selectedNodeId && breakpoints.get(selectedNodeId)) || ''), [selectedNodeId, breakpoints]);

  useSubscription(DebugEvents, {
    variables: { sessionId: session?.id ?? '' },
    skip: !session || !LIVE.has(session.state),
    onData: ({ data }) => {
      const next = data.data?.debugEvents.session;
      if (next) onSession(next);
    },
  });

  const act = async (action: DebugAction) => {
    setError(undefined);
    try {
      let current = session;
      if (!current || !LIVE.has(current.state)) {
        const started = await startSession({
          variables: {
            projectId: project.id,
            inputs: parseInputs(inputFields(project), inputValues),
            breakpoints: [...breakpoints].map(([nodeId, c]) => ({ nodeId, condition: c })),
            watches: session && session.watches.length ? session.watches.map((w) => w.expression) : pendingWatches,
          },
        });
        current = started.data?.startDebugSession;
        if (!current) return;
        onSession(current);
        if (action === 'CONTINUE') action = 'START';
      }
      if (action === 'STOP' && current.state === 'INITIALIZED') return;
      // The server marks the session RUNNING before it answers, and debugStep waits up to DEBUG_STEP_WAIT_MS for a
      // pause or the end (debugEvents has no replay, so its RESUMED may come before we listen): show RUNNING now, so
      // Pause and Stop are usable while the step is in flight.
      if (action !== 'PAUSE' && action !== 'STOP') onSession({ ...current, state: 'RUNNING', pauseReason: null });
      const result = await step({ variables: { sessionId: current.id, action } });
      if (result.data) onSession(result.data.debugStep);
    } catch (err) {
      setError(errorText(err));
    }
  };

  const guard = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const onAddWatch = () => {
    const expression = watchText.trim();
    if (!expression) return;
    setWatchText('');
    if (!session || !LIVE.has(session.state)) return setPendingWatches((w) => [...w, expression]);
    void guard(async () => {
      const added = (await addWatch({ variables: { sessionId: session.id, expression } })).data?.addWatch;
      if (added) onSession({ ...session, watches: [...session.watches, added] });
    });
  };
  const onSetVariable = () =>
    void guard(async () => {
      if (!session) return;
      let value: unknown;
      try {
        value = JSON.parse(variable.value);
      } catch {
        value = variable.value;
      }
      const result = await setVariable({ variables: { sessionId: session.id, nodeId: variable.nodeId, port: variable.port, value } });
      if (result.data) onSession(result.data.setVariable);
    });
  const finished = session?.variables.filter((v) => v.outputs && typeof v.outputs === 'object') ?? [];
  const ports = Object.keys((finished.find((v) => v.nodeId === variable.nodeId)?.outputs ?? {}) as Record<string, unknown>);
  const live = session && LIVE.has(session.state);
  const watches =
    session && LIVE.has(session.state)
      ? session.watches
      : session?.watches.length
        ? session.watches
        : pendingWatches.map((expression, i) => ({ id: `pending-${i}`, expression, value: null, error: null }));
  return (
    <section className="panel" aria-label="Debugger">
      <p className="muted">Toggle breakpoints with the red dots on the nodes. Inputs come from the Run tab.</p>
      {selectedNodeId && breakpoints.has(selectedNodeId) && (
        <div className="field">
          <label id="bp-condition-label">
            Condition on {selectedNodeId} <small className="muted">(e.g. inputs.value &gt; 3)</small>
          </label>
          {/* An expression: highlighted and completed with the debugger's scope (inputs, vars, runInputs, item, index). */}
          <CodeField
            key={selectedNodeId}
            value={condition}
            language="expression"
            field={{
              kind: 'expression',
              scope: ['inputs', 'vars', 'runInputs', 'item', 'index'],
              inputPorts: project.components.find((n) => n.id === selectedNodeId)?.component.inputs.map((p) => p.name) ?? [],
              configKeys: [],
              nodeIds: project.components.map((n) => n.id),
            }}
            labelledBy="bp-condition-label"
            testId="breakpoint-condition"
            onChange={setCondition}
            onBlur={() => onCondition(selectedNodeId, condition.trim() || null)}
          />
        </div>
      )}
      <div className="row debug-controls">
        <button type="button" data-testid="continue" onClick={() => void act('CONTINUE')}>
          {live ? 'Continue' : 'Start'}
        </button>
        <button type="button" data-testid="step-over" onClick={() => void act('STEP_OVER')}>
          Step over
        </button>
        <button type="button" data-testid="step-into" onClick={() => void act('STEP_INTO')}>
          Step into
        </button>
        <button type="button" data-testid="step-out" onClick={() => void act('STEP_OUT')}>
          Step out
        </button>
        <button type="button" data-testid="pause" onClick={() => void act('PAUSE')} disabled={!live}>
          Pause
        </button>
        <button type="button" data-testid="stop" onClick={() => void act('STOP')} disabled={!live}>
          Stop
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h3>Watches</h3>
      <ul className="watches" data-testid="watches">
        {watches.map((w) => (
          <li key={w.id} data-expression={w.expression}>
            <code>{w.expression}</code> = <output data-testid="watch-value">{w.error ? `⚠ ${w.error}` : JSON.stringify(w.value)}</output>
            <button
              type="button"
              aria-label={`Remove watch ${w.expression}`}
              onClick={() =>
                session && LIVE.has(session.state)
                  ? void guard(async () => {
                      const r = await removeWatch({ variables: { sessionId: session.id, watchId: w.id } });
                      if (r.data) onSession(r.data.removeWatch);
                    })
                  : setPendingWatches((list) => list.filter((e) => e !== w.expression))
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          onAddWatch();
        }}
      >
        <label htmlFor="watch-expression">Watch</label>
        <input
          id="watch-expression"
          data-testid="watch-expression"
          value={watchText}
          placeholder="e.g. vars.total.value * 2"
          onChange={(e) => setWatchText(e.target.value)}
        />
        <button type="submit" data-testid="add-watch">
          Add watch
        </button>
      </form>
      {session?.state === 'PAUSED' && finished.length > 0 && (
        <fieldset className="set-variable">
          <legend>Set a finished node’s output, then continue</legend>
          <label htmlFor="set-var-node">Node</label>
          <select
            id="set-var-node"
            data-testid="set-var-node"
            value={variable.nodeId}
            onChange={(e) => setVariableForm({ ...variable, nodeId: e.target.value, port: '' })}
          >
            <option value="">(choose)</option>
            {finished.map((v) => (
              <option key={v.nodeId}>{v.nodeId}</option>
            ))}
          </select>
          <label htmlFor="set-var-port">Port</label>
          <select id="set-var-port" data-testid="set-var-port" value={variable.port} onChange={(e) => setVariableForm({ ...variable, port: e.target.value })}>
            <option value="">(choose)</option>
            {ports.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
          <label htmlFor="set-var-value">Value (JSON)</label>
          <input
            id="set-var-value"
            data-testid="set-var-value"
            value={variable.value}
            onChange={(e) => setVariableForm({ ...variable, value: e.target.value })}
          />
          <button type="button" data-testid="set-var-apply" disabled={!variable.nodeId || !variable.port} onClick={onSetVariable}>
            Set
          </button>
        </fieldset>
      )}
      {session && (
        <div data-testid="debug-state" data-state={session.state.toLowerCase()} data-reason={session.pauseReason?.toLowerCase()}>
          <p>
            <strong>{session.state}</strong>
            {session.pauseReason && ` (${session.pauseReason.toLowerCase()})`}
            {session.currentNodeId && (
              <>
                {' '}
                at <code data-testid="debug-current">{session.currentNodeId}</code>
              </>
            )}
          </p>
          {session.error && <p className="error">{`${session.error.code}: ${session.error.message}`}</p>}
          <h3>Call stack</h3>
          {/* Innermost first: the current node, then the map iterations it runs in (step into / step out). */}
          <ol className="stack" data-testid="call-stack">
            {session.callStack.map((f, i) => (
              <li key={i} data-node-id={f.nodeId} data-iteration={f.iteration ?? undefined} className={i === 0 ? 'frame-current' : undefined}>
                {f.nodeId}{' '}
                <small className="muted">
                  {f.componentId}
                  {f.iteration != null ? ` · iteration ${f.iteration}` : ''}
                </small>
              </li>
            ))}
          </ol>
          <h3>Variables</h3>
          <dl className="variables" data-testid="variables">
            {session.currentNodeId && (
              <>
                <dt>{session.currentNodeId} (inputs)</dt>
                <dd>
                  <pre tabIndex={0}>{JSON.stringify(session.currentInputs, null, 2)}</pre>
                </dd>
              </>
            )}
            {session.variables.map((v) => (
              <div key={v.nodeId}>
                <dt>{v.nodeId}</dt>
                <dd>
                  <pre tabIndex={0}>{JSON.stringify(v.outputs, null, 2)}</pre>
                </dd>
              </div>
            ))}
          </dl>
          {session.state === 'COMPLETED' && (
            <>
              <h3>Outputs</h3>
              <pre tabIndex={0} data-testid="debug-outputs">
                {JSON.stringify(session.outputs, null, 2)}
              </pre>
            </>
          )}
        </div>
      )}
    </section>
  );
}
