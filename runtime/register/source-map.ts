// From a module's JS (its file name and text) back to the TypeScript source
// it came from. TS files run by tsx are their own source; tsc output points
// at its source through its source map.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const TS_EXT = /\.(?:ts|mts|cts|tsx)$/;
const SIBLING: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };

export function isTypeScriptFile(file: string): boolean {
  return TS_EXT.test(file) && !file.endsWith('.d.ts');
}

interface RawSourceMap {
  sources?: unknown;
  sourceRoot?: unknown;
}

/** The URL of the last `//# sourceMappingURL=` comment (it must start a line). */
export function sourceMappingUrl(text: string): string | undefined {
  // lastIndexOf instead of a regex over the whole text: inline maps are large.
  const re = /(?:^|\n)[ \t]*\/[/*][#@][ \t]+sourceMappingURL=([^\s'"*]+)/y;
  for (let at = text.lastIndexOf('sourceMappingURL='); at > 0; at = text.lastIndexOf('sourceMappingURL=', at - 1)) {
    const lineStart = text.lastIndexOf('\n', at);
    re.lastIndex = lineStart < 0 ? 0 : lineStart;
    const m = re.exec(text);
    if (m) return m[1];
  }
  return undefined;
}

export function decodeDataUrl(url: string): string | undefined {
  const m = /^data:[^,]*?(;base64)?,(.*)$/s.exec(url);
  if (!m) return undefined;
  return m[1] ? Buffer.from(m[2], 'base64').toString('utf8') : decodeURIComponent(m[2]);
}

function resolveSource(mapDir: string, root: string, source: string): string {
  if (source.startsWith('file:')) return fileURLToPath(source);
  const joined = root ? (root.startsWith('file:') ? path.join(fileURLToPath(root), source) : path.join(root, source)) : source;
  return path.resolve(mapDir, joined);
}

function stem(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '');
}

/** The TypeScript source named by a source map, when it names one that exists. */
function fromSourceMap(jsFile: string, jsText: string): string | undefined {
  const url = sourceMappingUrl(jsText);
  if (!url) return undefined;
  let raw: string | undefined;
  let mapDir = path.dirname(jsFile);
  try {
    if (url.startsWith('data:')) raw = decodeDataUrl(url);
    else {
      const mapFile = url.startsWith('file:') ? fileURLToPath(url) : path.resolve(mapDir, decodeURIComponent(url));
      mapDir = path.dirname(mapFile);
      raw = fs.readFileSync(mapFile, 'utf8');
    }
  } catch {
    return undefined;
  }
  if (raw === undefined) return undefined;
  let map: RawSourceMap;
  try {
    map = JSON.parse(raw) as RawSourceMap;
  } catch {
    return undefined;
  }
  if (!Array.isArray(map.sources)) return undefined;
  const root = typeof map.sourceRoot === 'string' ? map.sourceRoot : '';
  const candidates = map.sources
    .filter((s): s is string => typeof s === 'string')
    .map((s) => resolveSource(mapDir, root, s))
    .filter(isTypeScriptFile);
  // One source is the tsc case; a bundle of several is only trusted for the
  // source of the same name, since a bundler may rename functions.
  const pick = candidates.length === 1 ? candidates[0] : candidates.find((c) => stem(c) === stem(jsFile));
  return pick !== undefined && fs.existsSync(pick) ? pick : undefined;
}

function sibling(jsFile: string): string | undefined {
  const ext = path.extname(jsFile);
  for (const tsExt of SIBLING[ext] ?? []) {
    const candidate = jsFile.slice(0, -ext.length) + tsExt;
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The TypeScript file `jsFile` was compiled from, or undefined if it cannot be told. */
export function typeScriptSourceOf(jsFile: string, jsText: string): string | undefined {
  if (isTypeScriptFile(jsFile)) return jsFile;
  return fromSourceMap(jsFile, jsText) ?? sibling(jsFile);
}
