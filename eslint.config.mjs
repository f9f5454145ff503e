// ESLint: correctness rules for TypeScript plus the layering of docs/ARCHITECTURE.md §3 as import boundaries
// (tests/architecture/import-graph.test.ts checks the same layers and import cycles on the whole graph).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SUBGRAPHS = ['workflow', 'registry', 'codegen', 'debugger', 'deployment', 'assistant'];

/** `no-restricted-imports` patterns forbidding imports of the given top-level folders from a file at `depth`. */
const forbid = (folders, message) => ({
  'no-restricted-imports': ['error', { patterns: folders.map((folder) => ({ group: [`**/${folder}`, `**/${folder}/**`], message })) }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'web/**',
      'dist/**',
      'data/**',
      '**/generated/**',
      'engine/codegen/runtime/**',
      'tests/**/generated-fixtures/**',
      'coverage/**',
      'test-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript run by Node directly (healthcheck, jest config, the sandbox bridge): CommonJS with Node's globals.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: Object.fromEntries(
        ['process', 'require', 'module', 'exports', '__dirname', 'console', 'fetch', 'AbortSignal', 'setTimeout', 'clearTimeout', 'Buffer'].map((name) => [
          name,
          'readonly',
        ]),
      ),
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // The code base uses `any` only at JSON and library seams; the type checker (strict) does the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off', // launcher.ts loads services lazily on purpose
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off', // the expression language and JSON code deal in control characters deliberately
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }], // a variable a callback reads before it is set
    },
  },
  { files: ['engine/**/*.ts'], rules: forbid(['platform', 'subgraphs', 'router'], 'engine/ imports nothing above it (docs/ARCHITECTURE.md §3)') },
  { files: ['platform/**/*.ts'], rules: forbid(['subgraphs', 'router'], 'platform/ does not import services (docs/ARCHITECTURE.md §3)') },
  { files: ['router/**/*.ts'], rules: forbid(['subgraphs'], 'router/ reaches subgraphs over GraphQL only (docs/ARCHITECTURE.md §3)') },
  ...SUBGRAPHS.map((name) => ({
    files: [`subgraphs/${name}/**/*.ts`],
    rules: forbid(
      SUBGRAPHS.filter((other) => other !== name).map((other) => `subgraphs/${other}`),
      'subgraphs do not import each other (docs/ARCHITECTURE.md §3)',
    ),
  })),
);
