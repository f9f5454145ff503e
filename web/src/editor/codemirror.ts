/**
 * CodeMirror 6 with the generator's languages and the expression language; loaded on first use (kept out of the
 * initial bundle). Read-only views show generated code; editable views edit expression, template and code fields.
 */
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, type Extension } from '@codemirror/state';
import { autocompletion } from '@codemirror/autocomplete';
import { syntaxHighlighting } from '@codemirror/language';
import { tagHighlighter, tags } from '@lezer/highlight';
import { expressionLanguage, fieldCompletions, templateLanguage, type FieldScope } from './expression-language';
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { go } from '@codemirror/lang-go';
import { java } from '@codemirror/lang-java';

function languageFor(language: string): Extension {
  switch (language) {
    case 'python':
      return python();
    case 'go':
      return go();
    case 'java':
      return java();
    case 'typescript':
      return javascript({ typescript: true });
    default:
      return javascript();
  }
}

export function createReadOnlyView(parent: HTMLElement, doc: string, language: string, label: string): EditorView {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [basicSetup, languageFor(language), EditorState.readOnly.of(true), EditorView.contentAttributes.of({ 'aria-label': label })],
    }),
  });
  // The scroller must be reachable by keyboard (axe: scrollable-region-focusable).
  view.scrollDOM.tabIndex = 0;
  return view;
}

/** Stable class names on top of the default colours, so tests and styles.css can tell token kinds apart. */
const tokenClasses = syntaxHighlighting(
  tagHighlighter([
    { tag: tags.function(tags.variableName), class: 'tok-function' },
    { tag: tags.variableName, class: 'tok-variable' },
    { tag: tags.propertyName, class: 'tok-property' },
    { tag: [tags.string], class: 'tok-string' },
    { tag: [tags.number, tags.bool, tags.null], class: 'tok-literal' },
    { tag: tags.operator, class: 'tok-operator' },
    { tag: tags.brace, class: 'tok-brace' },
    { tag: tags.invalid, class: 'tok-invalid' },
  ]),
);

export interface EditableOptions {
  doc: string;
  /** `expression` / `template` (with `field` for completion) or a code language (`javascript`). */
  language: 'expression' | 'template' | 'javascript';
  field?: FieldScope;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  onChange: (text: string) => void;
  onBlur?: () => void;
}

export function createEditableView(parent: HTMLElement, options: EditableOptions): EditorView {
  const language = options.language === 'expression' ? expressionLanguage : options.language === 'template' ? templateLanguage : javascript();
  const completion = options.field ? [autocompletion({ override: [fieldCompletions(options.field)], activateOnTyping: true })] : [];
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        basicSetup,
        language,
        tokenClasses,
        ...completion,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          'aria-labelledby': options.labelledBy,
          ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
          ...(options.invalid ? { 'aria-invalid': 'true' } : {}),
        }),
        EditorView.domEventHandlers({ blur: () => void options.onBlur?.() }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Replaces the text when it changed elsewhere (a save, a remote edit), keeping the view. */
export function setText(view: EditorView, text: string): void {
  if (view.state.doc.toString() !== text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
