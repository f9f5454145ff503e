/** CodeMirror 6 with the generator's languages; loaded on first use (kept out of the initial bundle). */
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, type Extension } from '@codemirror/state';
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
