// Event-loop delay while a one-second native computation runs, called
// directly (blocks the loop) and through offload() (runs on the libuv pool).
// Run: node bin/tsnative.js build bench/event-loop/spin.ts &&
//      node --import tsx --import tsnative/register bench/event-loop/main.ts
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isNative, offload } from 'tsnative';
import { spin } from './spin';

async function delayDuring(work: () => Promise<unknown> | unknown): Promise<{ maxMs: number; p99Ms: number; ms: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  // Give the monitor's timer a few ticks to start sampling.
  await new Promise((r) => setTimeout(r, 20));
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 20));
  h.disable();
  return { maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6, ms };
}

async function main(): Promise<void> {
  if (!isNative(spin)) throw new Error('spin is not native: build it first (see the header of this file)');
  const t0 = performance.now();
  spin(5);
  const perRound = (performance.now() - t0) / 5;
  const rounds = Math.max(1, Math.round(1000 / perRound));
  const blocking = await delayDuring(() => spin(rounds));
  const offloaded = await delayDuring(() => offload(spin)(rounds));
  const row = (name: string, r: { maxMs: number; p99Ms: number; ms: number }) =>
    `${name.padEnd(22)} ${r.ms.toFixed(0).padStart(6)} ms   max delay ${r.maxMs.toFixed(1).padStart(7)} ms   p99 ${r.p99Ms.toFixed(1).padStart(7)} ms`;
  console.log(row('spin() on the JS thread', blocking));
  console.log(row('offload(spin)()', offloaded));
  console.log(`event loop stays free under offload: ${offloaded.maxMs < 20 ? 'yes' : 'NO'} (target: max delay under 20 ms)`);
}

void main();
