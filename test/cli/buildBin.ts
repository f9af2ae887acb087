import { buildCli } from '../../scripts/build.js';

/**
 * vitest globalSetup: compiles the `rumorguard` bin before any test runs, so the tests that start
 * it as a child process never run a build older than the sources (a fraction of a second; files
 * that did not change are not rewritten).
 */
export default async function buildBin(): Promise<void> {
  await buildCli();
}
