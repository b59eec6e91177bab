import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { cuda, kernelTarget, launch, launchAsync, type LaunchConfig } from '../../runtime/index';
import { recordKernel, registry, type Launcher } from '../../runtime/registry';
import { setGpuAvailability } from '../../runtime/cuda/gpu';
import { setDeviceAllocator, type DeviceStorage } from '../../runtime/cuda/device-array';
import { fail, noArgs, saxpy, vectorAdd } from './fixtures/cuda/basic';

type AnyKernel = (...args: never[]) => unknown;
// Invalid configurations and arguments on purpose: launch is called as untyped JS would call it.
const launchAny = launch as unknown as (kernel: unknown, config: unknown, ...args: unknown[]) => void;
const launchAsyncAny = launchAsync as unknown as (kernel: unknown, config: unknown, ...args: unknown[]) => Promise<void>;

const env = process.env.TSNATIVE_CUDA;
afterEach(() => {
  if (env === undefined) delete process.env.TSNATIVE_CUDA;
  else process.env.TSNATIVE_CUDA = env;
  setGpuAvailability(undefined);
  setDeviceAllocator(undefined);
  registry().warned.delete('cuda#sim');
  jest.restoreAllMocks();
});
beforeEach(() => {
  delete process.env.TSNATIVE_CUDA;
});

function thrown(f: () => void): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('launch configuration', () => {
  const x = new Float32Array(4);
  const y = new Float32Array(4);
  const bad: [unknown, ErrorConstructor, string][] = [
    [{ grid: 0, block: 1 }, RangeError, 'config.grid.x must be an integer from 1 to 2147483647, got 0'],
    [{ grid: 1.5, block: 1 }, RangeError, 'config.grid.x must be an integer from 1 to 2147483647, got 1.5'],
    [{ grid: 2 ** 31, block: 1 }, RangeError, 'config.grid.x must be an integer from 1 to 2147483647, got 2147483648'],
    [{ grid: [1, 65536], block: 1 }, RangeError, 'config.grid.y must be an integer from 1 to 65535, got 65536'],
    [{ grid: [1, 1, 0], block: 1 }, RangeError, 'config.grid.z must be an integer from 1 to 65535, got 0'],
    [{ grid: [1, 1, 65536], block: 1 }, RangeError, 'config.grid.z must be an integer from 1 to 65535, got 65536'],
    [{ grid: NaN, block: 1 }, RangeError, 'config.grid.x must be an integer from 1 to 2147483647, got NaN'],
    [{ grid: -1, block: 1 }, RangeError, 'config.grid.x must be an integer from 1 to 2147483647, got -1'],
    [{ grid: 1, block: 1025 }, RangeError, 'config.block.x must be an integer from 1 to 1024, got 1025'],
    [{ grid: 1, block: [1, 1025] }, RangeError, 'config.block.y must be an integer from 1 to 1024, got 1025'],
    [{ grid: 1, block: [1, 1, 65] }, RangeError, 'config.block.z must be an integer from 1 to 64, got 65'],
    [{ grid: 1, block: [1, 0] }, RangeError, 'config.block.y must be an integer from 1 to 1024, got 0'],
    [{ grid: 1, block: [64, 32] }, RangeError, 'config.block is [64, 32, 1], 2048 threads; a block may have at most 1024'],
    [{ grid: 1, block: [16, 8, 16] }, RangeError, 'config.block is [16, 8, 16], 2048 threads; a block may have at most 1024'],
    [{ grid: 1, block: 1, sharedBytes: -1 }, RangeError, 'config.sharedBytes must be an integer from 0 to 49152, got -1'],
    [{ grid: 1, block: 1, sharedBytes: 49153 }, RangeError, 'config.sharedBytes must be an integer from 0 to 49152, got 49153'],
    [{ grid: 1, block: 1, sharedBytes: 0.5 }, RangeError, 'config.sharedBytes must be an integer from 0 to 49152, got 0.5'],
    [{ grid: 1, block: 1, sharedBytes: '8' }, TypeError, 'config.sharedBytes must be a number, got "8"'],
    [{ grid: '1', block: 1 }, TypeError, 'config.grid must be a number or an array of 1 to 3 numbers, got "1"'],
    [{ grid: [], block: 1 }, TypeError, 'config.grid must be a number or an array of 1 to 3 numbers, got an array'],
    [{ grid: [1, 1, 1, 1], block: 1 }, TypeError, 'config.grid must be a number or an array of 1 to 3 numbers, got an array'],
    [{ grid: [1, '2'], block: 1 }, TypeError, 'config.grid.y must be a number, got "2"'],
    [{ block: 1 }, TypeError, 'config.grid is missing'],
    [{ grid: 1 }, TypeError, 'config.block is missing'],
    [{ grid: 1, block: 1, shared: 8 }, TypeError, 'unknown config field "shared" (expected grid, block, sharedBytes)'],
    [null, TypeError, 'expected a config object { grid, block, sharedBytes? }, got null'],
    [256, TypeError, 'expected a config object { grid, block, sharedBytes? }, got 256'],
    [[1, 256], TypeError, 'expected a config object { grid, block, sharedBytes? }, got an array'],
  ];

  it.each(bad)('%j is refused', (config, type, message) => {
    const e = thrown(() => launchAny(saxpy, config, 2, x, y));
    expect(e).toBeInstanceOf(type);
    expect(e.message).toBe(`launch(saxpy): ${message}`);
  });

  it('a bad configuration rejects launchAsync rather than throwing', async () => {
    const p = launchAsyncAny(saxpy, { grid: 0, block: 1 }, 2, x, y);
    await expect(p).rejects.toThrow(RangeError);
  });

  it('accepts the limits themselves and every spelling of a size', () => {
    const good: LaunchConfig[] = [
      { grid: [1], block: [1024] },
      { grid: [1, 1], block: [32, 32] },
      { grid: [1, 1, 1], block: [1, 16, 64] },
      { grid: 1, block: 1, sharedBytes: 49152 },
      { grid: 1, block: 1, sharedBytes: undefined },
    ];
    for (const config of good) expect(() => launch(noArgs, config)).not.toThrow();
  });

  it('a kernel that is not a function, or a config that is not an object, is a TypeError', () => {
    expect(() => launchAny(42, { grid: 1, block: 1 })).toThrow(new TypeError('launch: expected a kernel function, got 42'));
    expect(() => launchAny(undefined, { grid: 1, block: 1 })).toThrow(TypeError);
  });

  it('counts static shared arrays and config.sharedBytes against the block limit', () => {
    function big(): void {
      cuda.shared.array(Float64Array, 4096);
      cuda.shared.array(Float64Array, 2048);
    }
    expect(() => launch(big, { grid: 1, block: 1 })).not.toThrow();
    expect(() => launch(big, { grid: 1, block: 1, sharedBytes: 1 })).toThrow(
      new RangeError(
        'big: the shared memory of a block (49152 bytes in shared arrays and 1 bytes of config.sharedBytes) exceeds the 49152 bytes a block may have',
      ),
    );
  });
});

describe('launch arguments', () => {
  it('the argument count must match the parameters', () => {
    const x = new Float32Array(4);
    expect(() => launchAny(saxpy, { grid: 1, block: 4 }, 2, x)).toThrow(
      new TypeError('launch(saxpy): saxpy takes 3 arguments (a, x, y), got 2'),
    );
    expect(() => launchAny(saxpy, { grid: 1, block: 4 }, 2, x, x.slice(), x.slice())).toThrow(TypeError);
    expect(() => launchAny(noArgs, { grid: 1, block: 1 }, 1)).toThrow(new TypeError('launch(noArgs): noArgs takes 0 arguments (), got 1'));
    const one = (x: Float64Array): void => void x;
    expect(() => launchAny(one, { grid: 1, block: 1 })).toThrow(new TypeError('launch(one): one takes 1 argument (x), got 0'));
  });

  it('typed arrays that overlap in memory are a TypeError naming both parameters', () => {
    const buf = new Float64Array(16);
    const cfg = { grid: 1, block: 8 };
    const overlapping: [Float64Array, Float64Array, Float64Array][] = [
      [buf, buf, new Float64Array(16)],
      [buf.subarray(0, 8), new Float64Array(8), buf.subarray(7, 15)],
      [new Float64Array(8), new Float64Array(buf.buffer, 8, 8), buf.subarray(8)],
    ];
    const names = [
      ['a', 'b'],
      ['a', 'out'],
      ['b', 'out'],
    ];
    overlapping.forEach(([a, b, out], k) => {
      const e = thrown(() => launch(vectorAdd, cfg, a, b, out));
      expect(e).toBeInstanceOf(TypeError);
      expect(e.message).toMatch(new RegExp(`^launch\\(vectorAdd\\): arguments ${names[k][0]} and ${names[k][1]} overlap in memory`));
    });
    // Views of one buffer that do not overlap, and empty views, are fine.
    expect(() => launch(vectorAdd, cfg, buf.subarray(0, 8), buf.subarray(8), new Float64Array(8))).not.toThrow();
    expect(() => launch(vectorAdd, cfg, buf.subarray(3, 3), buf.subarray(3, 3), buf.subarray(0, 0))).not.toThrow();
  });

  it('a SharedArrayBuffer is checked the same way', () => {
    const shared = new Float64Array(new SharedArrayBuffer(64));
    expect(() => launch(vectorAdd, { grid: 1, block: 1 }, shared, new Float64Array(8), shared.subarray(4))).toThrow(
      /arguments a and out overlap/,
    );
  });

  it('a DeviceArray passed twice overlaps itself', () => {
    const d = cuda.toDevice(new Float64Array(4));
    expect(() => launch(vectorAdd, { grid: 1, block: 4 }, d, new Float64Array(4), d)).toThrow(/arguments a and out overlap/);
  });
});

describe('where a kernel runs', () => {
  function bound(extra: Partial<Parameters<typeof recordKernel>[0]> = {}): { kernel: AnyKernel; calls: unknown[][] } {
    const calls: unknown[][] = [];
    // A fresh kernel per test: bindings are keyed by the function.
    function k(x: Float64Array, n: number): void {
      x[cuda.grid(1)] = n;
    }
    const record =
      (tag: string): Launcher =>
      (...a: unknown[]) => {
        calls.push([tag, ...a]);
      };
    recordKernel({ name: 'k', source: '/src/k.ts', js: k, params: ['x', 'n'], sim: record('sim'), gpu: record('gpu'), ...extra });
    return { kernel: k as AnyKernel, calls };
  }

  it('without a binding, or with TSNATIVE_CUDA=sim and no compiled simulator, the JS simulator runs', () => {
    const x = new Float64Array(2);
    launch(vectorAdd, { grid: 1, block: 2 }, new Float64Array([1, 2]), new Float64Array([3, 4]), x);
    expect(Array.from(x)).toEqual([4, 6]);
    process.env.TSNATIVE_CUDA = 'sim';
    launch(vectorAdd, { grid: 1, block: 2 }, new Float64Array([1, 1]), new Float64Array([3, 4]), x);
    expect(Array.from(x)).toEqual([4, 5]);
  });

  it('TSNATIVE_CUDA=sim takes the compiled simulator, with DeviceArrays as their host arrays', () => {
    const { kernel, calls } = bound();
    process.env.TSNATIVE_CUDA = 'sim';
    const d = cuda.toDevice(new Float64Array([1, 2, 3]));
    launchAny(kernel, { grid: [2, 3], block: [4, 1, 2], sharedBytes: 16 }, d, 7);
    expect(calls).toHaveLength(1);
    const [tag, ...rest] = calls[0];
    expect(tag).toBe('sim');
    expect(rest.slice(0, 7)).toEqual([2, 3, 1, 4, 1, 2, 16]);
    expect(rest[7]).toBeInstanceOf(Float64Array);
    expect(Array.from(rest[7] as Float64Array)).toEqual([1, 2, 3]);
    expect(rest[8]).toBe(7);
  });

  it('TSNATIVE_CUDA=gpu takes the GPU launcher, and is an Error saying why without one', () => {
    const { kernel, calls } = bound();
    process.env.TSNATIVE_CUDA = 'gpu';
    setGpuAvailability(() => ({ usable: false, why: 'no NVIDIA driver' }));
    expect(() => launchAny(kernel, { grid: 1, block: 1 }, new Float64Array(1), 1)).toThrow(
      new Error('k: TSNATIVE_CUDA=gpu, but kernels cannot run on a GPU here: no NVIDIA driver'),
    );
    setGpuAvailability(() => true);
    launchAny(kernel, { grid: 1, block: 1 }, new Float64Array(1), 1);
    expect(calls[0][0]).toBe('gpu');
    const noGpu = bound({ gpu: undefined, reason: 'k (src/k.ts) was built for cpu only' }).kernel;
    expect(() => launchAny(noGpu, { grid: 1, block: 1 }, new Float64Array(1), 1)).toThrow(
      new Error('k: TSNATIVE_CUDA=gpu, but k has no GPU build: k (src/k.ts) was built for cpu only'),
    );
    expect(() => launch(vectorAdd, { grid: 1, block: 1 }, new Float64Array(1), new Float64Array(1), new Float64Array(1))).toThrow(
      /^vectorAdd: TSNATIVE_CUDA=gpu, but vectorAdd has no GPU build: tsnative never loaded vectorAdd as a kernel/,
    );
  });

  it('an unknown TSNATIVE_CUDA is an Error', () => {
    process.env.TSNATIVE_CUDA = 'cpu';
    expect(() => launch(noArgs, { grid: 1, block: 1 })).toThrow(
      new Error('TSNATIVE_CUDA must be "gpu" or "sim" (or unset, to choose by what is built and present), got "cpu"'),
    );
  });

  it('unset: the GPU when the probe says it is usable, checked against its limits', () => {
    const { kernel, calls } = bound();
    setGpuAvailability(() => ({
      usable: true,
      limits: { maxBlockDim: [512, 512, 64], maxThreadsPerBlock: 512, maxGridDim: [100, 100, 100], maxSharedBytes: 1024 },
    }));
    launchAny(kernel, { grid: 100, block: 512 }, new Float64Array(1), 1);
    expect(calls[0][0]).toBe('gpu');
    expect(() => launchAny(kernel, { grid: 1, block: 513 }, new Float64Array(1), 1)).toThrow(
      new RangeError('launch(k): config.block.x must be an integer from 1 to 512, got 513'),
    );
    expect(() => launchAny(kernel, { grid: 101, block: 1 }, new Float64Array(1), 1)).toThrow(
      /config\.grid\.x must be an integer from 1 to 100, got 101/,
    );
  });

  it('unset, no usable GPU: the compiled simulator, with one TSNATIVE_CUDA_SIM notice for the process', () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const { kernel, calls } = bound();
    setGpuAvailability(() => ({ usable: false, why: 'no CUDA driver' }));
    launchAny(kernel, { grid: 1, block: 1 }, new Float64Array(1), 1);
    launchAny(kernel, { grid: 1, block: 1 }, new Float64Array(1), 1);
    const other = bound({ gpu: undefined }).kernel;
    launchAny(other, { grid: 1, block: 1 }, new Float64Array(1), 1);
    expect(calls.map((c) => c[0])).toEqual(['sim', 'sim']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/^kernels run on tsnative's CPU simulator, not on a GPU: no CUDA driver \(first launch: k\)/);
    expect(warn.mock.calls[0][1]).toEqual({ code: 'TSNATIVE_CUDA_SIM' });
  });

  it('unset, without the GPU probe installed, a GPU launcher is not used; nor is one that the probe throws about', () => {
    jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const { kernel, calls } = bound();
    launchAny(kernel, { grid: 1, block: 1 }, new Float64Array(1), 1);
    setGpuAvailability(() => {
      throw new Error('libcuda.so.1: cannot open shared object file');
    });
    launchAny(kernel, { grid: 1, block: 1 }, new Float64Array(1), 1);
    expect(calls.map((c) => c[0])).toEqual(['sim', 'sim']);
  });

  it('a binding without launchers (not built) runs the JS simulator', () => {
    const x = new Float64Array(3);
    const { kernel } = bound({ sim: undefined, gpu: undefined, reason: 'not built' });
    launchAny(kernel, { grid: 1, block: 3 }, x, 5);
    expect(Array.from(x)).toEqual([5, 5, 5]);
  });

  it('kernelTarget tells where launch would run a kernel, and why not on a GPU, without the notice', () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    expect(kernelTarget(vectorAdd)).toEqual({ target: 'js', why: expect.stringMatching(/^tsnative never loaded vectorAdd as a kernel/) });
    expect(kernelTarget(bound({ sim: undefined, gpu: undefined, reason: 'not built' }).kernel)).toEqual({ target: 'js', why: 'not built' });
    expect(kernelTarget(bound({ gpu: undefined, reason: 'k was built for cpu only' }).kernel)).toEqual({
      target: 'sim',
      why: 'k was built for cpu only',
    });
    const { kernel, calls } = bound();
    expect(kernelTarget(kernel)).toEqual({ target: 'sim', why: 'no GPU runtime is loaded' });
    setGpuAvailability(() => ({ usable: false, why: 'no NVIDIA driver' }));
    expect(kernelTarget(kernel)).toEqual({ target: 'sim', why: 'no NVIDIA driver' });
    setGpuAvailability(() => ({ usable: true, device: 'NVIDIA Test' }));
    expect(kernelTarget(kernel)).toEqual({ target: 'gpu', device: 'NVIDIA Test' });
    process.env.TSNATIVE_CUDA = 'sim';
    expect(kernelTarget(kernel)).toEqual({ target: 'sim', why: 'TSNATIVE_CUDA=sim' });
    process.env.TSNATIVE_CUDA = 'gpu';
    expect(() => kernelTarget(vectorAdd)).toThrow(/^vectorAdd: TSNATIVE_CUDA=gpu, but vectorAdd has no GPU build/);
    expect(() => kernelTarget(42 as unknown as AnyKernel)).toThrow(new TypeError('kernelTarget: expected a kernel function, got 42'));
    expect(calls).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('the GPU launcher gets a DeviceArray as its storage handle', () => {
    const handle = { gpuPointer: 1234 };
    const storage: DeviceStorage = {
      kind: 'Float64Array',
      length: 1,
      host: () => undefined,
      handle: () => handle,
      readInto: () => undefined,
      release: () => undefined,
    };
    setDeviceAllocator({ copyOf: () => storage, zeros: () => storage });
    const { kernel, calls } = bound();
    process.env.TSNATIVE_CUDA = 'gpu';
    setGpuAvailability(() => true);
    launchAny(kernel, { grid: 1, block: 1 }, cuda.toDevice(new Float64Array(1)), 1);
    expect(calls[0][8]).toBe(handle);
    // A simulator cannot compute on GPU memory.
    process.env.TSNATIVE_CUDA = 'sim';
    expect(() => launchAny(kernel, { grid: 1, block: 1 }, cuda.deviceArray(Float64Array, 1), 1)).toThrow(
      /^launch\(k\): x is a DeviceArray\(Float64Array, 1\) in GPU memory/,
    );
  });
});

describe('launchAsync', () => {
  it('runs the JS simulator and resolves', async () => {
    const x = new Float32Array([1, 2, 3]);
    const y = new Float32Array([1, 1, 1]);
    const p = launchAsync(saxpy, { grid: 1, block: 4 }, 2, x, y);
    expect(p).toBeInstanceOf(Promise);
    await expect(p).resolves.toBeUndefined();
    expect(Array.from(y)).toEqual([3, 5, 7]);
  });

  it('rejects with the kernel error, unchanged', async () => {
    await expect(launchAsync(fail, { grid: 2, block: 2 }, new Float64Array(4), 3)).rejects.toThrow(new RangeError('bad element 3'));
  });

  it('uses the async launcher where one is bound, and the sync one where not', async () => {
    const order: string[] = [];
    function k(): void {}
    recordKernel({
      name: 'k',
      source: '/src/k.ts',
      js: k,
      params: [],
      sim: () => void order.push('sim'),
      simAsync: async (...a) => {
        order.push(`simAsync ${a.join(' ')}`);
      },
    });
    process.env.TSNATIVE_CUDA = 'sim';
    await launchAsync(k, { grid: [2, 2], block: 8 });
    function k2(): void {}
    recordKernel({ name: 'k2', source: '/src/k.ts', js: k2, params: [], sim: () => void order.push('sim2') });
    await launchAsync(k2, { grid: 1, block: 1 });
    expect(order).toEqual(['simAsync 2 2 1 8 1 1 0', 'sim2']);
  });
});

describe('load cost', () => {
  it('loading the runtime and launching a kernel without barriers loads neither the parser nor source maps', () => {
    const script = `
      const { cuda, launch } = require('./runtime/index.ts');
      const x = new Float64Array(4);
      launch(function k(a) { a[cuda.grid(1)] = 1; }, { grid: 1, block: 4 }, x);
      const heavy = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](ts-morph|typescript|@ts-morph|source-map-js)[\\\\/]/.test(f));
      console.log(JSON.stringify({ x: Array.from(x), heavy }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', cwd: path.join(__dirname, '../..') });
    expect(JSON.parse(out)).toEqual({ x: [1, 1, 1, 1], heavy: [] });
  });
});
