// The ESM `load` hook (runs on Node's loader thread). It rewrites ES modules
// itself; CommonJS modules loaded by Node's own CJS loader (source null) are
// left to the CommonJS hook, but one whose text another hook supplies (tsx)
// never reaches Module.prototype._compile, so it is rewritten here.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BindPlan } from './plan.js';

const require = createRequire(import.meta.url);
const { planBindings } = require('./plan.js') as typeof import('./plan.js');
const { rewriteCommonJs, rewriteEsm } = require('./rewrite.js') as typeof import('./rewrite.js');

const BIND_PATH = fileURLToPath(new URL('../bind.js', import.meta.url));
const BIND_URL = pathToFileURL(BIND_PATH).href;

interface LoadContext {
  format?: string;
  conditions?: string[];
  importAttributes?: Record<string, string>;
}

interface LoadResult {
  format?: string;
  source?: string | ArrayBuffer | ArrayBufferView | null;
  shortCircuit?: boolean;
}

type NextLoad = (url: string, context?: LoadContext) => Promise<LoadResult>;

function text(source: string | ArrayBuffer | ArrayBufferView): string {
  if (typeof source === 'string') return source;
  const bytes =
    source instanceof ArrayBuffer ? new Uint8Array(source) : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return Buffer.from(bytes).toString('utf8');
}

function filePathOf(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  return fileURLToPath(u);
}

// Node 22+ may hand over TypeScript (type stripping keeps every position, and
// the inserted code is valid TypeScript too).
const ESM_FORMATS = new Set(['module', 'module-typescript']);
const CJS_FORMATS = new Set(['commonjs', 'commonjs-typescript']);

export async function load(url: string, context: LoadContext, nextLoad: NextLoad): Promise<LoadResult> {
  const result = await nextLoad(url, context);
  const format = result.format ?? '';
  if (result.source == null || (!ESM_FORMATS.has(format) && !CJS_FORMATS.has(format))) return result;
  const file = filePathOf(url);
  if (!file) return result;
  try {
    const js = text(result.source);
    const plan: BindPlan | undefined = planBindings(file, js);
    if (!plan) return result;
    const rewritten = ESM_FORMATS.has(format) ? rewriteEsm(js, BIND_URL, plan) : rewriteCommonJs(js, BIND_PATH, plan);
    return { ...result, source: rewritten };
  } catch (e) {
    // A bug here must not take the user's program down with it.
    process.emitWarning(`could not prepare ${file}: ${(e as Error).message}`, { code: 'TSNATIVE_INTERNAL' });
    return result;
  }
}
