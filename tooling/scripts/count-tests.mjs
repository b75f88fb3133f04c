// Sums the Vitest JSON reports written under TEST_RESULTS_DIR: how many tests ran and passed on each database.
// Exits 1 when the PostgreSQL run ran no tests (a silently skipped suite must not look green).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const totals = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const db = file.endsWith('-postgres.json') ? 'postgres' : 'sqlite';
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const t = (totals[db] ??= { files: 0, tests: 0, passed: 0, failed: 0 });
  t.files += report.numTotalTestSuites ?? 0;
  t.tests += report.numTotalTests ?? 0;
  t.passed += report.numPassedTests ?? 0;
  t.failed += report.numFailedTests ?? 0;
}
for (const [db, t] of Object.entries(totals)) {
  console.log(`${db.padEnd(8)} ${t.tests} tests (${t.passed} passed, ${t.failed} failed)`);
}
if (!totals.postgres || totals.postgres.tests === 0) {
  console.error('No tests ran on PostgreSQL.');
  process.exit(1);
}
