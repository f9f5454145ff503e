/**
 * Assistant: analyse the project (findings become badges on their nodes), apply a fix — previewed on the canvas
 * first (ghost nodes and connections), applied on confirmation — and ask a question.
 */
import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { AnalyzeProject, ApplySuggestion, AskAssistant } from '../operations';
import { errorText } from '../errors';
import type { AnalyzeProjectMutation } from '../gql/graphql';
import type { PatchEdit, ProjectData } from './types';

type Finding = AnalyzeProjectMutation['analyzeProject'][number];

export interface AssistantPanelProps {
  project: ProjectData;
  onFindings: (findings: Record<string, string[]>) => void;
  /** Shows a patch on the canvas (undefined clears it). */
  onPreview: (patch: PatchEdit[] | undefined) => void;
}

export function AssistantPanel({ project, onFindings, onPreview }: AssistantPanelProps) {
  const [analyze, { loading }] = useMutation(AnalyzeProject);
  const [apply] = useMutation(ApplySuggestion);
  const [ask, { data: answer, loading: asking }] = useMutation(AskAssistant);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string>();
  const [preview, setPreview] = useState<string>();
  // The fix being previewed on the canvas, waiting for confirmation.
  const [pending, setPending] = useState<Finding>();
  useEffect(() => () => onPreview(undefined), [onPreview]);
  const startPreview = (f: Finding | undefined) => {
    setPending(f);
    onPreview(f ? (f.patch as PatchEdit[]) : undefined);
  };
  const confirm = async (f: Finding) => {
    setError(undefined);
    try {
      await apply({ variables: { id: f.id } });
      startPreview(undefined);
      await run();
    } catch (err) {
      setError(errorText(err));
    }
  };

  const run = async () => {
    setError(undefined);
    try {
      const result = await analyze({ variables: { projectId: project.id } });
      const list = result.data?.analyzeProject ?? [];
      setFindings(list);
      const byNode: Record<string, string[]> = {};
      for (const f of list) for (const id of f.nodeIds) (byNode[id] ??= []).push(f.title);
      onFindings(byNode);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section className="panel" aria-label="Assistant">
      <button type="button" data-testid="analyze" onClick={() => void run()} disabled={loading}>
        Analyse project
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="suggestions" data-testid="suggestions">
        {findings.map((f) => (
          <li key={f.id} data-severity={f.severity.toLowerCase()}>
            <strong>{f.title}</strong> <small className="muted">{f.severity.toLowerCase()}</small>
            <p>{f.message}</p>
            {f.nodeIds.length > 0 && <p className="muted">Nodes: {f.nodeIds.join(', ')}</p>}
            {f.patch != null && f.status === 'OPEN' && (
              <div className="row">
                <button type="button" aria-expanded={preview === f.id} onClick={() => setPreview(preview === f.id ? undefined : f.id)}>
                  Show patch
                </button>
                <button
                  type="button"
                  data-testid={`apply-suggestion-${f.id}`}
                  aria-pressed={pending?.id === f.id}
                  onClick={() => startPreview(pending?.id === f.id ? undefined : f)}
                >
                  Apply fix…
                </button>
              </div>
            )}
            {pending?.id === f.id && (
              <div className="row preview-bar" role="group" aria-label="Previewed fix" data-testid="fix-preview">
                <span>Previewed on the canvas (dashed): {describePatch(f.patch as PatchEdit[])}.</span>
                <button type="button" data-testid="confirm-apply" onClick={() => void confirm(f)}>
                  Apply
                </button>
                <button type="button" data-testid="cancel-preview" onClick={() => startPreview(undefined)}>
                  Cancel
                </button>
              </div>
            )}
            {preview === f.id && (
              <pre tabIndex={0} className="patch">
                {JSON.stringify(f.patch, null, 2)}
              </pre>
            )}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (question.trim()) ask({ variables: { projectId: project.id, query: question.trim() } }).catch((err) => setError(errorText(err)));
        }}
      >
        <label htmlFor="ask">Ask the assistant</label>
        <input id="ask" value={question} onChange={(e) => setQuestion(e.target.value)} placeholder="How do I handle errors?" />
        <button type="submit" disabled={asking}>
          Ask
        </button>
      </form>
      {answer && (
        <div className="answer" data-testid="assistant-answer">
          <small className="muted">{answer.askAssistant.category}</small>
          <p>{answer.askAssistant.suggestion}</p>
        </div>
      )}
    </section>
  );
}

function describePatch(patch: PatchEdit[]): string {
  const count = (op: PatchEdit['op']) => patch.filter((e) => e.op === op).length;
  const parts = [
    [count('addNode'), 'node added'],
    [count('connect'), 'connection added'],
    [count('updateNode') + count('moveNode'), 'node changed'],
    [count('removeNode'), 'node removed'],
    [count('disconnect'), 'connection removed'],
  ] as const;
  return (
    parts
      .filter(([n]) => n > 0)
      .map(([n, what]) => `${n} ${what.replace(/^(\w+)/, n === 1 ? '$1' : '$1s')}`)
      .join(', ') || 'no change'
  );
}
