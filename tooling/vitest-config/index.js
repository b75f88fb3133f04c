// Shared Vitest settings. When TEST_RESULTS_DIR is set (the CI script sets it), each package also writes a JSON
// report there so the script can say how many tests ran on each database.
import path from 'node:path';

/** @param {string} name package name, used for the report file */
export function vitestConfig(name) {
  const dir = process.env.TEST_RESULTS_DIR;
  const db = process.env.TEST_POSTGRES_URL ? 'postgres' : 'sqlite';
  return {
    test: {
      include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'app/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      reporters: dir
        ? ['default', ['json', { outputFile: path.join(dir, `${name.replace(/[@/]/g, '_')}-${db}.json`) }]]
        : ['default'],
    },
  };
}
