/**
 * Deploy: target and environment, live status and logs from `deploymentEvents`, stop, roll back to the previous
 * successful deployment, the project's deployment history, and "try it": a request to a running LOCAL deployment
 * through the router's `/deployments/<id>/endpoint/run` (with this tab's credential).
 */
import { useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { authHeaders } from '../apollo';
import { Deploy, DeploymentEvents, ProjectDeployments, RollbackDeployment, StopDeployment } from '../operations';
import { errorText } from '../errors';
import type { DeploymentTarget } from '../gql/graphql';
import { inputFields } from './inputs';
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
  const [rollback] = useMutation(RollbackDeployment);
  const history = useQuery(ProjectDeployments, { variables: { projectId: project.id }, fetchPolicy: 'cache-and-network' });
  // "Try it": the body is the run's inputs; a sample from the project's input nodes.
  const [tryBody, setTryBody] = useState(() => JSON.stringify(Object.fromEntries(inputFields(project).map((f) => [f.name, null])), null, 2));
  const [tryResult, setTryResult] = useState<{ status: number; body: string }>();
  const follow = (id: string, initial: string) => {
    setLogs([]);
    setEndpoint(undefined);
    setTryResult(undefined);
    setStatus(initial);
    setDeploymentId(id);
    void history.refetch();
  };
  const tryEndpoint = async () => {
    setError(undefined);
    try {
      const response = await fetch(`/deployments/${encodeURIComponent(deploymentId!)}/endpoint/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authHeaders() },
        body: tryBody,
      });
      setTryResult({ status: response.status, body: await response.text() });
    } catch (err) {
      setError(errorText(err));
    }
  };

  useSubscription(DeploymentEvents, {
    variables: { deploymentId: deploymentId ?? '' },
    skip: !deploymentId,
    onData: ({ data }) => {
      const event = data.data?.deploymentEvents;
      if (!event) return;
      setStatus(event.status);
      if (['RUNNING', 'READY', 'FAILED', 'STOPPED'].includes(event.status)) void history.refetch();
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
              if (result.data) follow(result.data.deploy.id, result.data.deploy.status);
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
          onClick={() =>
            deploymentId &&
            stop({ variables: { id: deploymentId } })
              .then((r) => r.data && setStatus(r.data.stopDeployment.status))
              .catch((err) => setError(errorText(err)))
          }
        >
          Stop
        </button>
        <button
          type="button"
          data-testid="rollback-button"
          disabled={!deploymentId}
          onClick={() =>
            deploymentId &&
            rollback({ variables: { id: deploymentId } })
              .then((r) => r.data && follow(r.data.rollbackDeployment.id, r.data.rollbackDeployment.status))
              .catch((err) => setError(errorText(err)))
          }
        >
          Roll back
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
      {deploymentId && target === 'LOCAL' && status === 'RUNNING' && (
        <form
          className="try-endpoint"
          aria-label="Try the endpoint"
          onSubmit={(e) => {
            e.preventDefault();
            void tryEndpoint();
          }}
        >
          <label htmlFor="try-body">
            POST <code>/deployments/{deploymentId}/endpoint/run</code>
          </label>
          <textarea id="try-body" data-testid="try-body" rows={4} value={tryBody} onChange={(e) => setTryBody(e.target.value)} />
          <button type="submit" data-testid="try-endpoint">
            Send
          </button>
          {tryResult && (
            <pre tabIndex={0} data-testid="endpoint-response" data-http-status={tryResult.status}>
              {tryResult.status} {tryResult.body}
            </pre>
          )}
        </form>
      )}
      <h3>History</h3>
      <ol className="deployments" data-testid="deployment-history">
        {(history.data?.deployments ?? []).map((d) => (
          <li key={d.id} data-deployment-id={d.id} data-status={d.status.toLowerCase()} data-rollback-of={d.rollbackOf ?? undefined}>
            <code>{d.id}</code> {d.status} · {d.target} · {d.environment} · v{d.projectVersion}
            {d.rollbackOf && <small className="muted"> (rollback to {d.rollbackOf})</small>}
          </li>
        ))}
      </ol>
      <pre tabIndex={0} className="logs" data-testid="deployment-logs">
        {logs.join('\n')}
      </pre>
    </section>
  );
}
