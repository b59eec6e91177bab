// File names for a module's build output, derived from its manifest key.

const SOURCE_EXTENSION = /\.(?:[cm]?ts|tsx)$/;

/** src/stats.ts → src_stats: the key without its extension, non-identifier characters as `_`. */
export function stemOf(key: string): string {
  const stem = key.replace(SOURCE_EXTENSION, '').replace(/[^A-Za-z0-9_]/g, '_');
  return stem === '' ? '_' : stem;
}

/** gyp target names become C identifiers (NODE_GYP_MODULE_NAME), so no leading digit. */
export function targetNameOf(stem: string): string {
  return /^[0-9]/.test(stem) ? `_${stem}` : stem;
}

/**
 * The name a target's files share: the stem itself for `cpu` (the names
 * builds have always had), `<stem>.<target>` for any other, so the addons,
 * aliases, .d.ts and sources of one module's targets sit side by side.
 */
export function targetStem(stem: string, target: string): string {
  return target === 'cpu' ? stem : `${stem}.${target}`;
}

/** `fileStem` is a targetStem. */
export function addonFileName(fileStem: string, hash: string): string {
  return `${fileStem}-${hash.slice(0, 12)}.node`;
}

/** The .d.ts beside an addon: `x-abc.node` → `x-abc.d.ts`. */
export function declarationFileName(addonFile: string): string {
  return addonFile.replace(/\.node$/, '.d.ts');
}

/**
 * Stems for keys built together into one outDir. Different keys can collapse
 * to one stem (src/a-b.ts, src/a_b.ts; x.ts, x.mts); those get a suffix from
 * their key so they never share a source directory or an alias.
 */
export function assignStems(keys: readonly string[], suffixOf: (key: string) => string): Map<string, string> {
  const byStem = new Map<string, string[]>();
  for (const key of new Set(keys)) {
    const stem = stemOf(key);
    byStem.set(stem, [...(byStem.get(stem) ?? []), key]);
  }
  const out = new Map<string, string>();
  for (const [stem, group] of byStem) {
    for (const key of group) out.set(key, group.length === 1 ? stem : `${stem}_${suffixOf(key).slice(0, 6)}`);
  }
  return out;
}
