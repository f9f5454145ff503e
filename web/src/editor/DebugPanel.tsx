/**
 * Debug: breakpoints (toggled on the nodes, with an optional condition), start, step over / into / out, continue,
 * pause, stop; the call stack and variables; the current node highlighted on the canvas — driven by `debugEvents`.
 */
import { useEffect, useState } from 'react';
import { useMutation, useSubscription } from '@apollo/client/react';
import { DebugEvents, DebugStep, StartDebug } from '../operations';
import { errorText } from '../errors';
import type { DebugAction, DebugFieldsFragment } from '../gql/graphql';
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
          variables: { projectId: project.id, inputs: parseInputs(inputFields(project), inputValues), breakpoints: [...breakpoints].map(([nodeId, c]) => ({ nodeId, condition: c })) },
        });
        current = started.data?.startDebugSession;
        if (!current) return;
        onSession(current);
        if (action === 'CONTINUE') action = 'START';
      }
      if (action === 'STOP' && current.state === 'INITIALIZED') return;
      const result = await step({ variables: { sessionId: current.id, action } });
      if (result.data) onSession(result.data.debugStep);
    } catch (err) {
      setError(errorText(err));
    }
  };

  const live = session && LIVE.has(session.state);
  return (
    <section className="panel" aria-label="Debugger">
      <p className="muted">Toggle breakpoints with the red dots on the nodes. Inputs come from the Run tab.</p>
      {selectedNodeId && breakpoints.has(selectedNodeId) && (
        <div className="field">
          <label htmlFor="bp-condition">Condition on {selectedNodeId}</label>
          <input id="bp-condition" data-testid="breakpoint-condition" value={condition} placeholder="e.g. inputs.value > 3" onChange={(e) => setCondition(e.target.value)} onBlur={() => onCondition(selectedNodeId, condition.trim() || null)} />
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
      {session && (
        <div data-testid="debug-state" data-state={session.state.toLowerCase()}>
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
          <ol className="stack">
            {session.callStack.map((f, i) => (
              <li key={i}>
                {f.nodeId} <small className="muted">{f.componentId}{f.iteration != null ? ` [${f.iteration}]` : ''}</small>
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
              <pre tabIndex={0} data-testid="debug-outputs">{JSON.stringify(session.outputs, null, 2)}</pre>
            </>
          )}
        </div>
      )}
    </section>
  );
}
