// tsx profile-summary.ts <file.cpuprofile> [n]: the functions with the most self time in a V8 CPU profile (as
// written by `node --cpu-prof`), and the packages/files that time falls in — the benchmark's profiling aid.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, top = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx profile-summary.ts <file.cpuprofile> [n]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// Self time per node: each sample's delta goes to the node it landed in.
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** Where a frame's code lives: a workspace package, an npm package, node's own code, or V8. */
function place(url: string): string {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const ws = url.match(/\/(apps|packages)\/([^/]+)\//);
  return ws ? `${ws[1]}/${ws[2]}` : url;
}

const fns = new Map<string, number>();
const places = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const short = url.replace(/^.*\/(node_modules|apps|packages)\//, '$1/');
  const key = `${functionName || '(anonymous)'} ${short ? `${short}:${lineNumber + 1}` : ''}`.trim();
  fns.set(key, (fns.get(key) ?? 0) + us);
  places.set(place(url), (places.get(place(url)) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1)} %`.padStart(7);
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n\nself time by function:`);
for (const [k, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
  console.log(`${pct(us)}  ${k}`);
console.log('\nself time by package:');
for (const [k, us] of [...places].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(us)}  ${k}`);

// Who calls the heaviest functions: the three commonest call paths (five frames up) into each of the top five.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (id: number) => {
  const f = byId.get(id)!.callFrame;
  return `${f.functionName || '(anonymous)'}@${f.url.split('/').pop()}:${f.lineNumber + 1}`;
};
console.log('\ncallers of the top functions:');
const focus = process.env.FOCUS; // a function's name: its callers instead of the top five's
for (const [k] of [...fns]
  .sort((a, b) => b[1] - a[1])
  .filter(([k]) => (focus ? k.startsWith(focus) : !k.startsWith('(')))
  .slice(0, 5)) {
  const paths = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame;
    const short = f.url.replace(/^.*\/(node_modules|apps|packages)\//, '$1/');
    if (`${f.functionName || '(anonymous)'} ${short ? `${short}:${f.lineNumber + 1}` : ''}`.trim() !== k)
      continue;
    const chain: string[] = [];
    for (
      let p = parent.get(id);
      p !== undefined && chain.length < Number(process.env.DEPTH ?? 5);
      p = parent.get(p)
    )
      chain.push(name(p));
    const key = chain.join(' < ');
    paths.set(key, (paths.get(key) ?? 0) + us);
  }
  console.log(`${k}:`);
  for (const [chain, us] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, 3))
    console.log(`  ${pct(us)}  < ${chain}`);
}
