// The cuda build path with a hand-written .cu (test/support/cuda-vector-add.cu):
// nvcc makes an addon that loads in Node wherever it runs, links no CUDA
// library dynamically, carries the requested GPU code, and answers with
// JS errors, never a crash: on a machine without a GPU every launch is an
// Error naming CUDA's reason; on one with a GPU the kernels run. Builds go
// to test/.cache/cuda (kept between runs: the content hash makes a rebuild
// of the same code free). Skipped where there is no nvcc.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildModules } from '../../compiler/build/build';
import { cudaSettings, DEFAULT_ARCHITECTURES, type CudaRecipe } from '../../compiler/build/cuda-flags';
import { cudaToolkit, findNvcc } from '../../compiler/build/cuda-toolkit';
import { buildFlags } from '../../compiler/build/flags';
import type { BuildArtefact, ModuleInput } from '../../compiler/build/module-plan';
import { readManifest } from '../../runtime/manifest';
import { findProject, hashText, type ProjectConfig } from '../../runtime/project';
import { expectError } from '../support/errors';
import { gpuCode, neededLibraries } from '../support/fatbin';

const REPO = path.resolve(__dirname, '../..');
const ROOT = path.join(REPO, 'test', '.cache', 'cuda');
const CU = fs.readFileSync(path.join(REPO, 'test', 'support', 'cuda-vector-add.cu'), 'utf8');
const CPU = '#include <node_api.h>\nNAPI_MODULE_INIT() { return exports; }\n';
const toolkit = findNvcc() ? cudaToolkit() : undefined;
const describeWithNvcc = toolkit ? describe : describe.skip;

let project: ProjectConfig;
beforeAll(() => {
  fs.mkdirSync(ROOT, { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'package.json'), '{"name":"cuda-build","private":true}\n');
  project = findProject(ROOT);
});

/** The cuda artefact for `architectures` ([] = the default list), whatever TSNATIVE_CUDA_ARCHS says. */
function cudaArtefact(architectures: string[]): BuildArtefact {
  const recipe: CudaRecipe = {
    tool: 'nvcc',
    flags: buildFlags(project, []),
    cuda: cudaSettings({ cudaArchitectures: architectures }, toolkit ?? null, {}),
  };
  return { target: 'cuda', emitted: { files: [{ extension: '.cu', text: CU }] }, recipe };
}

function input(key: string, artefacts: BuildArtefact[]): ModuleInput {
  return {
    sourceFile: path.join(ROOT, key),
    project,
    key,
    sourceHash: hashText(key),
    functions: [{ name: 'vadd', params: [], returns: 'void', line: 1, options: [], exported: true }],
    artefacts,
  };
}

/** Builds `key` for cuda (and cpu with `withCpu`); the cuda addon's path. */
async function buildCuda(key: string, architectures: string[]): Promise<string> {
  const summary = await buildModules([input(key, [cudaArtefact(architectures)])]);
  const failed = summary.outcomes.filter((o) => o.status === 'failed');
  if (failed.length > 0 || summary.toolchain.length > 0)
    throw new Error(
      `cuda build failed: ${summary.toolchain.map((p) => p.message).join('; ')}\n${failed.map((o) => (o.status === 'failed' ? o.log : '')).join('\n')}`,
    );
  return path.join(project.outDir, readManifest(project.outDir)!.modules[key]!.targets.cuda!.addon);
}

type Fn = (...args: unknown[]) => unknown;

/** `Name: message` of what the promise rejected with (errors made natively are of another realm than the test's). */
async function rejection(p: unknown): Promise<string> {
  try {
    await p;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return 'resolved';
}
const CONFIG = [1, 1, 1, 4, 1, 1, 0];

describeWithNvcc('a CUDA addon built with nvcc (one architecture)', () => {
  let file: string;
  let addon: Record<string, Fn>;
  let status: { ok: boolean; why?: string; driverVersion: string | null; runtimeVersion: string; devices: unknown[] };
  beforeAll(async () => {
    file = await buildCuda('src/vadd.ts', ['75']);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    addon = require(file) as Record<string, Fn>;
    status = addon.tsn_cuda_status!() as typeof status;
  });

  it('is named for its target and hash, and links no CUDA library dynamically', () => {
    expect(path.basename(file)).toMatch(/^src_vadd\.cuda-[0-9a-f]{12}\.node$/);
    const needed = neededLibraries(file);
    expect(needed).toContain('libc.so.6');
    expect(needed.filter((l) => /cuda/.test(l))).toEqual([]);
  });

  it('carries machine code for sm_75 and PTX for compute_75, nothing else', () => {
    expect(gpuCode(file)).toEqual(['compute_75', 'sm_75']);
  });

  it('loads, with the launchers and the runtime functions', () => {
    for (const name of [
      'vadd',
      'vaddAsync',
      'oob',
      'atomics',
      'tsn_cuda_status',
      'tsn_cuda_alloc',
      'tsn_cuda_upload',
      'tsn_cuda_download',
      'tsn_cuda_free',
    ])
      expect(typeof addon[name]).toBe('function');
    expect(status.runtimeVersion).toBe(toolkit!.release);
    if (!status.ok) {
      expect(status.why).toMatch(
        /^(no NVIDIA driver|no CUDA device|driver older than the CUDA runtime \(driver \d+\.\d+, runtime \d+\.\d+\))$/,
      );
      expect(status.devices).toEqual([]);
    }
  });

  it('checks launch arguments first: TypeErrors and RangeErrors naming the kernel and parameter', () => {
    const a = new Float32Array(4);
    expectError(
      () => addon.vadd!(...CONFIG, a, {}, new Float32Array(4)),
      'TypeError',
      'vadd(b): expected a Float32Array or a DeviceArray of Float32Array, got an object',
    );
    expectError(
      () => addon.vadd!(...CONFIG, new Int32Array(4), a, a),
      'TypeError',
      /^vadd\(a\): expected a Float32Array or a DeviceArray of Float32Array, got Int32Array$/,
    );
    expectError(() => addon.vadd!(1, 1, 1, 4.5, 1, 1, 0, a, a, a), 'TypeError', 'vadd(block.x): expected a u32 integer, got 4.5');
    expectError(() => addon.vadd!(1, 0, 1, 4, 1, 1, 0, a, a, a), 'RangeError', 'vadd: grid.y must be at least 1, got 0');
    expectError(
      () => addon.vadd!(...CONFIG, a, a.subarray(2), new Float32Array(4)),
      'TypeError',
      'vadd(b): overlaps a in memory (typed arrays are copied to the GPU one by one)',
    );
    expectError(() => addon.vadd!(...CONFIG, a, a), 'TypeError', 'vadd: expected 10 arguments, got 9');
  });

  it('gives DeviceArray handles, and TypeErrors for anything else', () => {
    const empty = addon.tsn_cuda_alloc!('Int32Array', 0);
    expect(addon.tsn_cuda_describe!(empty)).toEqual({ kind: 'Int32Array', length: 0, bytes: 0, freed: false });
    addon.tsn_cuda_upload!(empty, new Int32Array(0));
    addon.tsn_cuda_download!(empty, new Int32Array(0));
    const a = new Float32Array(4);
    expectError(
      () => addon.vadd!(...CONFIG, empty, a, a.slice()),
      'TypeError',
      'vadd(a): expected a Float32Array or a DeviceArray of Float32Array, got a DeviceArray of Int32Array',
    );
    expectError(
      () => addon.tsn_cuda_upload!(empty, new Float32Array(0)),
      'TypeError',
      'tsn_cuda_upload(array): expected an Int32Array, got Float32Array',
    );
    expectError(
      () => addon.tsn_cuda_upload!(empty, new Int32Array(2)),
      'RangeError',
      'tsn_cuda_upload: the DeviceArray has 0 elements, the Int32Array 2',
    );
    expectError(
      () => addon.tsn_cuda_alloc!('Float16Array', 1),
      'TypeError',
      "tsn_cuda_alloc(kind): expected a typed-array name, got 'Float16Array'",
    );
    expectError(() => addon.tsn_cuda_alloc!('Float32Array', -1), 'RangeError', 'tsn_cuda_alloc: invalid length -1');
    for (const bad of [42, {}, new Float32Array(1), null])
      expectError(
        () => addon.tsn_cuda_upload!(bad, new Int32Array(0)),
        'TypeError',
        /^tsn_cuda_upload\(handle\): expected a DeviceArray, got /,
      );
    addon.tsn_cuda_free!(empty);
    addon.tsn_cuda_free!(empty);
    expect(addon.tsn_cuda_describe!(empty)).toMatchObject({ freed: true });
    expectError(
      () => addon.tsn_cuda_download!(empty, new Int32Array(0)),
      'TypeError',
      'tsn_cuda_download(handle): the DeviceArray was freed',
    );
    const freed = addon.tsn_cuda_alloc!('Float32Array', 0);
    addon.tsn_cuda_free!(freed);
    expectError(() => addon.vadd!(...CONFIG, freed, a, a.slice()), 'TypeError', 'vadd(a): the DeviceArray was freed');
    expectError(() => addon.tsn_cuda_free!('x'), 'TypeError', 'tsn_cuda_free(handle): expected a DeviceArray, got a string');
  });

  it('without a usable GPU, launching and allocating are Errors naming CUDA error, never a crash', async () => {
    if (status.ok) return;
    const driverless = status.why === 'no NVIDIA driver';
    const reason = driverless
      ? 'cudaErrorInsufficientDriver: CUDA driver version is insufficient for CUDA runtime version'
      : 'cudaError\\w+: ';
    const a = new Float32Array([1, 2, 3, 4]);
    const out = new Float32Array(4);
    expectError(() => addon.vadd!(...CONFIG, a, a.slice(), out), 'Error', new RegExp(`^vadd: cannot run on the GPU: ${reason}`));
    expectError(() => addon.oob!(...CONFIG, new Float64Array(4)), 'Error', new RegExp(`^oob: cannot run on the GPU: ${reason}`));
    expect(await rejection(addon.vaddAsync!(...CONFIG, a, a.slice(), out))).toMatch(
      new RegExp(`^Error: vadd: cannot run on the GPU: ${reason}`),
    );
    expect(await rejection(addon.vaddAsync!(...CONFIG, 5, a, out))).toMatch(/^TypeError: vadd\(a\): expected a Float32Array/);
    expect(() => addon.tsn_cuda_alloc!('Float32Array', 4)).toThrow(
      new RegExp(`^tsn_cuda_alloc: cannot allocate 16 bytes on the GPU: ${reason}`),
    );
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
  });

  it('on a GPU, runs the kernels: results, faults as RangeErrors with the line, atomics as JS computes them', async () => {
    if (!status.ok) return;
    const a = new Float32Array([1, 2, 3, 4]);
    const out = new Float32Array(4);
    addon.vadd!(...CONFIG, a, a.slice(), out);
    expect(Array.from(out)).toEqual([2, 4, 6, 8]);
    const later = new Float32Array(4);
    await addon.vaddAsync!(...CONFIG, a, a.slice(), later);
    expect(Array.from(later)).toEqual([2, 4, 6, 8]);
    const dev = addon.tsn_cuda_alloc!('Float32Array', 4);
    addon.tsn_cuda_upload!(dev, a);
    const back = new Float32Array(4);
    addon.vadd!(...CONFIG, dev, dev, dev);
    addon.tsn_cuda_download!(dev, back);
    expect(Array.from(back)).toEqual([2, 4, 6, 8]);
    addon.tsn_cuda_free!(dev);
    expectError(
      () => addon.oob!(...CONFIG, new Float64Array(4)),
      'RangeError',
      'oob: index 4 is out of bounds for length 4 (src/vadd.ts:9)',
    );
    expectError(
      () => addon.vadd!(1, 1, 1, 2048, 1, 1, 0, a, a.slice(), out),
      'RangeError',
      /^vadd: block.x is 2048, more than the 1024 of /,
    );
    const i = new Int32Array([0, 0, 5, -1, 0, 0]);
    const u = new Uint32Array([0, 0, 5, 0, 0, 0]);
    const f = new Float32Array([0, 0, 1, -1, 0, 0, 0, 1, -1, 0]);
    const d = new Float64Array([0, 0, 1, -1, 0]);
    addon.atomics!(1, 1, 1, 4, 1, 1, 0, i, u, f, d);
    expect(Array.from(i)).toEqual([4, -4, 0, 3, 7, 1]);
    expect(Array.from(u)).toEqual([4, 2 ** 32 - 4, 0, 3, 7, 1]);
    let f5 = 0;
    for (let k = 0; k < 4; k++) f5 = Math.fround(f5 + 0.1);
    expect(Array.from(f)).toEqual([4, -4, -0, 1, 0.5, f5, -f5, -0, 1, Math.fround(0.1)]);
    expect(Object.is(f[2], -0) && Object.is(f[7], -0)).toBe(true);
    expect(Array.from(d).slice(2)).toEqual([-0, 1, 0.5]);
  });
});

describeWithNvcc('the default GPU architectures', () => {
  it('are machine code for each that this nvcc builds, and PTX for the newest', async () => {
    const file = await buildCuda('src/vadd_all.ts', []);
    const machine = DEFAULT_ARCHITECTURES.filter((a) => toolkit!.architectures.includes(a));
    const newest = machine[machine.length - 1]!;
    expect(gpuCode(file)).toEqual([`compute_${newest}`, ...machine.map((a) => `sm_${a}`)].sort());
  });
});

describe('without nvcc', () => {
  it('the cuda target fails with one line saying what to install, and the cpu target still builds', async () => {
    const saved = process.env.TSNATIVE_NVCC;
    process.env.TSNATIVE_NVCC = path.join(ROOT, 'no-nvcc-here');
    try {
      const key = 'src/no_nvcc.ts';
      const cpu: BuildArtefact = {
        target: 'cpu',
        emitted: { files: [{ extension: '.cc', text: CPU }] },
        recipe: { tool: 'node-gyp', flags: buildFlags(project, []) },
      };
      const summary = await buildModules([input(key, [cpu, cudaArtefact(['75'])])], { force: true });
      expect(summary.toolchain).toEqual([
        {
          tool: 'nvcc',
          message: 'nvcc not found: install the CUDA toolkit to build for --target cuda; kernels still run on the CPU simulator',
        },
      ]);
      expect(summary.outcomes.map((o) => `${o.plan.target} ${o.status}`).sort()).toEqual(['cpu built', 'cuda failed']);
      const entry = readManifest(project.outDir)!.modules[key]!;
      expect(Object.keys(entry.targets)).toEqual(['cpu']);
      expect(entry.inputsKey).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.TSNATIVE_NVCC;
      else process.env.TSNATIVE_NVCC = saved;
    }
  });
});

describeWithNvcc('GPU architectures this nvcc cannot build', () => {
  it('are named before anything compiles', async () => {
    const summary = await buildModules([input('src/bad_arch.ts', [cudaArtefact(['sm_50', '75', 'sm75'])])], { force: true });
    expect(summary.toolchain.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^nvcc \d+\.\d+ cannot build for sm_50, sm75 \(from cudaArchitectures\): it builds 75 .* \(as 86, sm_86 or compute_86\)$/,
      ),
    ]);
  });
});
