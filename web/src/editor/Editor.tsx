/**
 * A project's editor: palette, canvas, and the side panels (config, run, debug, code, deploy, assistant). The
 * project comes from the `project` query and stays current through `projectChanged` (remote edits, replayed from the
 * version we loaded after a reconnect); every edit is a mutation whose answer updates the normalised cache.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { ReactFlowProvider, useReactFlow, type Connection } from '@xyflow/react';
import {
  AddComponent,
  CatalogQuery,
  ApplyEdits,
  DuplicateNodes,
  Redo,
  Undo,
  Connect,
  Disconnect,
  ProjectChanged,
  RemoveComponent,
  ProjectQuery,
  RemoveBreakpoint,
  SetBreakpoint,
  UpdateConfig,
} from '../operations';
import { errorText } from '../errors';
import type { DebugFieldsFragment } from '../gql/graphql';
import { AssistantPanel } from './AssistantPanel';
import { Canvas } from './Canvas';
import { CodePanel } from './CodePanel';
import { ConfigPanel } from './ConfigPanel';
import { DebugPanel } from './DebugPanel';
import { DeployPanel } from './DeployPanel';
import { copyNodes, hasClipboard, pasteEdits } from './clipboard';
import { applyConfigPatch, configPatch, describeChange, overwrittenFields, useVersionedEdit, type Notice } from './conflicts';
import { layoutPositions } from './layout';
import { Palette } from './Palette';
import { Presence } from './Presence';
import { RunPanel } from './RunPanel';
import type { Instance, NodeStatus, PatchEdit, ProjectData } from './types';

const TABS = ['Config', 'Run', 'Debug', 'Code', 'Deploy', 'Assistant'] as const;
type Tab = (typeof TABS)[number];
const LIVE_DEBUG = new Set(['INITIALIZED', 'RUNNING', 'PAUSED']);

export function Editor({ projectId }: { projectId: string }) {
  const { data, error, loading } = useQuery(ProjectQuery, { variables: { id: projectId }, fetchPolicy: 'cache-and-network' });
  // The palette and the config panel read the catalog once the project is here: asked now, it travels alongside the
  // project instead of one round trip after it (the first render of a 500-node project waited ≈300 ms for it).
  useQuery(CatalogQuery);
  const project = data?.project;
  // Subscribe from the version first loaded: graphql-ws resubscribes with it after a reconnect, so the server replays
  // every change since — none is lost.
  const [sinceVersion, setSinceVersion] = useState<number>();
  useEffect(() => {
    if (project && sinceVersion === undefined) setSinceVersion(project.version);
  }, [project, sinceVersion]);
  useSubscription(ProjectChanged, { variables: { projectId, sinceVersion }, skip: sinceVersion === undefined });

  if (error)
    return (
      <main className="editor-error">
        <p role="alert" className="error">
          {errorText(error)}
        </p>
        <a href="#/">Back to projects</a>
      </main>
    );
  if (!project)
    return (
      <main>
        <p>{loading ? 'Loading…' : 'Project not found.'}</p>
      </main>
    );
  return (
    <ReactFlowProvider>
      <EditorView project={project} />
    </ReactFlowProvider>
  );
}

function EditorView({ project }: { project: ProjectData }) {
  const flow = useReactFlow();
  const projectId = project.id;
  const [tab, setTab] = useState<Tab>('Config');
  const [selection, setSelection] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<Record<string, NodeStatus>>({});
  const [findings, setFindings] = useState<Record<string, string[]>>({});
  const [preview, setPreview] = useState<PatchEdit[]>();
  const [debugging, setDebugging] = useState(false);
  const [breakpoints, setBreakpoints] = useState<Map<string, string | null>>(new Map());
  const [session, setSessionState] = useState<DebugFieldsFragment>();
  // A late (replayed) event may carry the session as it was earlier: an ended session never comes back to life, and a
  // started one never goes back to INITIALIZED.
  const setSession = useCallback(
    (next: DebugFieldsFragment | undefined) =>
      setSessionState((current) => {
        if (!current || !next || current.id !== next.id) return next;
        const revived = !LIVE_DEBUG.has(current.state) && LIVE_DEBUG.has(next.state);
        const rewound = current.state !== 'INITIALIZED' && next.state === 'INITIALIZED';
        return revived || rewound ? current : next;
      }),
    [],
  );
  const [inputValues, setInputValues] = useState<Record<string, string>>({});
  const [actionError, setActionError] = useState<string>();

  const [addComponent] = useMutation(AddComponent);
  const [applyEdits] = useMutation(ApplyEdits);
  const [connect] = useMutation(Connect);
  const [disconnect] = useMutation(Disconnect);
  const [removeComponent] = useMutation(RemoveComponent);
  const [updateConfig] = useMutation(UpdateConfig);
  const [undo] = useMutation(Undo);
  const [redo] = useMutation(Redo);
  const [duplicateNodes] = useMutation(DuplicateNodes);
  const [setBreakpoint] = useMutation(SetBreakpoint);
  const [removeBreakpoint] = useMutation(RemoveBreakpoint);

  const attempt = useCallback(async (work: () => Promise<unknown>) => {
    setActionError(undefined);
    try {
      await work();
    } catch (err) {
      setActionError(errorText(err));
    }
  }, []);

  // Every gesture sends expectedVersion and is re-applied over the changes since after a CONFLICT; what the person
  // should know about that (their target was deleted, their value replaced a collaborator's) shows as a notice.
  const [notice, setNotice] = useState<Notice>();
  const edit = useVersionedEdit(projectId, setNotice);

  const onAdd = useCallback(
    (componentId: string, position: { x: number; y: number }) =>
      void attempt(() =>
        edit((p) =>
          addComponent({
            variables: { projectId, componentId, position: { x: Math.round(position.x), y: Math.round(position.y) }, expectedVersion: p.version },
          }),
        ),
      ),
    [attempt, edit, projectId],
  );
  const addAtCentre = (componentId: string) => {
    const box = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const centre = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
    onAdd(componentId, centre);
  };
  // Moves of nodes a collaborator deleted meanwhile cannot be re-applied: the others are, and the person is told.
  const moveNodes = (moves: { nodeId: string; position: { x: number; y: number } }[]) =>
    edit(async (p, rebase) => {
      const [kept, gone] = partition(moves, (m) => p.components.some((n) => n.id === m.nodeId));
      if (gone.length) rebase.tell({ text: `Not moved: ${gone.map((m) => rebase.whyGone(m.nodeId)).join('; ')}.` });
      if (!kept.length) return;
      const edits = kept.map((m) => ({ moveNode: { nodeId: m.nodeId, position: { x: Math.round(m.position.x), y: Math.round(m.position.y) } } }));
      return applyEdits({ variables: { projectId, edits, expectedVersion: p.version } });
    });
  const onMove = useCallback(
    (moves: { nodeId: string; position: { x: number; y: number } }[]) => void attempt(() => moveNodes(moves)),
    [attempt, edit, projectId],
  );
  const onConnect = useCallback(
    (c: Connection) =>
      void attempt(() =>
        edit(async (p, rebase) => {
          const gone = [c.source, c.target].filter((id) => !p.components.some((n) => n.id === id));
          if (gone.length) return rebase.tell({ text: `Not connected: ${gone.map((id) => rebase.whyGone(id)).join('; ')}.` });
          return connect({
            variables: {
              projectId,
              sourceId: c.source,
              sourcePort: c.sourceHandle ?? '',
              targetId: c.target,
              targetPort: c.targetHandle ?? '',
              expectedVersion: p.version,
            },
          });
        }),
      ),
    [attempt, edit, projectId],
  );
  // One mutation per item: applyGraphEdits refuses a batch that leaves a required input unconnected, which removing
  // a node's upstream does; the single-item mutations accept it and report it in the validation. Items a
  // collaborator already removed are skipped.
  const onDelete = useCallback(
    (nodeIds: string[], connectionIds: string[]) =>
      void attempt(async () => {
        for (const connectionId of connectionIds)
          await edit(
            async (p) => p.connections.some((c) => c.id === connectionId) && disconnect({ variables: { projectId, connectionId, expectedVersion: p.version } }),
          );
        for (const nodeId of nodeIds)
          await edit(
            async (p) => p.components.some((n) => n.id === nodeId) && removeComponent({ variables: { projectId, nodeId, expectedVersion: p.version } }),
          );
      }),
    [attempt, edit, projectId],
  );
  const onLayout = () =>
    void attempt(async () => {
      await moveNodes(await layoutPositions(project));
      setTimeout(() => void flow.fitView({ duration: 200 }), 50);
    });
  // Undo/redo go through the API (per user, so collaborators see them and never lose theirs).
  const onUndo = () => void attempt(() => edit((p) => undo({ variables: { projectId, expectedVersion: p.version } }), 1));
  const onRedo = () => void attempt(() => edit((p) => redo({ variables: { projectId, expectedVersion: p.version } }), 1));
  const [clipboardFull, setClipboardFull] = useState(hasClipboard);
  const onCopy = () => {
    if (selection.length && copyNodes(project, selection)) setClipboardFull(true);
  };
  const onPaste = () => void attempt(() => edit((p) => applyEdits({ variables: { projectId, edits: pasteEdits(p), expectedVersion: p.version } })));
  const onDuplicate = () =>
    void attempt(() =>
      edit(async (p, rebase) => {
        const [kept, gone] = partition(selection, (id) => p.components.some((n) => n.id === id));
        if (gone.length) rebase.tell({ text: `Not duplicated: ${gone.map((id) => rebase.whyGone(id)).join('; ')}.` });
        return kept.length && duplicateNodes({ variables: { projectId, nodeIds: kept, expectedVersion: p.version } });
      }),
    );
  // Keyboard: Ctrl/⌘+Z undo, +Shift+Z (or +Y) redo, +C copy, +V paste, +D duplicate — not while typing in a field
  // (fields and CodeMirror have their own undo).
  const shortcuts = useRef({ onUndo, onRedo, onCopy, onPaste, onDuplicate });
  shortcuts.current = { onUndo, onRedo, onCopy, onPaste, onDuplicate };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.closest('input, textarea, select, [contenteditable="true"]') || target.isContentEditable)) return;
      const key = e.key.toLowerCase();
      const action =
        key === 'z'
          ? e.shiftKey
            ? 'onRedo'
            : 'onUndo'
          : key === 'y'
            ? 'onRedo'
            : key === 'c'
              ? 'onCopy'
              : key === 'v'
                ? 'onPaste'
                : key === 'd'
                  ? 'onDuplicate'
                  : undefined;
      if (!action) return;
      e.preventDefault();
      shortcuts.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /**
   * Saves the fields the form changed (relative to the config it loaded) onto the latest config of the node: after a
   * CONFLICT they go on top of the collaborator's change (theirs kept for the other fields, ours last for the same
   * field), and the person is told. A node deleted meanwhile is not silently dropped: the notice offers to restore it.
   */
  const onSaveConfig = (
    nodeId: string,
    base: { config: Record<string, unknown>; label: string | null },
    next: { config: Record<string, unknown>; label: string | null },
  ) => {
    const patch = configPatch(base.config, next.config);
    return edit(async (p, rebase) => {
      const latest = p.components.find((n) => n.id === nodeId);
      if (!latest) {
        const before = rebase.first?.components.find((n) => n.id === nodeId);
        const links = rebase.first?.connections.filter((c) => c.sourceId === nodeId || c.targetId === nodeId) ?? [];
        const label = next.label !== base.label ? next.label : (before?.label ?? null);
        return rebase.tell({
          text: `Your change to ${nodeId} was not saved: ${rebase.whyGone(nodeId)}.`,
          action: before && { label: `Restore ${nodeId} with your change`, run: () => restoreNode(before, links, patch, label) },
        });
      }
      const latestConfig = (latest.config ?? {}) as Record<string, unknown>;
      const label = next.label !== base.label ? next.label : (latest.label ?? null);
      const result = await updateConfig({ variables: { projectId, nodeId, config: applyConfigPatch(latestConfig, patch), label, expectedVersion: p.version } });
      const touching = rebase.touching(nodeId);
      if (touching.length) {
        const replaced = overwrittenFields(base.config, latestConfig, patch);
        rebase.tell({
          text:
            `${touching.map(describeChange).join(', ')} changed ${nodeId} while you were editing it: your change was re-applied on top` +
            (replaced.length ? `, and your value replaced theirs for ${replaced.join(', ')}.` : `, and theirs was kept.`),
        });
      }
      return result;
    });
  };
  /** Adds a node a collaborator deleted back, with the person's change, and those of its connections that still can be. */
  const restoreNode = (before: Instance, links: ProjectData['connections'], patch: Record<string, unknown>, label: string | null) =>
    attempt(() =>
      edit((p) => {
        const present = new Set([...p.components.map((n) => n.id), before.id]);
        const config = applyConfigPatch((before.config ?? {}) as Record<string, unknown>, patch);
        const edits = [
          { addNode: { id: before.id, componentId: before.componentId, label, position: { x: before.position.x, y: before.position.y }, config } },
          ...links
            .filter((c) => present.has(c.sourceId) && present.has(c.targetId))
            .map(({ sourceId, sourcePort, targetId, targetPort }) => ({ connect: { sourceId, sourcePort, targetId, targetPort } })),
        ];
        return applyEdits({ variables: { projectId, edits, expectedVersion: p.version } });
      }),
    );

  const liveSession = session && LIVE_DEBUG.has(session.state) ? session : undefined;
  // Paused inside a map iteration: the canvas shows the map node (the call stack's top-level frame).
  const currentOnCanvas = liveSession?.callStack.find((f) => f.depth === 0)?.nodeId ?? liveSession?.currentNodeId;
  const onToggleBreakpoint = useCallback(
    (nodeId: string) => {
      setBreakpoints((current) => {
        const next = new Map(current);
        if (next.has(nodeId)) next.delete(nodeId);
        else next.set(nodeId, null);
        return next;
      });
      if (liveSession) {
        const on = !breakpoints.has(nodeId);
        void attempt(() =>
          on ? setBreakpoint({ variables: { sessionId: liveSession.id, nodeId } }) : removeBreakpoint({ variables: { sessionId: liveSession.id, nodeId } }),
        );
      }
    },
    [liveSession, breakpoints, attempt],
  );
  const onCondition = (nodeId: string, condition: string | null) => {
    setBreakpoints((current) => new Map(current).set(nodeId, condition));
    if (liveSession) void attempt(() => setBreakpoint({ variables: { sessionId: liveSession.id, nodeId, condition } }));
  };

  // Stable identity: a new Set on every render would rebuild all node data (and re-render every node).
  const breakpointIds = useMemo(() => new Set(breakpoints.keys()), [breakpoints]);
  const selectedNode = selection.length === 1 ? project.components.find((n) => n.id === selection[0]) : undefined;

  return (
    <main className="editor">
      <div className="editor-bar">
        <a href="#/" aria-label="Back to projects">
          ←
        </a>
        <h1>{project.name}</h1>
        <span className="muted" data-testid="project-version">
          v{project.version}
        </span>
        {!project.validation.valid && (
          <span className="badge badge-error" title={project.validation.errors.map((e) => e.message).join('\n')}>
            {project.validation.errors.length} issue{project.validation.errors.length === 1 ? '' : 's'}
          </span>
        )}
        <div className="row" role="group" aria-label="Edit">
          <button type="button" data-testid="undo" onClick={onUndo} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button type="button" data-testid="redo" onClick={onRedo} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
          <button type="button" data-testid="copy" onClick={onCopy} disabled={!selection.length} title="Copy (Ctrl+C)">
            Copy
          </button>
          <button type="button" data-testid="paste" onClick={onPaste} disabled={!clipboardFull} title="Paste (Ctrl+V)">
            Paste
          </button>
          <button type="button" data-testid="duplicate" onClick={onDuplicate} disabled={!selection.length} title="Duplicate (Ctrl+D)">
            Duplicate
          </button>
        </div>
        <span className="spacer" />
        <button
          type="button"
          data-testid="debug-toggle"
          aria-pressed={debugging}
          onClick={() => {
            setDebugging((d) => !d);
            setTab('Debug');
          }}
        >
          Debug mode
        </button>
        <Presence projectId={projectId} selection={selection} />
      </div>
      {/* A live region present from the start, so screen readers announce what appears in it. */}
      <div role="status" className="notices">
        {notice && (
          <p className="notice banner" data-testid="conflict-notice">
            {notice.text}
            {notice.action && (
              <button
                type="button"
                data-testid="conflict-notice-action"
                onClick={() => {
                  const { run } = notice.action!;
                  setNotice(undefined);
                  void run();
                }}
              >
                {notice.action.label}
              </button>
            )}
            <button type="button" aria-label="Dismiss" onClick={() => setNotice(undefined)}>
              ×
            </button>
          </p>
        )}
      </div>
      {actionError && (
        <p role="alert" className="error banner" data-testid="action-error">
          {actionError}
          <button type="button" aria-label="Dismiss" onClick={() => setActionError(undefined)}>
            ×
          </button>
        </p>
      )}
      <div className="editor-body">
        <Palette onAdd={addAtCentre} />
        <Canvas
          project={project}
          statuses={statuses}
          findings={findings}
          debugging={debugging}
          breakpoints={breakpointIds}
          currentNodeId={currentOnCanvas}
          onToggleBreakpoint={onToggleBreakpoint}
          onSelect={setSelection}
          onAdd={onAdd}
          onMove={onMove}
          onConnect={onConnect}
          onDelete={onDelete}
          onLayout={onLayout}
          preview={preview}
        />
        <aside className="side">
          <div className="tabs" role="group" aria-label="Panels">
            {TABS.map((t) => (
              <button key={t} type="button" aria-pressed={tab === t} data-testid={`tab-${t.toLowerCase()}`} onClick={() => setTab(t)}>
                {t}
              </button>
            ))}
          </div>
          {tab === 'Config' &&
            (selectedNode ? (
              <ConfigPanel
                key={selectedNode.id}
                node={selectedNode}
                issues={project.validation.errors.filter((e) => e.nodeId === selectedNode.id)}
                onSave={(base, next) => onSaveConfig(selectedNode.id, base, next)}
                onDelete={() => onDelete([selectedNode.id], [])}
              />
            ) : (
              <p className="muted panel">Select one node to edit its configuration.</p>
            ))}
          {tab === 'Run' && (
            <RunPanel project={project} inputValues={inputValues} onInputValues={setInputValues} onStatuses={setStatuses} selectedNodeId={selection[0]} />
          )}
          {tab === 'Debug' && (
            <DebugPanel
              project={project}
              inputValues={inputValues}
              breakpoints={breakpoints}
              selectedNodeId={selection[0]}
              onCondition={onCondition}
              session={session}
              onSession={setSession}
            />
          )}
          {tab === 'Code' && <CodePanel project={project} />}
          {tab === 'Deploy' && <DeployPanel project={project} />}
          {tab === 'Assistant' && <AssistantPanel project={project} onFindings={setFindings} onPreview={setPreview} />}
        </aside>
      </div>
    </main>
  );
}

function partition<T>(items: readonly T[], keep: (item: T) => boolean): [T[], T[]] {
  return [items.filter(keep), items.filter((item) => !keep(item))];
}
