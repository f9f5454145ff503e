/** Projects: search, create (empty or from a template, showing the inputs the template needs), open, rename, delete. */
import { useMemo, useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { CreateProject, DeleteProject, ExportProject, ImportProject, ProjectsQuery, RenameProject } from './operations';
import { errorText } from './errors';
import { navigate, projectHref } from './route';

/** What a template asks for when run: the names and types of its input nodes. */
function templateNeeds(nodes: { componentId: string; config: unknown }[]): string[] {
  return nodes
    .filter((n) => n.componentId === 'core/input')
    .map((n) => {
      const config = (n.config ?? {}) as { name?: string; type?: string };
      return `${config.name ?? '?'}: ${config.type ?? 'any'}`;
    });
}

export function ProjectList() {
  const { data, loading, error, refetch } = useQuery(ProjectsQuery, { variables: { first: 100 }, fetchPolicy: 'cache-and-network' });
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [actionError, setActionError] = useState<string>();
  const [createProject] = useMutation(CreateProject);
  const [deleteProject] = useMutation(DeleteProject);
  const [renameProject] = useMutation(RenameProject);
  const [importProject] = useMutation(ImportProject);
  const client = useApolloClient();
  // Export: the versioned project document, downloaded as a JSON file.
  const exportOne = async (id: string, name: string) => {
    setActionError(undefined);
    try {
      const { data } = await client.query({ query: ExportProject, variables: { id }, fetchPolicy: 'network-only' });
      const url = URL.createObjectURL(new Blob([JSON.stringify(data?.exportProject, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${name.replace(/[^\w.-]+/g, '_') || 'project'}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      setActionError(errorText(err));
    }
  };
  const importFile = async (file: File) => {
    setActionError(undefined);
    try {
      const document = JSON.parse(await file.text());
      const result = await importProject({ variables: { document } });
      await refetch();
      if (result.data) location.hash = `#/p/${encodeURIComponent(result.data.importProject.id)}`;
    } catch (err) {
      setActionError(errorText(err));
    }
  };

  const projects = useMemo(() => {
    const term = search.trim().toLowerCase();
    const all = data?.projects.nodes ?? [];
    return term ? all.filter((p) => p.name.toLowerCase().includes(term) || p.description.toLowerCase().includes(term)) : all;
  }, [data, search]);

  // Without a typed name, a project started from a template is named after it.
  const create = async (template?: { id: string; name: string }) => {
    setActionError(undefined);
    try {
      const input = { name: name.trim() || template?.name || 'Untitled workflow', templateId: template?.id };
      const result = await createProject({ variables: { input } });
      if (result.data) navigate(projectHref(result.data.createProject.id));
    } catch (err) {
      setActionError(errorText(err));
    }
  };

  return (
    <main className="projects">
      <div className="projects-head">
        <h1>Projects</h1>
        <input type="search" aria-label="Search projects" placeholder="Search projects" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="button" data-testid="new-project" aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
          New project
        </button>
        <label className="import-project">
          Import project (JSON)
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-project"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      {actionError && (
        <p role="alert" className="error">
          {actionError}
        </p>
      )}
      {creating && (
        <section className="new-project" aria-label="New project">
          <label htmlFor="new-project-name">Name</label>
          <input id="new-project-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Untitled workflow" />
          <button type="button" data-testid="create-empty" onClick={() => void create()}>
            Create empty
          </button>
          <h2>Or start from a template</h2>
          <ul className="templates">
            {data?.templates.map((t) => (
              <li key={t.id}>
                <button type="button" data-testid={`template-${t.id}`} onClick={() => void create(t)}>
                  <strong>{t.name}</strong>
                  <span>{t.description}</span>
                  <span className="needs">Needs: {templateNeeds(t.nodes).join(', ') || 'no inputs'}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {loading && !data && <p>Loading…</p>}
      {error && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
      <ul className="project-list" data-testid="project-list">
        {projects.map((p) => (
          <li key={p.id} data-testid={`project-${p.id}`}>
            <a href={projectHref(p.id)}>{p.name}</a>
            <span className="muted">v{p.version}</span>
            <button
              type="button"
              aria-label={`Rename ${p.name}`}
              onClick={async () => {
                const next = prompt('New name', p.name);
                if (next?.trim()) await renameProject({ variables: { id: p.id, name: next.trim() } }).catch((err) => setActionError(errorText(err)));
              }}
            >
              Rename
            </button>
            <button type="button" aria-label={`Export ${p.name}`} data-testid={`export-${p.id}`} onClick={() => void exportOne(p.id, p.name)}>
              Export
            </button>
            <button
              type="button"
              aria-label={`Delete ${p.name}`}
              onClick={async () => {
                if (!confirm(`Delete "${p.name}"?`)) return;
                await deleteProject({ variables: { id: p.id } }).catch((err) => setActionError(errorText(err)));
                await refetch();
              }}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {data && projects.length === 0 && <p className="muted">No projects{search ? ' match' : ' yet'}.</p>}
    </main>
  );
}
