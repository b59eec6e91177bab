// The MPI binding (native/mpi/mpi.cc, built into build/Release/tsnative_mpi.node
// by the package's own build where the system's MPI is found). Loading it
// initialises MPI (MPI_Init_thread) for the whole process.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { packageDir } from '../runtime-addon';

/** What native/mpi/mpi.cc exports. Communicators are passed by index (0: the world). */
export interface MpiAddon {
  readonly rank: number;
  readonly size: number;
  readonly threadLevel: 'single' | 'funneled' | 'serialized' | 'multiple';
  readonly anySource: number;
  readonly anyTag: number;
  readonly tagUb: number;
  readonly libraryVersion: string;
  send(comm: number, buf: ArrayBufferView, dest: number, tag: number): void;
  /** Fills `status` with [source, tag, element count, 0 | 1 (larger than buf, dropped) | 2 (not whole elements, dropped)]. */
  recv(comm: number, buf: ArrayBufferView, source: number, tag: number, status: Int32Array): void;
  barrier(comm: number): void;
  bcast(comm: number, buf: ArrayBufferView, root: number): void;
  reduce(comm: number, send: ArrayBufferView, recv: ArrayBufferView | null, op: number, root: number): void;
  allreduce(comm: number, send: ArrayBufferView, recv: ArrayBufferView | null, op: number): void;
  gather(comm: number, send: ArrayBufferView, recv: ArrayBufferView | null, root: number): void;
  allgather(comm: number, send: ArrayBufferView, recv: ArrayBufferView): void;
  scatter(comm: number, send: ArrayBufferView | null, recv: ArrayBufferView, root: number): void;
  wtime(): number;
  wtick(): number;
  abort(comm: number, code: number): never;
}

/** The OS packages that bring OpenMPI (Debian and Ubuntu names). */
export const MPI_OS_PACKAGES = 'openmpi-bin libopenmpi-dev';

const requireAddon = createRequire(__filename);

/** The binding's file in this package, or undefined outside one. */
export function mpiAddonFile(): string | undefined {
  const root = packageDir();
  return root === undefined ? undefined : path.join(root, 'build', 'Release', 'tsnative_mpi.node');
}

/** Loads the binding from `file`, or throws an Error that says what to install. */
export function loadMpiAddon(file: string | undefined = mpiAddonFile()): MpiAddon {
  if (file === undefined || !fs.existsSync(file)) {
    throw new Error(
      `tsnative/mpi: no MPI binding was built, since no MPI was found when tsnative was installed. ` +
        `Install OpenMPI (on Debian or Ubuntu: apt-get install ${MPI_OS_PACKAGES}), then rebuild tsnative (npm rebuild tsnative), ` +
        `and run programs with mpirun -np N node app.js.`,
    );
  }
  try {
    return requireAddon(file) as MpiAddon;
  } catch (e) {
    throw new Error(
      `tsnative/mpi: the MPI binding ${path.basename(file)} did not load (${(e as Error).message}). ` +
        `Check that OpenMPI is installed (on Debian or Ubuntu: apt-get install ${MPI_OS_PACKAGES}) and rebuild tsnative (npm rebuild tsnative).`,
      { cause: e },
    );
  }
}
