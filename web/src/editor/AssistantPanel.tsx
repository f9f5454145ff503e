/** Assistant: analyse the project (findings become badges on their nodes), apply a fix, ask a question. */
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { AnalyzeProject, ApplySuggestion, AskAssistant } from '../operations';
import { errorText } from '../errors';
import type { AnalyzeProjectMutation } from '../gql/graphql';
import type { ProjectData } from './types';

type Finding = AnalyzeProjectMutation['analyzeProject'][number];

export function AssistantPanel({ project, onFindings }: { project: ProjectData; onFindings: (findings: Record<string, string[]>) => void }) {
  const [analyze, { loading }] = useMutation(AnalyzeProject);
  const [apply] = useMutation(ApplySuggestion);
  const [ask, { data: answer, loading: asking }] = useMutation(AskAssistant);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string>();
  const [preview, setPreview] = useState<string>();

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
                  Preview fix
                </button>
                <button
                  type="button"
                  data-testid={`apply-suggestion-${f.id}`}
                  onClick={async () => {
                    setError(undefined);
                    try {
                      await apply({ variables: { id: f.id } });
                      await run();
                    } catch (err) {
                      setError(errorText(err));
                    }
                  }}
                >
                  Apply fix
                </button>
              </div>
            )}
            {preview === f.id && <pre tabIndex={0} className="patch">{JSON.stringify(f.patch, null, 2)}</pre>}
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
