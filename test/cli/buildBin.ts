import type { TestProject } from 'vitest/node';
import { buildCli } from '../../scripts/build.js';

/**
 * vitest globalSetup: compiles the `rumorguard` bin before any test runs, and again before each
 * rerun in watch mode, so the tests that start it as a child process never run a build older
 * than the sources (a fraction of a second; files that did not change are not rewritten).
 */
export default async function buildBin(project: TestProject): Promise<void> {
  await buildCli();
  project.onTestsRerun(async () => {
    await buildCli();
  });
}
