// Build times (issue 5): a cold build of a one-function module, a no-op
// rebuild, a cold build of all the examples, against a bare `node-gyp
// rebuild` of an equivalent hand-written addon. Medians of repeated runs.
// Run: npm run build:ts && tsx bench/build-times/main.ts
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'bin/tsnative.js');
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const nodedir = path.resolve(process.execPath, '../..');
const runs = Number(process.env.RUNS ?? 3);

const dot = `import type { f64 } from 'tsnative';
/** @native */
export function dot(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
`;

const handWritten = `#include <napi.h>
static Napi::Value Dot(const Napi::CallbackInfo& info) {
  auto a = info[0].As<Napi::Float64Array>();
  auto b = info[1].As<Napi::Float64Array>();
  double s = 0;
  for (size_t i = 0; i < a.ElementLength(); i++) s += a[i] * b[i];
  return Napi::Number::New(info.Env(), s);
}
static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("dot", Napi::Function::New(env, Dot));
  return exports;
}
NODE_API_MODULE(NODE_GYP_MODULE_NAME, Init)
`;

function timed(cmd: string[], cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, cmd, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-buildbench-'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "buildbench", "private": true }\n');
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src/dot.ts'), dot);
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(repo, path.join(dir, 'node_modules/tsnative'), 'dir');
  return dir;
}

function bareNodeGyp(): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-handgyp-'));
  const include = path.dirname(require.resolve('node-addon-api/package.json'));
  fs.writeFileSync(path.join(dir, 'dot.cc'), handWritten);
  fs.writeFileSync(
    path.join(dir, 'binding.gyp'),
    JSON.stringify({
      targets: [
        {
          target_name: 'dot',
          sources: ['dot.cc'],
          include_dirs: [include],
          'cflags!': ['-fno-exceptions'],
          'cflags_cc!': ['-fno-exceptions'],
          defines: ['NAPI_VERSION=8', 'NAPI_CPP_EXCEPTIONS'],
        },
      ],
    }),
  );
  const s = timed([nodeGyp, 'rebuild', `--nodedir=${nodedir}`], dir);
  fs.rmSync(dir, { recursive: true, force: true });
  return s;
}

const cold: number[] = [];
const noop: number[] = [];
const bare: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = project();
  cold.push(timed([cli, 'build', 'src/dot.ts', '--quiet'], dir));
  noop.push(timed([cli, 'build', 'src/dot.ts', '--quiet'], dir));
  fs.rmSync(dir, { recursive: true, force: true });
  bare.push(bareNodeGyp());
}

const examples = fs
  .readdirSync(path.join(repo, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(repo, 'examples', d.name, `${d.name}.ts`)))
  .map((d) => `examples/${d.name}/${d.name}.ts`);
const exOut = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-exbench-'));
const examplesCold = (() => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'build', ...examples, '--quiet'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, TSNATIVE_OUT_DIR: exOut },
  });
  if (r.status !== 0) throw new Error(r.stdout + r.stderr);
  return (performance.now() - t0) / 1000;
})();
fs.rmSync(exOut, { recursive: true, force: true });

const rows: [string, string][] = [
  ['cold build, one-function module', `${median(cold).toFixed(2)} s`],
  ['bare node-gyp rebuild, hand-written addon', `${median(bare).toFixed(2)} s`],
  ['  ratio (target ≤ 1.2×)', `${(median(cold) / median(bare)).toFixed(2)}×`],
  ['no-op rebuild (target < 0.3 s)', `${median(noop).toFixed(2)} s`],
  [`cold build of the ${examples.length} examples (${os.cpus().length} jobs)`, `${examplesCold.toFixed(2)} s`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(48)} ${v}`);
console.log(`medians of ${runs} runs (one-function module); ${os.cpus().length} cores`);
