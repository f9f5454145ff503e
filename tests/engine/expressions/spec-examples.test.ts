/**
 * Executes every example of engine/expressions/SPEC.md, so the document the code generators follow cannot drift
 * from the implementation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileExpression, EXPRESSION_FUNCTIONS, ExpressionError } from '../../../engine/expressions';

const spec = readFileSync(join(__dirname, '../../../engine/expressions/SPEC.md'), 'utf8');

function fencedBlock(info: string): string {
  const match = new RegExp('```' + info + '\\n([\\s\\S]*?)```').exec(spec);
  if (!match) throw new Error(`SPEC.md has no \`\`\`${info} block`);
  return match[1];
}

const scope = JSON.parse(fencedBlock('json scope')) as Record<string, unknown>;

type Example = { source: string; expected: { value: unknown } | { code: string; position: number } };

const examples: Example[] = fencedBlock('examples')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const separator = line.lastIndexOf(' ⇒ ');
    const source = line.slice(0, separator);
    const result = line.slice(separator + 3).trim();
    const error = /^error (EXPRESSION_[A-Z_]+) at (\d+)$/.exec(result);
    return { source, expected: error ? { code: error[1], position: Number(error[2]) } : { value: JSON.parse(result) } };
  });

function outcome(source: string): { value: unknown } | { code: string; position: number } {
  try {
    return { value: compileExpression(source).evaluate(scope) };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return { code: error.code, position: error.position };
  }
}

describe('SPEC.md examples', () => {
  it('has a substantial example set', () => {
    expect(examples.length).toBeGreaterThan(150);
  });

  it.each(examples.map((e) => [e.source, e.expected] as const))('%s', (source, expected) => {
    // toEqual distinguishes -0 from 0, so "no negative zero" is checked too.
    expect(outcome(source)).toEqual(expected);
  });

  it('documents and exemplifies every function of the table', () => {
    const exampleSources = examples.map((e) => e.source).join('\n');
    for (const name of Object.keys(EXPRESSION_FUNCTIONS)) {
      expect(spec).toContain('`' + name + '(');
      expect(exampleSources).toMatch(new RegExp(`\\b${name}\\(`));
    }
  });
});
