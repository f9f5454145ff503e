/**
 * An editable CodeMirror field for expressions, templates and code (highlighting; completion of the engine's
 * functions and the field's scope). CodeMirror loads on first use; until then the field shows nothing editable.
 */
import { useEffect, useRef } from 'react';
import type { EditorView } from '@codemirror/view';
import type { FieldScope } from './expression-language';

export interface CodeFieldProps {
  value: string;
  language: 'expression' | 'template' | 'javascript';
  field?: FieldScope;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  testId: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
}

export function CodeField({ value, language, field, labelledBy, describedBy, invalid, testId, onChange, onBlur }: CodeFieldProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  const setText = useRef<(view: EditorView, text: string) => void>(null);
  const latest = useRef({ value, onChange, onBlur });
  latest.current = { value, onChange, onBlur };
  useEffect(() => {
    let destroyed = false;
    void import('./codemirror').then((cm) => {
      if (destroyed || !host.current) return;
      setText.current = cm.setText;
      view.current = cm.createEditableView(host.current, {
        doc: latest.current.value,
        language,
        field,
        labelledBy,
        describedBy,
        invalid,
        onChange: (text) => latest.current.onChange(text),
        onBlur: () => latest.current.onBlur?.(),
      });
    });
    return () => {
      destroyed = true;
      view.current?.destroy();
      view.current = null;
    };
    // The view is rebuilt only when what it highlights or completes changes; text flows through setText.
  }, [language, JSON.stringify(field), labelledBy, describedBy, invalid]);
  useEffect(() => {
    if (view.current && setText.current) setText.current(view.current, value);
  }, [value]);
  return <div className="code-field" data-testid={testId} data-language={language} ref={host} />;
}
