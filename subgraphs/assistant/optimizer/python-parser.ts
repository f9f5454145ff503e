/**
 * The Python grammar: tree-sitter's official WASM build (npm `tree-sitter-python`) run by `web-tree-sitter`.
 * Loaded once per process, lazily. The grammar is read from disk and handed over as bytes: web-tree-sitter's own
 * file loading uses a dynamic import, which jest's CommonJS runtime does not allow.
 */
import fs from 'node:fs/promises';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

let loading: Promise<Parser> | undefined;

export function pythonParser(): Promise<Parser> {
  loading ??= (async () => {
    await Parser.init();
    const language = await Language.load(await fs.readFile(require.resolve('tree-sitter-python/tree-sitter-python.wasm')));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Parses, runs `use` on the tree, and frees the tree's WASM memory whatever happens. */
export async function withPythonTree<T>(code: string, use: (tree: Tree) => T): Promise<T> {
  const tree = (await pythonParser()).parse(code);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}

/** The first ERROR or MISSING node, as a message with a 1-based position. */
export function firstSyntaxError(root: Node): string | null {
  if (!root.hasError) return null;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.isError || node.isMissing) {
      const { row, column } = node.startPosition;
      return `${node.isMissing ? `missing ${node.type}` : `unexpected ${JSON.stringify(node.text.slice(0, 30))}`} (line ${row + 1}, column ${column + 1})`;
    }
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child?.hasError || child?.isMissing || child?.isError) stack.push(child);
    }
  }
  return 'syntax error';
}

export function descendants(root: Node, type: string): Node[] {
  return root.descendantsOfType(type).filter((n): n is Node => n !== null);
}
