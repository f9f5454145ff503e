/** Jest runs TypeScript through SWC (≈2.5× faster than ts-jest); `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/engine'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
    // jose 6 ships ESM only: Node 20.19 require()s it natively, jest needs it compiled.
    '^.+/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testTimeout: 60000,
  // One test file at a time (the suites share ports, Redis and PostgreSQL), in a worker that is replaced once it holds
  // over 1 GB: every file loads better-sqlite3 into its own context and the addon keeps a global handle to its error
  // class, so each file's whole module graph (≈40 MB) stays alive; in band, the runner died of heap exhaustion at ≈4 GB.
  maxWorkers: 1,
  workerIdleMemoryLimit: '1GB',
  setupFiles: ['<rootDir>/tests/setup-env.ts'],
};
