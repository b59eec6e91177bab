// The TypeScript parser, loaded on first use: only kernels with barriers
// need it, and a program that never launches one must not pay for loading it.
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

export type Ts = typeof TsMorph.ts;

let api: Ts | undefined;

export function typescript(): Ts {
  api ??= (createRequire(__filename)('ts-morph') as typeof TsMorph).ts;
  return api;
}
