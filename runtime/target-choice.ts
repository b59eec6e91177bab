// Which of a module's per-target addons to load: the first target in
// RUNTIME_TARGETS order that was built, whose probe says it can run here, and
// whose addon file exists. When none qualifies, `why` names each target and
// what stopped it, for the one fallback warning.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { displayPath } from './display-path';
import type { TargetBuild } from './manifest';
import { RUNTIME_TARGETS, type Probe, type RuntimeTarget } from './targets';

export type TargetChoice = { ok: true; target: string; addonPath: string } | { ok: false; why: string };

const probes = new Map<string, Probe>();

/** Forget the probes' answers (tests; see clearFreshnessCaches). */
export function clearProbes(): void {
  probes.clear();
}

function probeOnce(target: RuntimeTarget): Probe {
  let p = probes.get(target.name);
  if (!p) {
    try {
      p = target.probe();
    } catch (e) {
      // A probe that throws (a driver that fails to load) means the same as one that says no.
      p = { usable: false, why: e instanceof Error ? e.message : String(e) };
    }
    probes.set(target.name, p);
  }
  return p;
}

export function chooseTarget(
  built: Readonly<Record<string, TargetBuild>>,
  outDir: string,
  table: readonly RuntimeTarget[] = RUNTIME_TARGETS,
): TargetChoice {
  const names = Object.keys(built);
  // With one target the message reads as it always has ("its addon … is missing").
  const its = (name: string): string => (names.length === 1 ? 'its addon' : `its ${name} addon`);
  const reasons: string[] = [];
  for (const target of table) {
    const build = built[target.name];
    if (!build) continue;
    const probe = probeOnce(target);
    if (!probe.usable) {
      reasons.push(`${its(target.name)} cannot run here (${probe.why})`);
      continue;
    }
    const addonPath = path.resolve(outDir, build.addon);
    if (fs.existsSync(addonPath)) return { ok: true, target: target.name, addonPath };
    reasons.push(`${its(target.name)} ${displayPath(addonPath)} is missing`);
  }
  const unknown = names.filter((n) => !table.some((t) => t.name === n));
  for (const name of unknown) reasons.push(`its ${name} addon is for a target this version of tsnative cannot run`);
  if (names.length === 0) reasons.push('its build has no addon');
  return { ok: false, why: reasons.join('; ') };
}
