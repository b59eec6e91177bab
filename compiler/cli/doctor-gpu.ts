// The GPU part of `tsnative doctor`: nvcc, the driver and devices, and where
// kernels would run. With nvcc, the driver and devices are read by a small
// program built with it, linked with the same static CUDA runtime as a cuda
// addon, so doctor sees what a launch would (a driver too old for this
// toolkit's runtime included). Without nvcc, nvidia-smi tells what GPU there is.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cudaToolkit, findNvcc, type CudaToolkit } from '../build/cuda-toolkit';
import { findExecutable } from '../build/toolchain';
import type { DoctorLine } from './doctor-probes';

export interface GpuProbe {
  /** CUDA versions as the runtime reports them (13000 = 13.0); driver 0: no driver. */
  driver: number;
  runtime: number;
  /** cudaGetDeviceCount's error name, when it failed. */
  error?: string;
  devices: { name: string; computeCapability: string; multiprocessors: number; memoryBytes: number }[];
}

const PROBE = `#include <cuda_runtime_api.h>
#include <cstdio>
int main() {
  int driver = 0, runtime = 0, count = 0;
  cudaDriverGetVersion(&driver);
  cudaRuntimeGetVersion(&runtime);
  std::printf("versions %d %d\\n", driver, runtime);
  cudaError_t e = cudaGetDeviceCount(&count);
  if (e != cudaSuccess) std::printf("error %s\\n", cudaGetErrorName(e));
  for (int i = 0; e == cudaSuccess && i < count; i++) {
    cudaDeviceProp p;
    if (cudaGetDeviceProperties(&p, i) == cudaSuccess)
      std::printf("device %d.%d %d %zu %s\\n", p.major, p.minor, p.multiProcessorCount, p.totalGlobalMem, p.name);
  }
  return 0;
}
`;

/** Builds and runs the probe with `toolkit`; undefined when it does not build or run (the reason in `failure`). */
export function probeGpu(toolkit: CudaToolkit, failure: { why?: string } = {}): GpuProbe | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tsnative-doctor-gpu-${process.pid}-`));
  try {
    const src = path.join(dir, 'probe.cu');
    const exe = path.join(dir, 'probe');
    fs.writeFileSync(src, PROBE);
    const cc = spawnSync(toolkit.nvcc, ['-cudart=static', src, '-o', exe], { encoding: 'utf8', timeout: 120_000 });
    if (cc.status !== 0) {
      failure.why =
        `${cc.stderr ?? ''}${cc.stdout ?? ''}`.split('\n').find((l) => l.trim() !== '') ?? cc.error?.message ?? `exit ${cc.status}`;
      return undefined;
    }
    const run = spawnSync(exe, [], { encoding: 'utf8', timeout: 60_000 });
    const probe: GpuProbe = { driver: 0, runtime: 0, devices: [] };
    for (const line of `${run.stdout ?? ''}`.split('\n')) {
      const [word, ...rest] = line.split(' ');
      if (word === 'versions') [probe.driver, probe.runtime] = rest.map(Number) as [number, number];
      if (word === 'error') probe.error = rest[0];
      if (word === 'device') {
        const [cc, sms, bytes, ...name] = rest;
        probe.devices.push({ name: name.join(' '), computeCapability: cc!, multiprocessors: Number(sms), memoryBytes: Number(bytes) });
      }
    }
    if (run.status !== 0 || probe.runtime === 0) {
      failure.why = run.error?.message ?? `the probe exited with ${run.status ?? run.signal}`;
      return undefined;
    }
    return probe;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function version(v: number): string {
  return `${Math.floor(v / 1000)}.${Math.floor((v % 1000) / 10)}`;
}

/** Why kernels cannot run on a GPU, in the words of tsn_cuda_status (native/tsnative/cuda/status.h); undefined when they can. */
export function gpuWhyNot(p: GpuProbe): string | undefined {
  if (p.error === 'cudaErrorInsufficientDriver')
    return p.driver === 0
      ? 'no NVIDIA driver'
      : `driver older than the CUDA runtime (driver ${version(p.driver)}, runtime ${version(p.runtime)})`;
  if (p.error === 'cudaErrorNoDevice' || (!p.error && p.devices.length === 0)) return 'no CUDA device';
  return p.error;
}

export function nvccLine(toolkit: CudaToolkit | undefined, nvcc = findNvcc()): DoctorLine {
  if (!nvcc) return { status: 'absent', what: 'nvcc', detail: 'not found: needed only for --target cuda' };
  if (!toolkit) return { status: 'warn', what: 'nvcc', detail: `${nvcc} does not run (\`${nvcc} --version\` failed)` };
  const archs = toolkit.architectures;
  const range = archs.length > 0 ? `; builds sm_${archs[0]} to sm_${archs[archs.length - 1]}` : '';
  return { status: 'ok', what: 'nvcc', detail: `${nvcc} (${toolkit.version.replace(/^Cuda compilation tools, /, '')}${range})` };
}

function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

/** The GPU line and where kernels would run. */
export function gpuLines(env: NodeJS.ProcessEnv = process.env): DoctorLine[] {
  const nvcc = findNvcc(env);
  const toolkit = nvcc ? cudaToolkit(nvcc) : undefined;
  const lines = [nvccLine(toolkit, nvcc)];
  let gpu: string | undefined;
  let why: string;
  if (toolkit) {
    const failure: { why?: string } = {};
    const probe = probeGpu(toolkit, failure);
    if (!probe) {
      why = `the CUDA probe failed: ${failure.why}`;
      lines.push({ status: 'warn', what: 'GPU', detail: `${why}: kernels run on the CPU simulator` });
    } else {
      why = gpuWhyNot(probe) ?? '';
      const runtime = `CUDA runtime ${version(probe.runtime)}`;
      const versions = probe.driver === 0 ? runtime : `driver for CUDA ${version(probe.driver)}, ${runtime}`;
      if (why === '') {
        const shown = probe.devices.map(
          (d) => `${d.name} (compute capability ${d.computeCapability}, ${d.multiprocessors} multiprocessors, ${gib(d.memoryBytes)})`,
        );
        lines.push({ status: 'ok', what: 'GPU', detail: `${shown.join(', ')}; ${versions}` });
        gpu = probe.devices[0]!.name;
      } else {
        lines.push({ status: 'absent', what: 'GPU', detail: `${why} (${versions}): kernels run on the CPU simulator` });
      }
    }
  } else {
    const smi = smiLine();
    lines.push(smi);
    why = 'no nvcc: cuda addons cannot be built';
  }
  if (env.TSNATIVE_CUDA === 'sim') {
    gpu = undefined;
    why = 'TSNATIVE_CUDA=sim';
  }
  lines.push(
    gpu
      ? { status: 'ok', what: 'kernels would run on', detail: `GPU ${gpu}` }
      : { status: 'absent', what: 'kernels would run on', detail: `the CPU simulator (${why})` },
  );
  return lines;
}

/** Without nvcc: what nvidia-smi says (a GPU here, but no toolkit to build for it). */
function smiLine(): DoctorLine {
  const what = 'GPU';
  const smi = findExecutable('nvidia-smi');
  if (!smi) return { status: 'absent', what, detail: 'no GPU (no nvidia-smi): kernels run on the CPU simulator' };
  const r = spawnSync(smi, ['--query-gpu=name,driver_version,compute_cap', '--format=csv,noheader'], { encoding: 'utf8', timeout: 15_000 });
  const gpus = `${r.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (r.status !== 0 || gpus.length === 0) {
    const why =
      `${r.stdout ?? ''}${r.stderr ?? ''}`
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim() ??
      r.error?.message ??
      `exit ${r.status}`;
    return { status: 'absent', what, detail: `nvidia-smi found no working GPU (${why}): kernels run on the CPU simulator` };
  }
  const shown = gpus.map((g) => {
    const [name, driver, cc] = g.split(',').map((s) => s.trim());
    return `${name} (compute capability ${cc}, driver ${driver})`;
  });
  return { status: 'ok', what, detail: `${shown.join(', ')}; install the CUDA toolkit (nvcc) to build kernels for it` };
}
