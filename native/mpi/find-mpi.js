// Finds the system's MPI for binding.gyp: `node native/mpi/find-mpi.js has|cflags|libs`.
// Asks `mpicc --showme:compile/--showme:link` (OpenMPI's wrapper; MPICC names another
// one), then pkg-config (ompi, mpi). Prints nothing (and `has` prints 0) when none is
// found, so the rest of tsnative builds without MPI. TSNATIVE_NO_MPI=1 skips the binding.
'use strict';
const { execFileSync } = require('node:child_process');

function run(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function find() {
  if (process.env.TSNATIVE_NO_MPI === '1') return undefined;
  const mpicc = process.env.MPICC || 'mpicc';
  const compile = run(mpicc, ['--showme:compile']);
  const link = run(mpicc, ['--showme:link']);
  if (compile !== undefined && link !== undefined && /-lmpi\b/.test(link)) return { cflags: compile, libs: link };
  for (const pkg of ['ompi', 'mpi']) {
    const cflags = run('pkg-config', ['--cflags', pkg]);
    const libs = run('pkg-config', ['--libs', pkg]);
    if (cflags !== undefined && libs !== undefined && /-lmpi\b/.test(libs)) return { cflags, libs };
  }
  return undefined;
}

const words = (s) => s.split(/\s+/).filter((w) => w.length > 0);
const mpi = find();
const what = process.argv[2];
if (what === 'has') {
  process.stdout.write(mpi ? '1' : '0');
} else if (mpi && what === 'cflags') {
  process.stdout.write(words(mpi.cflags).join(' '));
} else if (mpi && what === 'libs') {
  // An MPI outside the loader's default paths is found again at run time through an rpath.
  const libs = words(mpi.libs);
  const rpaths = libs.filter((w) => w.startsWith('-L')).map((w) => `-Wl,-rpath,${w.slice(2)}`);
  process.stdout.write([...libs, ...rpaths].join(' '));
}
