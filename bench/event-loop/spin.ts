// A compute-bound kernel that runs for a chosen time.
import type { f64, i32 } from 'tsnative';

/** About `rounds` × 10 million dependent multiply-adds. @native */
export function spin(rounds: i32): f64 {
  let x = 0;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 10000000; i++) x = (x * 1.0000001 + i) % 1000003;
  }
  return x;
}
