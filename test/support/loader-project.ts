// A throwaway project for loader tests: one marked source, src/stats.ts,
// fresh loader caches for each test, and the warnings the loader emits.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hashText } from '../../runtime/project';
import { currentNodeTarget, type ManifestModule } from '../../runtime/manifest';
import { clearFreshnessCaches } from '../../runtime/freshness';
import { loadNative } from '../../runtime/loader';

export const SOURCE = '/** @native */\nexport function dot(a: number, b: number): number { return a * b; }\n';

export interface LoaderProject {
  dir: string;
  /** Absolute path of src/stats.ts. */
  source: string;
  outDir: string;
  warnings: Array<{ message: string; code?: string }>;
}

/** The project of the running test (made again before each one, removed after). */
export function useLoaderProject(prefix: string): LoaderProject {
  const p: LoaderProject = { dir: '', source: '', outDir: '', warnings: [] };
  let emitWarning: jest.SpyInstance;
  beforeEach(() => {
    p.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    fs.writeFileSync(path.join(p.dir, 'package.json'), '{"name":"p"}');
    fs.mkdirSync(path.join(p.dir, 'src'));
    p.source = path.join(p.dir, 'src/stats.ts');
    p.outDir = path.join(p.dir, 'build/tsnative');
    fs.writeFileSync(p.source, SOURCE);
    clearFreshnessCaches();
    p.warnings = [];
    emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(((message: string, opts?: { code?: string }) => {
      p.warnings.push({ message, code: opts?.code });
    }) as typeof process.emitWarning);
  });
  afterEach(() => {
    emitWarning.mockRestore();
    delete process.env.TSNATIVE_STRICT;
    fs.rmSync(p.dir, { recursive: true, force: true });
  });
  return p;
}

/** A manifest entry for `key` built from SOURCE, for the current Node, listing dot. */
export function dotEntry(targets: ManifestModule['targets'], key = 'src/stats.ts'): ManifestModule {
  return {
    source: key,
    sourceHash: hashText(SOURCE),
    targets,
    node: currentNodeTarget(),
    functions: [
      {
        name: 'dot',
        params: [
          { name: 'a', type: 'f64' },
          { name: 'b', type: 'f64' },
        ],
        returns: 'f64',
        line: 2,
        options: [],
        exported: true,
      },
    ],
    builtAt: new Date(0).toISOString(),
  };
}

/** Loads a fresh copy of the JS dot (as a module evaluated again would). */
export function loadDot(source: string): Function {
  const js = (a: number, b: number) => a * b;
  Object.defineProperty(js, 'name', { value: 'dot' });
  return loadNative(source, 'dot', js);
}
