// The build stage on its own, with hand-written translation units (nothing
// from the compiler): node-gyp, content-addressed publishing, the cache, the
// manifest, and what a failed compile leaves behind (nothing).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildModules, type BuildSummary } from '../../compiler/build/build';
import { buildFlags } from '../../compiler/build/flags';
import type { ModuleInput } from '../../compiler/build/module-build';
import { manifestPath, readManifest } from '../../runtime/manifest';
import { findProject, hashText } from '../../runtime/project';

const tu = (value: number): string => `#include <node_api.h>
static napi_value Answer(napi_env env, napi_callback_info) {
  napi_value v;
  napi_create_double(env, ${value}, &v);
  return v;
}
NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "answer", NAPI_AUTO_LENGTH, Answer, nullptr, &fn);
  napi_set_named_property(env, exports, "answer", fn);
  return exports;
}
`;

let root: string;
let out: string;

function input(cpp: string, source = 'v1'): ModuleInput {
  const project = findProject(root);
  return {
    sourceFile: path.join(root, 'src', 'answer.ts'),
    project,
    key: 'src/answer.ts',
    sourceHash: hashText(source),
    functions: [{ name: 'answer', params: [], returns: 'f64', line: 1, options: [], exported: true }],
    artefacts: [{ target: 'cpu', emitted: { files: [{ extension: '.cc', text: cpp }] }, recipe: { flags: buildFlags(project, []) } }],
  };
}

/** With no tools on PATH, any attempt to compile fails: a cached build must not try. */
async function buildWithoutTools(inputs: ModuleInput[]): Promise<BuildSummary> {
  const saved = process.env.PATH;
  process.env.PATH = path.join(root, 'no-tools-here');
  try {
    return await buildModules(inputs);
  } finally {
    process.env.PATH = saved;
  }
}

const addons = (): string[] => fs.readdirSync(out).filter((f) => f.endsWith('.node')).sort();

let first: BuildSummary;
beforeAll(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-build-')));
  fs.writeFileSync(path.join(root, 'package.json'), '{"name":"answer","private":true}');
  out = path.join(root, 'build', 'tsnative');
  first = await buildModules([input(tu(42))]);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a first build', () => {
  it('compiles and publishes <stem>-<hash12>.node, a .d.ts and a stable alias', () => {
    expect(first.outcomes.map((o) => o.status)).toEqual(['built']);
    const entry = readManifest(out)!.modules['src/answer.ts']!;
    expect(entry.addon).toMatch(/^src_answer-[0-9a-f]{12}\.node$/);
    expect(addons()).toEqual([entry.addon, 'src_answer.node'].sort());
    expect(fs.readFileSync(path.join(out, entry.addon.replace(/\.node$/, '.d.ts')), 'utf8')).toContain('export declare function answer(): number;');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(path.join(out, entry.addon)) as { answer(): number }).answer()).toBe(42);
  });

  it('records the module in the manifest', () => {
    const entry = readManifest(out)!.modules['src/answer.ts']!;
    expect(entry).toMatchObject({
      source: 'src/answer.ts',
      sourceHash: hashText('v1'),
      cpp: 'src/src_answer/src_answer.cc',
      node: { version: process.versions.node, modules: process.versions.modules, napi: process.versions.napi },
      functions: [{ name: 'answer' }],
    });
    expect(Number.isNaN(Date.parse(entry.builtAt))).toBe(false);
  });

  it('keeps the generated C++ and a binding.gyp with relative sources for users to read', () => {
    const gyp = JSON.parse(fs.readFileSync(path.join(out, 'src', 'src_answer', 'binding.gyp'), 'utf8')) as { targets: { sources: string[] }[] };
    expect(gyp.targets[0]!.sources).toEqual(['src_answer.cc']);
    expect(fs.readFileSync(path.join(out, 'src', 'src_answer', 'src_answer.cc'), 'utf8')).toBe(tu(42));
  });

  it('leaves no temporary files', () => {
    expect(fs.readdirSync(path.join(out, '.tmp'))).toEqual([]);
  });
});

describe('the cache', () => {
  it('does not rebuild an unchanged module (no compiler is even looked for)', async () => {
    const before = fs.statSync(path.join(out, readManifest(out)!.modules['src/answer.ts']!.addon)).mtimeMs;
    const s = await buildWithoutTools([input(tu(42))]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['cached']);
    expect(s.toolchain).toEqual([]);
    expect(fs.statSync(path.join(out, readManifest(out)!.modules['src/answer.ts']!.addon)).mtimeMs).toBe(before);
  });

  it('reuses the addon when the source changed but the C++ did not, and updates the source hash', async () => {
    const s = await buildWithoutTools([input(tu(42), 'v1 with a new comment')]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['cached']);
    expect(readManifest(out)!.modules['src/answer.ts']!.sourceHash).toBe(hashText('v1 with a new comment'));
  });

  it('looks for the tools only when something must compile', async () => {
    const s = await buildWithoutTools([input(tu(43))]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['failed']);
    expect(s.toolchain.length).toBeGreaterThan(0);
  });
});

describe('a C++ compile error', () => {
  it('fails that module with the compiler error, and changes neither the addons nor the manifest', async () => {
    const manifestBefore = fs.readFileSync(manifestPath(out));
    const addonsBefore = addons();
    const s = await buildModules([input('#include <node_api.h>\n#error "deliberately broken"\n', 'v2')]);
    const o = s.outcomes[0]!;
    expect(o.status).toBe('failed');
    if (o.status !== 'failed') return;
    expect(o.reason).toBe('compile');
    expect(o.errorLines.join('\n')).toMatch(/src_answer\.cc:2:\d+: error: #error "deliberately broken"/);
    expect(fs.readFileSync(manifestPath(out))).toEqual(manifestBefore);
    expect(addons()).toEqual(addonsBefore);
    expect(fs.readdirSync(path.join(out, '.tmp'))).toEqual([]);
  });
});

describe('a rebuild while the old addon is loaded', () => {
  it('publishes new content under a new name; the loaded addon keeps working', async () => {
    const old = readManifest(out)!.modules['src/answer.ts']!.addon;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(path.join(out, old)) as { answer(): number };
    const s = await buildModules([input(tu(7), 'v3')]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['built']);
    const now = readManifest(out)!.modules['src/answer.ts']!.addon;
    expect(now).not.toBe(old);
    // The replaced addon is unlinked, not overwritten: this process still has it mapped.
    expect(fs.existsSync(path.join(out, old))).toBe(false);
    expect(loaded.answer()).toBe(42);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(path.join(out, now)) as { answer(): number }).answer()).toBe(7);
    expect(addons()).toEqual([now, 'src_answer.node'].sort());
  });
});
