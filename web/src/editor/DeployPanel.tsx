/** Deploy: target and environment, live status and logs from `deploymentEvents`, stop. */
import { useState } from 'react';
import { useMutation, useSubscription } from '@apollo/client/react';
import { Deploy, DeploymentEvents, StopDeployment } from '../operations';
import { errorText } from '../errors';
import type { DeploymentTarget } from '../gql/graphql';
import type { ProjectData } from './types';

const TARGETS: DeploymentTarget[] = ['LOCAL', 'DOCKER', 'COMPOSE', 'KUBERNETES', 'HELM', 'SERVERLESS_AWS', 'SERVERLESS_GCP'];

export function DeployPanel({ project }: { project: ProjectData }) {
  const [target, setTarget] = useState<DeploymentTarget>('LOCAL');
  const [environment, setEnvironment] = useState('development');
  const [deploy] = useMutation(Deploy);
  const [stop] = useMutation(StopDeployment);
  const [deploymentId, setDeploymentId] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [endpoint, setEndpoint] = useState<string | null>();
  const [logs, setLogs] = useState<string[]>([]);
  const [error, setError] = useState<string>();

  useSubscription(DeploymentEvents, {
    variables: { deploymentId: deploymentId ?? '' },
    skip: !deploymentId,
    onData: ({ data }) => {
      const event = data.data?.deploymentEvents;
      if (!event) return;
      setStatus(event.status);
      if (event.endpoint) setEndpoint(event.endpoint);
      if (event.deployment?.error) setError(event.deployment.error);
      const lines = Array.isArray(event.logs) ? (event.logs as { message?: string }[]).map((l) => l.message ?? JSON.stringify(l)) : [];
      if (lines.length) setLogs((l) => [...l, ...lines].slice(-200));
    },
  });

  return (
    <section className="panel" aria-label="Deploy">
      <div className="field">
        <label htmlFor="deploy-target">Target</label>
        <select id="deploy-target" value={target} onChange={(e) => setTarget(e.target.value as DeploymentTarget)}>
          {TARGETS.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="deploy-env">Environment</label>
        <select id="deploy-env" value={environment} onChange={(e) => setEnvironment(e.target.value)}>
          <option>development</option>
          <option>staging</option>
          <option>production</option>
        </select>
      </div>
      <div className="row">
        <button
          type="button"
          data-testid="deploy-button"
          onClick={async () => {
            setError(undefined);
            setLogs([]);
            setEndpoint(undefined);
            try {
              const result = await deploy({ variables: { projectId: project.id, target, environment } });
              if (result.data) {
                setStatus(result.data.deploy.status);
                setDeploymentId(result.data.deploy.id);
              }
            } catch (err) {
              setError(errorText(err));
            }
          }}
        >
          Deploy
        </button>
        <button
          type="button"
          disabled={!deploymentId || !['RUNNING', 'READY'].includes(status ?? '')}
          onClick={() => deploymentId && stop({ variables: { id: deploymentId } }).then((r) => r.data && setStatus(r.data.stopDeployment.status)).catch((err) => setError(errorText(err)))}
        >
          Stop
        </button>
      </div>
      <p>
        Status:{' '}
        <strong data-testid="deployment-status" data-status={status?.toLowerCase()}>
          {status ?? '—'}
        </strong>
      </p>
      {endpoint && (
        <p>
          Endpoint: <code data-testid="deployment-endpoint">{endpoint}</code>
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <pre tabIndex={0} className="logs" data-testid="deployment-logs">
        {logs.join('\n')}
      </pre>
    </section>
  );
}
