// A worker thread loads tsnative/mpi too (one MPI per process, initialised once)
// and, with MPI_THREAD_MULTIPLE, sends while its main thread waits.
'use strict';
const { Worker, isMainThread, parentPort } = require('node:worker_threads');
const mpi = require('tsnative/mpi');

if (!isMainThread) {
  const { world } = mpi;
  world.send(new Float64Array([world.rank, 0.25]), 0, 99);
  parentPort.postMessage({ rank: world.rank, size: world.size });
} else {
  const { check, same, run } = require('./harness');
  const { world } = mpi;
  const done = new Promise((resolve, reject) => {
    if (world.rank === 0) return resolve(null);
    const w = new Worker(require.resolve('./threads.js'));
    w.once('message', resolve);
    w.once('error', reject);
  });
  done.then(
    (seen) => {
      run('threads', () => {
        check(mpi.threadLevel === 'multiple', `thread level ${mpi.threadLevel}`);
        if (world.rank === 0) {
          for (let r = 1; r < world.size; r++) {
            const b = new Float64Array(2);
            const st = world.recv(b, r, 99);
            check(st.source === r && st.count === 2, `status from ${r}`);
            same(b, [r, 0.25], `sent from rank ${r}'s worker`);
          }
        } else {
          check(seen.rank === world.rank && seen.size === world.size, `worker sees rank ${seen.rank} of ${seen.size}`);
        }
      });
    },
    (e) => {
      console.error(`rank ${world.rank}: FAIL worker: ${e && e.stack}`);
      world.abort(1);
    },
  );
}
