/**
 * The selected node's config, as a form generated from the component's JSON Schema. Saving sends the whole config;
 * the server validates it and its messages (JSON-pointer fields) are shown on the fields they concern.
 */
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { CatalogQuery } from '../operations';
import { serverIssues } from '../errors';
import { CodeField } from './CodeField';
import { isObjectList, ObjectListField } from './ObjectListField';
import type { FieldScope } from './expression-language';
import type { Instance, Issue } from './types';

interface SchemaProperty {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  default?: unknown;
  title?: string;
  items?: unknown;
}

type Draft = Record<string, string | boolean>;

const isJsonField = (p: SchemaProperty) => !p.type || Array.isArray(p.type) || p.type === 'object' || p.type === 'array';

function toDraft(config: Record<string, unknown>, properties: Record<string, SchemaProperty>): Draft {
  const draft: Draft = {};
  for (const [key, p] of Object.entries(properties)) {
    const value = config[key];
    if (p.type === 'boolean') draft[key] = Boolean(value ?? p.default ?? false);
    else if (value === undefined) draft[key] = '';
    else
      draft[key] =
        isJsonField(p) || typeof value !== 'string' ? (typeof value === 'string' && !isJsonField(p) ? value : JSON.stringify(value, null, 2)) : value;
  }
  return draft;
}

/** Back from the form: empty fields are left out (the schema's defaults apply); JSON fields must parse. */
function fromDraft(draft: Draft, properties: Record<string, SchemaProperty>): { config: Record<string, unknown>; errors: Record<string, string> } {
  const config: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [key, p] of Object.entries(properties)) {
    const value = draft[key];
    if (typeof value === 'boolean') {
      config[key] = value;
      continue;
    }
    if (value === undefined || value === '') continue;
    if (p.type === 'number' || p.type === 'integer') config[key] = Number(value);
    else if (isJsonField(p)) {
      try {
        config[key] = JSON.parse(value);
      } catch {
        // Untyped fields accept plain text too.
        if (!p.type) config[key] = value;
        else errors[`/${key}`] = 'not valid JSON';
      }
    } else config[key] = value;
  }
  return { config, errors };
}

interface Saved {
  config: Record<string, unknown>;
  label: string | null;
}

export function ConfigPanel({
  node,
  issues,
  onSave,
  onDelete,
}: {
  node: Instance;
  issues: Issue[];
  onSave: (base: Saved, next: Saved) => Promise<unknown>;
  onDelete: () => void;
}) {
  // The palette loaded the catalog already (cache-first): the schema is read from there.
  const { data: catalog } = useQuery(CatalogQuery);
  const entry = catalog?.components.find((c) => c.id === node.componentId);
  const schema = (entry?.configSchema ?? {}) as { properties?: Record<string, SchemaProperty>; required?: string[] };
  const properties = schema.properties ?? {};
  const config = (node.config ?? {}) as Record<string, unknown>;
  const [draft, setDraft] = useState<Draft>(() => toDraft(config, properties));
  const [label, setLabel] = useState(node.label ?? '');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  // What the form was loaded from: a save sends only what the person changed relative to it, so a collaborator's
  // edit of another field of this node is kept (and a CONFLICT re-applies just these fields).
  const base = useRef<Saved>({ config, label: node.label ?? null });
  // A remote edit or a save updates the fields the person has not touched; their unsaved changes stay.
  useEffect(() => {
    const before = toDraft(base.current.config, properties);
    const after = toDraft(config, properties);
    setDraft((current) => {
      const next: Draft = { ...after };
      for (const key of Object.keys(current)) if (current[key] !== before[key]) next[key] = current[key];
      return next;
    });
    setLabel((current) => (current !== (base.current.label ?? '') ? current : (node.label ?? '')));
    base.current = { config, label: node.label ?? null };
  }, [node.id, JSON.stringify(node.config), node.label, Boolean(catalog)]);

  // Expression/template fields get a CodeMirror editor with the field's scope: top-level ones (`/expression`) and
  // those of each entry of a list (`/cases/*/expression`, by list key then entry field).
  const codeFields: Record<string, FieldScope> = {};
  const entryCodeFields: Record<string, Record<string, FieldScope>> = {};
  for (const f of entry?.expressionFields ?? []) {
    const scope: FieldScope = {
      kind: f.kind === 'template' ? 'template' : 'expression',
      scope: f.scope,
      inputPorts: node.component.inputs.map((p) => p.name),
      configKeys: Object.keys(properties),
    };
    const [, key, star, field, ...rest] = f.pointer.split('/');
    if (!properties[key]) continue;
    if (star === undefined) codeFields[key] = scope;
    else if (star === '*' && field && !rest.length) (entryCodeFields[key] ??= {})[field] = scope;
  }

  const serverFieldErrors: Record<string, string> = {};
  for (const issue of issues) if (issue.field) serverFieldErrors[issue.field] = issue.message;
  const shown = { ...serverFieldErrors, ...fieldErrors };

  const save = async () => {
    setSaved(false);
    setFormError(undefined);
    const { config: next, errors } = fromDraft(draft, properties);
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    try {
      await onSave(base.current, { config: next, label: label.trim() || null });
      setSaved(true);
    } catch (err) {
      const byField: Record<string, string> = {};
      const messages: string[] = [];
      for (const issue of serverIssues(err)) {
        const nested = (issue.extensions?.issues as { field?: string; message: string }[] | undefined) ?? [];
        for (const n of nested) if (n.field) byField[n.field] = n.message;
        messages.push(issue.code ? `${issue.code}: ${issue.message}` : issue.message);
      }
      setFieldErrors(byField);
      setFormError(messages.join('\n'));
    }
  };

  return (
    <form
      className="config-panel"
      data-testid="config-panel"
      aria-label={`Configuration of ${node.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>
        {node.component.name} <small>{node.id}</small>
      </h2>
      <label htmlFor="cfg-label">Label</label>
      <input id="cfg-label" value={label} onChange={(e) => setLabel(e.target.value)} />
      {Object.entries(properties).map(([key, p]) => {
        const id = `cfg-${key}`;
        const error = shown[`/${key}`];
        const value = draft[key];
        const required = schema.required?.includes(key);
        return (
          <div key={key} className={`field${error ? ' invalid' : ''}`}>
            <label htmlFor={id} id={`${id}-label`}>
              {p.title ?? key}
              {required ? ' *' : ''}
            </label>
            {p.type === 'boolean' ? (
              <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => setDraft({ ...draft, [key]: e.target.checked })} />
            ) : p.enum ? (
              <select id={id} value={String(value ?? '')} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}>
                <option value="">(default)</option>
                {p.enum.map((v) => (
                  <option key={String(v)} value={String(v)}>
                    {String(v)}
                  </option>
                ))}
              </select>
            ) : isObjectList(p) ? (
              <ObjectListField
                id={id}
                name={key}
                schema={p.items}
                value={String(value ?? '')}
                errors={shown}
                pointer={`/${key}`}
                codeFields={entryCodeFields[key] ?? {}}
                onChange={(text) => setDraft((d) => ({ ...d, [key]: text }))}
              />
            ) : codeFields[key] || (key === 'code' && p.type === 'string') ? (
              <CodeField
                value={String(value ?? '')}
                language={codeFields[key]?.kind ?? 'javascript'}
                field={codeFields[key]}
                labelledBy={`${id}-label`}
                describedBy={error ? `${id}-error` : undefined}
                invalid={Boolean(error)}
                testId={`code-field-${key}`}
                onChange={(text) => setDraft((d) => ({ ...d, [key]: text }))}
              />
            ) : isJsonField(p) ? (
              <textarea
                id={id}
                rows={3}
                value={String(value ?? '')}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              />
            ) : (
              <input
                id={id}
                type={p.type === 'number' || p.type === 'integer' ? 'number' : 'text'}
                value={String(value ?? '')}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              />
            )}
            {p.description && <small className="muted">{p.description}</small>}
            {error && !isObjectList(p) && (
              <small className="error" id={`${id}-error`} data-testid={`field-error-${key}`}>
                {error}
              </small>
            )}
          </div>
        );
      })}
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      <div className="row">
        <button type="submit" data-testid="config-save">
          Save
        </button>
        <button type="button" onClick={onDelete} data-testid="delete-node">
          Delete node
        </button>
        {saved && <span role="status">Saved</span>}
      </div>
    </form>
  );
}
