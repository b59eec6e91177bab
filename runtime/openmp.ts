// libgomp reads its settings from the environment once, when the first addon
// (which links it) is loaded. Spinning worker threads made a 2-thread loop
// 2.5–5.5× slower than one thread on a busy 2-core machine, so unless the user
// chose otherwise, idle OpenMP threads sleep instead of spinning.
export function preferPassiveWait(): void {
  if (process.env.OMP_WAIT_POLICY === undefined) process.env.OMP_WAIT_POLICY = 'PASSIVE';
}
