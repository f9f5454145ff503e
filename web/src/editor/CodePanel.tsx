/** Code: generate the project in one of the generator's languages, view it highlighted, download the zip. */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { GenerateCode, Languages } from '../operations';
import { authHeaders } from '../apollo';
import { errorText } from '../errors';
import { CodeView } from './CodeView';
import type { ProjectData } from './types';

export function CodePanel({ project }: { project: ProjectData }) {
  const { data } = useQuery(Languages);
  const [language, setLanguage] = useState('python');
  const [generate, { data: generated, loading }] = useMutation(GenerateCode);
  const [error, setError] = useState<string>();
  const artifact = generated?.generateCode;

  const download = async () => {
    if (!artifact) return;
    setError(undefined);
    // The router's download route (same authentication as GraphQL); the file is saved from a blob.
    const response = await fetch(`/download/${encodeURIComponent(artifact.id)}?format=zip`, { headers: authHeaders() });
    if (!response.ok) return setError(`Download failed: HTTP ${response.status}`);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `${project.name.replace(/[^\w-]+/g, '_')}-${artifact.language}.zip`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="panel" aria-label="Code">
      <div className="row">
        <label htmlFor="codegen-language">Language</label>
        <select id="codegen-language" data-testid="codegen-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
          {(data?.languages ?? []).map((l) => (
            <option key={l.id} value={l.id} disabled={!l.implemented}>
              {l.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-testid="codegen-generate"
          disabled={loading}
          onClick={() => {
            setError(undefined);
            generate({ variables: { projectId: project.id, language } }).catch((err) => setError(errorText(err)));
          }}
        >
          Generate
        </button>
        <button type="button" data-testid="codegen-download" disabled={!artifact} onClick={() => void download()}>
          Download zip
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {artifact && (
        <>
          <p className="muted">
            {artifact.mainFile} · {artifact.lines} lines · {artifact.files.length} files
          </p>
          <CodeView code={artifact.code} language={artifact.language} label={`Generated ${artifact.language} code`} />
        </>
      )}
    </section>
  );
}
