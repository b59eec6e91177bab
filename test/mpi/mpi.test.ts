// tsnative/mpi (SPEC §6): real `mpirun -np N node script.js` jobs over the
// system's OpenMPI, each bounded in time. The scripts (test/mpi/scripts/) load
// the package export `tsnative/mpi` (dist/, built by `npm test`'s build:ts),
// check every call on every rank and abort the whole job on the first failure.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadMpiAddon, MPI_OS_PACKAGES } from '../../runtime/mpi/addon';

const REPO = path.resolve(__dirname, '../..');
const SCRIPTS = path.join(__dirname, 'scripts');

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

const HAVE_MPIRUN = onPath('mpirun');
const JOB_TIMEOUT_MS = 60_000;

/** `mpirun -np n node script`, with the options a root CI machine with few cores needs. */
function mpirun(n: number, script: string): { status: number | null; output: string; seconds: number } {
  const args = ['--oversubscribe', '-np', String(n)];
  if (process.getuid?.() === 0) args.push('--allow-run-as-root');
  const start = Date.now();
  const r = spawnSync('mpirun', [...args, process.execPath, path.join(SCRIPTS, script)], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: JOB_TIMEOUT_MS,
    killSignal: 'SIGTERM',
    env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0' },
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}`, seconds: (Date.now() - start) / 1000 };
}

describe('tsnative/mpi without a binding', () => {
  it('throws an Error naming the OS packages to install', () => {
    const missing = path.join(REPO, 'build', 'no-such-dir', 'tsnative_mpi.node');
    expect(() => loadMpiAddon(missing)).toThrow(Error);
    expect(() => loadMpiAddon(missing)).toThrow(
      /no MPI binding was built.*apt-get install openmpi-bin libopenmpi-dev.*npm rebuild tsnative/,
    );
    expect(MPI_OS_PACKAGES).toBe('openmpi-bin libopenmpi-dev');
  });

  it('is left out of the build when no MPI is found (TSNATIVE_NO_MPI=1)', () => {
    const find = path.join(REPO, 'native', 'mpi', 'find-mpi.js');
    const r = spawnSync(process.execPath, [find, 'has'], { encoding: 'utf8', env: { ...process.env, TSNATIVE_NO_MPI: '1' } });
    expect(r.stdout).toBe('0');
    const libs = spawnSync(process.execPath, [find, 'libs'], { encoding: 'utf8', env: { ...process.env, TSNATIVE_NO_MPI: '1' } });
    expect(libs.stdout).toBe('');
  });
});

const SKIP_REASON = `skipped: mpirun is not installed (on Debian or Ubuntu: apt-get install ${MPI_OS_PACKAGES}; .ci/run installs it)`;
const describeMpi = HAVE_MPIRUN ? describe : describe.skip;
if (!HAVE_MPIRUN) console.warn(`test/mpi: ${SKIP_REASON}`);

describeMpi(`tsnative/mpi under mpirun${HAVE_MPIRUN ? '' : ` — ${SKIP_REASON}`}`, () => {
  beforeAll(() => {
    const binding = path.join(REPO, 'build', 'Release', 'tsnative_mpi.node');
    if (!fs.existsSync(binding))
      throw new Error(`mpirun is installed but ${binding} was not built: run npm rebuild (node-gyp configure build)`);
    const dist = path.join(REPO, 'dist', 'runtime', 'mpi', 'index.js');
    if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run npm run build:ts`);
  });

  it.each([
    ['p2p.js', 2],
    ['p2p.js', 3],
    ['collectives.js', 2],
    ['collectives.js', 3],
    ['threads.js', 2],
  ])('%s with %i ranks', (script, n) => {
    const r = mpirun(n, script);
    if (r.status !== 0) throw new Error(`mpirun -np ${n} ${script} exited ${r.status} after ${r.seconds} s:\n${r.output}`);
    const name = script.replace(/\.js$/, '');
    for (let rank = 0; rank < n; rank++) expect(r.output).toMatch(new RegExp(`rank ${rank}/${n}: ${name} ok \\(\\d+ checks\\)`));
  });
});
