// The CUDA toolkit a cuda build uses: TSNATIVE_NVCC when set (a path or a
// name on PATH; then nothing else is looked for), else nvcc on PATH, else
// under CUDA_HOME, CUDA_PATH or /usr/local/cuda (the installers' prefix); its
// release and the GPU architectures it can compile for. Each is asked once
// per process (nvcc answers these in milliseconds, but a build asks often).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { findExecutable } from './toolchain';

export interface CudaToolkit {
  nvcc: string;
  /** `13.0` (from `release 13.0, V13.0.88`). */
  release: string;
  /** The whole version line, part of every cuda addon's content hash. */
  version: string;
  /** Compute capabilities as numbers, `75` for sm_75 (nvcc --list-gpu-arch); empty when nvcc cannot list them. */
  architectures: number[];
}

/** nvcc: on PATH, then in the toolkit directories the CUDA installers use. */
export function findNvcc(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TSNATIVE_NVCC) return findExecutable(env.TSNATIVE_NVCC, env);
  const onPath = findExecutable('nvcc', env);
  if (onPath) return onPath;
  const homes = [env.CUDA_HOME, env.CUDA_PATH, '/usr/local/cuda'].filter((h): h is string => !!h);
  for (const home of homes) {
    const nvcc = findExecutable(path.join(home, 'bin', 'nvcc'), env);
    if (nvcc) return nvcc;
  }
  return undefined;
}

const toolkits = new Map<string, CudaToolkit | undefined>();

function output(nvcc: string, args: string[]): string {
  const r = spawnSync(nvcc, args, { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? `${r.stdout ?? ''}` : '';
}

/** The toolkit of `nvcc` (default: findNvcc()); undefined when there is none or it does not run. */
export function cudaToolkit(nvcc = findNvcc()): CudaToolkit | undefined {
  if (!nvcc) return undefined;
  if (toolkits.has(nvcc)) return toolkits.get(nvcc);
  const lines = output(nvcc, ['--version']).split('\n');
  const version = lines.find((l) => /release \d/.test(l))?.trim();
  let toolkit: CudaToolkit | undefined;
  if (version) {
    const architectures = [
      ...new Set(
        output(nvcc, ['--list-gpu-arch'])
          .split(/\s+/)
          .map((a) => /^compute_(\d+)$/.exec(a)?.[1])
          .filter((n): n is string => n !== undefined)
          .map(Number),
      ),
    ].sort((a, b) => a - b);
    toolkit = { nvcc, release: /release (\d+\.\d+)/.exec(version)?.[1] ?? '', version, architectures };
  }
  toolkits.set(nvcc, toolkit);
  return toolkit;
}
