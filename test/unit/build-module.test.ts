// The build stage on its own, with hand-written translation units (nothing
// from the compiler): node-gyp, content-addressed publishing, the cache, the
// manifest, and what a failed compile leaves behind (nothing).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildModules, type BuildSummary } from '../../compiler/build/build';
import { buildFlags } from '../../compiler/build/flags';
import type { BuildArtefact, ModuleInput } from '../../compiler/build/module-plan';
import { moduleLine } from '../../compiler/build/report';
import pc from 'picocolors';
import { manifestPath, readManifest, type ManifestModule } from '../../runtime/manifest';
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
    artefacts: [artefact('cpu', cpp)],
  };
}

function artefact(target: string, cpp: string): BuildArtefact {
  return {
    target,
    emitted: { files: [{ extension: '.cc', text: cpp }] },
    recipe: { tool: 'node-gyp', flags: buildFlags(findProject(root), []) },
  };
}

const entryOf = (key = 'src/answer.ts'): ManifestModule => readManifest(out)!.modules[key]!;
/** The addon the manifest names for `target` of src/answer.ts. */
const addonOf = (target = 'cpu'): string => entryOf().targets[target]!.addon;

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

const addons = (): string[] =>
  fs
    .readdirSync(out)
    .filter((f) => f.endsWith('.node'))
    .sort();

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
    const addon = addonOf();
    expect(addon).toMatch(/^src_answer-[0-9a-f]{12}\.node$/);
    expect(addons()).toEqual([addon, 'src_answer.node'].sort());
    expect(fs.readFileSync(path.join(out, addon.replace(/\.node$/, '.d.ts')), 'utf8')).toContain(
      'export declare function answer(): number;',
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(path.join(out, addon)) as { answer(): number }).answer()).toBe(42);
  });

  it('records the module in the manifest', () => {
    const entry = entryOf();
    expect(entry).toMatchObject({
      source: 'src/answer.ts',
      sourceHash: hashText('v1'),
      targets: { cpu: { addon: addonOf(), source: 'src/src_answer/src_answer.cc' } },
      node: { version: process.versions.node, modules: process.versions.modules, napi: process.versions.napi },
      functions: [{ name: 'answer' }],
    });
    expect(Number.isNaN(Date.parse(entry.builtAt))).toBe(false);
  });

  it('keeps the generated C++ and a binding.gyp with relative sources for users to read', () => {
    const gyp = JSON.parse(fs.readFileSync(path.join(out, 'src', 'src_answer', 'binding.gyp'), 'utf8')) as {
      targets: { sources: string[] }[];
    };
    expect(gyp.targets[0]!.sources).toEqual(['src_answer.cc']);
    expect(fs.readFileSync(path.join(out, 'src', 'src_answer', 'src_answer.cc'), 'utf8')).toBe(tu(42));
  });

  it('leaves no temporary files', () => {
    expect(fs.readdirSync(path.join(out, '.tmp'))).toEqual([]);
  });
});

describe('the cache', () => {
  it('does not rebuild an unchanged module (no compiler is even looked for)', async () => {
    const before = fs.statSync(path.join(out, addonOf())).mtimeMs;
    const s = await buildWithoutTools([input(tu(42))]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['cached']);
    expect(s.toolchain).toEqual([]);
    expect(fs.statSync(path.join(out, addonOf())).mtimeMs).toBe(before);
  });

  it('reuses the addon when the source changed but the C++ did not, and updates the source hash', async () => {
    const s = await buildWithoutTools([input(tu(42), 'v1 with a new comment')]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['cached']);
    expect(entryOf().sourceHash).toBe(hashText('v1 with a new comment'));
  });

  it('replaces the manifest of an older tsnative (version 1), reusing the addon it named', async () => {
    const addon = addonOf();
    const v1 = {
      version: 1,
      tsnative: '0.0.1',
      modules: { 'src/answer.ts': { source: 'src/answer.ts', sourceHash: hashText('v1'), addon, cpp: 'src/src_answer/src_answer.cc' } },
    };
    fs.writeFileSync(manifestPath(out), JSON.stringify(v1));
    const s = await buildWithoutTools([input(tu(42))]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['cached']);
    expect(readManifest(out)!.version).toBe(2);
    expect(entryOf().targets).toEqual({ cpu: { addon, source: 'src/src_answer/src_answer.cc' } });
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
    const old = addonOf();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(path.join(out, old)) as { answer(): number };
    const s = await buildModules([input(tu(7), 'v3')]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['built']);
    const now = addonOf();
    expect(now).not.toBe(old);
    // The replaced addon is unlinked, not overwritten: this process still has it mapped.
    expect(fs.existsSync(path.join(out, old))).toBe(false);
    expect(loaded.answer()).toBe(42);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(path.join(out, now)) as { answer(): number }).answer()).toBe(7);
    expect(addons()).toEqual([now, 'src_answer.node'].sort());
  });
});

describe('a module with two targets (a second, test-only target built by the same node-gyp recipe)', () => {
  const KEY = 'src/twin.ts';
  const twin = (cpu: string, alt: string, source: string): ModuleInput => ({
    ...input(cpu, source),
    sourceFile: path.join(root, 'src', 'twin.ts'),
    key: KEY,
    artefacts: [artefact('cpu', cpu), artefact('alt', alt)],
    inputsKey: `inputs of ${source}`,
  });
  const targetsOf = (): Record<string, string> => Object.fromEntries(Object.entries(entryOf(KEY).targets).map(([t, b]) => [t, b.addon]));
  const twinAddons = (): string[] => addons().filter((f) => f.startsWith('src_twin'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an addon, loaded by its path
  const answer = (file: string): number => (require(path.join(out, file)) as { answer(): number }).answer();
  const statuses = (s: BuildSummary): string[] => s.outcomes.map((o) => `${o.plan.target}:${o.status}`).sort();
  let built: BuildSummary;

  beforeAll(async () => {
    built = await buildModules([twin(tu(1), tu(2), 't1')]);
  });

  it('builds an addon per target, with its own names, and one manifest entry naming both', () => {
    expect(statuses(built)).toEqual(['alt:built', 'cpu:built']);
    const entry = entryOf(KEY);
    expect(entry.targets).toEqual({
      cpu: { addon: expect.stringMatching(/^src_twin-[0-9a-f]{12}\.node$/), source: 'src/src_twin/src_twin.cc' },
      alt: { addon: expect.stringMatching(/^src_twin\.alt-[0-9a-f]{12}\.node$/), source: 'src/src_twin/src_twin.alt.cc' },
    });
    expect(entry.inputsKey).toBe('inputs of t1');
    expect(twinAddons()).toEqual([entry.targets.cpu!.addon, entry.targets.alt!.addon, 'src_twin.alt.node', 'src_twin.node'].sort());
    expect(answer(entry.targets.cpu!.addon)).toBe(1);
    expect(answer(entry.targets.alt!.addon)).toBe(2);
    expect(answer('src_twin.alt.node')).toBe(2);
    expect(fs.readFileSync(path.join(out, entry.targets.alt!.addon.replace(/\.node$/, '.d.ts')), 'utf8')).toContain(
      'export declare function answer(): number;',
    );
  });

  it('keeps each target source and build file in src/<stem>/', () => {
    const src = path.join(out, 'src', 'src_twin');
    expect(fs.readdirSync(src).sort()).toEqual(['binding.alt.gyp', 'binding.gyp', 'src_twin.alt.cc', 'src_twin.cc']);
    expect(fs.readFileSync(path.join(src, 'src_twin.alt.cc'), 'utf8')).toBe(tu(2));
    const gyp = JSON.parse(fs.readFileSync(path.join(src, 'binding.alt.gyp'), 'utf8')) as {
      targets: { target_name: string; sources: string[] }[];
    };
    expect(gyp.targets[0]).toMatchObject({ target_name: 'src_twin_alt', sources: ['src_twin.alt.cc'] });
  });

  it('names the target on each progress line', () => {
    const lines = built.outcomes.map((o) => moduleLine(o, pc.createColors(false))).sort();
    expect(lines[0]).toMatch(/^built src\/twin\.ts \[alt\] {2}\(answer\) {2}\d+\.\ds$/);
    expect(lines[1]).toMatch(/^built src\/twin\.ts \[cpu\] {2}\(answer\) {2}\d+\.\ds$/);
    expect(moduleLine(first.outcomes[0]!, pc.createColors(false))).toMatch(/^built src\/answer\.ts {2}\(answer\)/);
  });

  it('is cached only as a whole: every target built and current', async () => {
    expect(statuses(await buildWithoutTools([twin(tu(1), tu(2), 't1')]))).toEqual(['alt:cached', 'cpu:cached']);
    // One target's addon gone: that target must compile again (and cannot, without tools); the other stays cached.
    const alt = targetsOf().alt!;
    fs.renameSync(path.join(out, alt), path.join(root, 'aside.node'));
    expect(statuses(await buildWithoutTools([twin(tu(1), tu(2), 't1')]))).toEqual(['alt:failed', 'cpu:cached']);
    // The manifest no longer claims the missing target, nor that the build was complete.
    expect(Object.keys(targetsOf())).toEqual(['cpu']);
    expect(entryOf(KEY).inputsKey).toBeUndefined();
    fs.renameSync(path.join(root, 'aside.node'), path.join(out, alt));
    expect(statuses(await buildWithoutTools([twin(tu(1), tu(2), 't1')]))).toEqual(['alt:cached', 'cpu:cached']);
    expect(targetsOf()).toEqual({ cpu: expect.any(String), alt });
    expect(entryOf(KEY).inputsKey).toBe('inputs of t1');
  });

  it('a target that fails to compile is not published, and the targets of the older build go', async () => {
    const before = targetsOf();
    const s = await buildModules([twin(tu(3), '#include <napi.h>\n#error "deliberately broken"\n', 't2')]);
    expect(statuses(s)).toEqual(['alt:failed', 'cpu:built']);
    const entry = entryOf(KEY);
    expect(entry.sourceHash).toBe(hashText('t2'));
    expect(Object.keys(entry.targets)).toEqual(['cpu']);
    expect(entry.inputsKey).toBeUndefined();
    expect(answer(entry.targets.cpu!.addon)).toBe(3);
    // Both addons of the older build are deleted (the .alt alias stays: it is no manifest's).
    expect(twinAddons()).toEqual([entry.targets.cpu!.addon, 'src_twin.alt.node', 'src_twin.node'].sort());
    expect(twinAddons()).not.toContain(before.alt);
  });

  it('once the failing target compiles, the entry names both again and is complete', async () => {
    const s = await buildModules([twin(tu(3), tu(4), 't2')]);
    expect(statuses(s)).toEqual(['alt:built', 'cpu:cached']);
    expect(Object.keys(targetsOf()).sort()).toEqual(['alt', 'cpu']);
    expect(entryOf(KEY).inputsKey).toBe('inputs of t2');
    expect(answer(targetsOf().alt!)).toBe(4);
  });
});
