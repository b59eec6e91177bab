// libgomp reads its settings from the environment once, when the first addon
// (which links it) is loaded. Spinning worker threads made a 2-thread loop
// 2.5–5.5× slower than one thread on a busy 2-core machine, so unless the user
// chose otherwise, idle OpenMP threads sleep instead of spinning, after a
// short spin (GOMP_SPINCOUNT, about 30 µs by libgomp's estimate) that catches
// back-to-back parallel loops: spectral norm's 40 loops per run went from
// 1.5× to 1.95× on 2 threads with it.
const SPIN_COUNT = '3000';

export function preferPassiveWait(): void {
  if (process.env.OMP_WAIT_POLICY !== undefined || process.env.GOMP_SPINCOUNT !== undefined) return;
  process.env.OMP_WAIT_POLICY = 'PASSIVE';
  process.env.GOMP_SPINCOUNT = SPIN_COUNT;
}
