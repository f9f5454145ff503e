/**
 * A config field that is a list of small objects (a switch's cases: a port name and a condition each), edited as a
 * list rather than as JSON: add, remove and reorder entries with buttons (keyboard-reachable, focus follows the
 * entry), each entry's fields as inputs or — for expression fields — CodeMirror with the field's completion. The
 * server's validation messages (pointers such as `/cases/1/expression`) are shown on the entry field they concern.
 * The form keeps the list as JSON text, like any other structured field, so drafts and remote edits merge as before.
 */
import { useEffect, useState } from 'react';
import { CodeField } from './CodeField';
import type { FieldScope } from './expression-language';

export interface ItemSchema {
  type?: string;
  properties: Record<string, { type?: string | string[]; description?: string; default?: unknown }>;
  required?: string[];
}

type Item = Record<string, unknown>;

/** Lists of objects whose fields are all strings, numbers or booleans get this editor; anything else stays JSON. */
export function isObjectList(p: { type?: string | string[]; items?: unknown }): p is { type: 'array'; items: ItemSchema } {
  const items = p.items as ItemSchema | undefined;
  if (p.type !== 'array' || items?.type !== 'object' || !items.properties) return false;
  const props = Object.values(items.properties);
  return props.length > 0 && props.every((f) => f.type === 'string' || f.type === 'number' || f.type === 'integer' || f.type === 'boolean');
}

function parseItems(text: string): Item[] | undefined {
  if (text.trim() === '') return [];
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) ? (value as Item[]) : undefined;
  } catch {
    return undefined;
  }
}

/** "cases" → "case": what one entry is called in labels. */
const singular = (key: string) => (key.endsWith('s') && key.length > 1 ? key.slice(0, -1) : 'item');

export function ObjectListField({
  id,
  name,
  schema,
  value,
  errors,
  pointer,
  codeFields,
  onChange,
}: {
  /** Prefix of the element ids (`cfg-cases`). */
  id: string;
  /** The config key (`cases`). */
  name: string;
  schema: ItemSchema;
  /** The list as JSON text (the form's draft). */
  value: string;
  /** Messages by JSON pointer into the config. */
  errors: Record<string, string>;
  /** The list's pointer (`/cases`). */
  pointer: string;
  /** The entry fields that are expressions or templates, with their completion scope. */
  codeFields: Record<string, FieldScope>;
  onChange: (text: string) => void;
}) {
  const items = parseItems(value);
  const noun = singular(name);
  // The element to focus once the list has re-rendered (after add, remove or move).
  const [focusId, setFocusId] = useState<string>();
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [focusId]);

  // Not a list of objects (a hand-written config): edited as JSON until it is one again.
  if (!items)
    return (
      <>
        <textarea id={id} rows={4} value={value} aria-invalid="true" aria-describedby={`${id}-error`} onChange={(e) => onChange(e.target.value)} />
        <small className="error" id={`${id}-error`}>
          {errors[pointer] ?? `Not a JSON list of ${name}`}
        </small>
      </>
    );

  const fields = Object.entries(schema.properties);
  const set = (next: Item[]) => onChange(JSON.stringify(next, null, 2));
  const update = (index: number, key: string, fieldValue: unknown) => set(items.map((item, i) => (i === index ? { ...item, [key]: fieldValue } : item)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    set(next);
    // Keep the focus on the same button of the moved entry (or its other move button at either end).
    const target = index + by;
    const edge = (by === -1 && target === 0) || (by === 1 && target === items.length - 1);
    setFocusId(`${id}-${target}-${edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`);
  };
  const remove = (index: number) => {
    set(items.filter((_, i) => i !== index));
    setFocusId(items.length > 1 ? `${id}-${Math.min(index, items.length - 2)}-remove` : `${id}-add`);
  };
  const add = () => {
    const taken = new Set(items.map((item) => item.name));
    let n = items.length + 1;
    while (taken.has(`${noun}${n}`)) n++;
    const fresh: Item = {};
    for (const [key, f] of fields) {
      if (f.default !== undefined) fresh[key] = f.default;
      else if (key === 'name') fresh[key] = `${noun}${n}`;
      else if (f.type === 'boolean') fresh[key] = false;
      else if (f.type === 'string') fresh[key] = '';
    }
    set([...items, fresh]);
    setFocusId(`${id}-${items.length}-${fields[0][0]}`);
  };

  const listError = errors[pointer];
  return (
    <div className="object-list" role="group" aria-labelledby={`${id}-label`} data-testid={`list-${name}`}>
      {listError && (
        <small className="error" id={`${id}-error`} data-testid={`field-error-${name}`}>
          {listError}
        </small>
      )}
      <ol>
        {items.map((item, index) => {
          const title = `${noun[0].toUpperCase()}${noun.slice(1)} ${index + 1}`;
          return (
            <li key={index} className="object-list-item" data-testid={`${name}-${index}`}>
              <fieldset>
                <legend id={`${id}-${index}-legend`}>{title}</legend>
                {fields.map(([key, f]) => {
                  const fieldId = `${id}-${index}-${key}`;
                  const error = errors[`${pointer}/${index}/${key}`];
                  const errorId = error ? `${fieldId}-error` : undefined;
                  const text = item[key] === undefined || item[key] === null ? '' : String(item[key]);
                  return (
                    <div key={key} className={`field${error ? ' invalid' : ''}`}>
                      <label htmlFor={fieldId} id={`${fieldId}-label`}>
                        {`${title} ${key}`}
                        {schema.required?.includes(key) ? ' *' : ''}
                      </label>
                      {codeFields[key] ? (
                        <CodeField
                          value={text}
                          language={codeFields[key].kind}
                          field={codeFields[key]}
                          labelledBy={`${fieldId}-label`}
                          describedBy={errorId}
                          invalid={Boolean(error)}
                          testId={`code-field-${name}-${index}-${key}`}
                          onChange={(next) => update(index, key, next)}
                        />
                      ) : f.type === 'boolean' ? (
                        <input id={fieldId} type="checkbox" checked={Boolean(item[key])} onChange={(e) => update(index, key, e.target.checked)} />
                      ) : (
                        <input
                          id={fieldId}
                          type={f.type === 'string' ? 'text' : 'number'}
                          value={text}
                          aria-invalid={Boolean(error)}
                          aria-describedby={errorId}
                          onChange={(e) =>
                            update(index, key, f.type === 'string' ? e.target.value : e.target.value === '' ? undefined : Number(e.target.value))
                          }
                        />
                      )}
                      {error && (
                        <small className="error" id={errorId} data-testid={`field-error-${name}-${index}-${key}`}>
                          {error}
                        </small>
                      )}
                    </div>
                  );
                })}
                <div className="row" role="group" aria-label={`${title} actions`}>
                  <button
                    type="button"
                    id={`${id}-${index}-up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={`Move ${title.toLowerCase()} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`${id}-${index}-down`}
                    disabled={index === items.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`Move ${title.toLowerCase()} down`}
                  >
                    ↓
                  </button>
                  <button type="button" id={`${id}-${index}-remove`} onClick={() => remove(index)} aria-label={`Remove ${title.toLowerCase()}`}>
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" id={`${id}-add`} data-testid={`add-${name}`} onClick={add}>
        Add {noun}
      </button>
    </div>
  );
}
