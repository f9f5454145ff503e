/**
 * What keeping artifact files in their own column saves (issue 21), in-process on SQLite, no network: the dashboard's
 * read of 20 projects' artifacts (`listByProjects`) through the store without blobs (files in the JSON body, the
 * previous layout) and with `files` as a blob column. Python artifacts of the templates that need no network.
 * Run: `npx tsx bench/artifact-store.bench.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateProject } from '../engine/codegen';
import { builtinTemplates } from '../engine/templates';
import { openDatabase } from '../platform/db';
import { projectEntityMigration, ProjectEntityStore } from '../platform/project-entity-store';
import { codegenMigrations, type ArtifactRecord } from '../subgraphs/codegen/artifact-store';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-artifact-bench-'));
  const templates = builtinTemplates.filter((t) => !t.needs?.length);
  const projects = Array.from({ length: 20 }, (_, i) => `p${i}`);
  const artifact = (projectId: string, i: number): ArtifactRecord => {
    const project = generateProject(templates[i % templates.length].graph, 'python', { projectName: `project ${i}` });
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    return {
      id: `a${i}`,
      projectId,
      ownerId: 'u',
      createdAt: at,
      updatedAt: at,
      projectVersion: 1,
      language: 'python',
      files: project.files,
      mainFile: project.mainFile,
      buildCommand: null,
      runCommand: project.commands.run,
      checksum: 'x',
      lines: 1,
      options: null,
    };
  };
  const layouts = {
    'files in the body (before)': { migrations: { '0001_code_artifacts': projectEntityMigration('code_artifacts') }, blobs: [] as const },
    'files in their own column (now)': { migrations: codegenMigrations, blobs: ['files'] as const },
  };
  const results: Record<string, number> = {};
  try {
    for (const [label, layout] of Object.entries(layouts)) {
      const db = await openDatabase<unknown>({ service: label.replace(/\W+/g, '_'), dataDir: dir, migrations: layout.migrations });
      const store = new ProjectEntityStore<ArtifactRecord>(db, 'code_artifacts', [...layout.blobs]);
      for (let i = 0; i < projects.length; i++) await store.insert(artifact(projects[i], i));
      for (let i = 0; i < 50; i++) await store.listByProjects(projects, 10);
      const rounds = 300;
      const started = process.cpuUsage();
      for (let i = 0; i < rounds; i++) await store.listByProjects(projects, 10);
      const used = process.cpuUsage(started);
      results[label] = (used.user + used.system) / 1000 / rounds;
      const bytes = JSON.stringify(artifact(projects[0], 0).files).length;
      console.log(`${label.padEnd(34)} ${results[label].toFixed(3)} ms CPU per 20-project read (first artifact's files: ${(bytes / 1024).toFixed(0)} KB)`);
      await db.close();
    }
    const [before, now] = Object.values(results);
    console.log(`before/now: ${(before / now).toFixed(1)}×`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
