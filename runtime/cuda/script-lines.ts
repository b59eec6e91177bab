// Lines of a running script as the user wrote them: a script compiled from
// TypeScript (tsc, tsx, a test runner's transform) names its source map, and
// its lines are the map's original lines; otherwise the script's own. Only
// barrier errors ask, so the debugger is switched on just long enough to
// learn the script's address and text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { SourceMapConsumer } from 'source-map-js';
import { decodeDataUrl } from '../register/source-map';
import { connect, post } from './inspector-session';

interface ScriptParsed {
  scriptId: string;
  url: string;
  sourceMapURL?: string;
}

const maps = new Map<string, SourceMapConsumer | undefined>();

// Loaded on first use, like the parser: only a barrier error needs it.
function sourceMaps(): typeof import('source-map-js') {
  return createRequire(__filename)('source-map-js') as typeof import('source-map-js');
}

function scriptOf(scriptId: string): ScriptParsed | undefined {
  const s = connect();
  let found: ScriptParsed | undefined;
  const onParsed = (m: { params: ScriptParsed }): void => {
    if (m.params.scriptId === scriptId) found = m.params;
  };
  s.on('Debugger.scriptParsed', onParsed);
  try {
    // Enabling reports every script already parsed, before it returns.
    post('Debugger.enable');
  } finally {
    s.off('Debugger.scriptParsed', onParsed);
    post('Debugger.disable');
  }
  return found;
}

function readMap(script: ScriptParsed): SourceMapConsumer | undefined {
  const url = script.sourceMapURL;
  if (!url) return undefined;
  let raw: string | undefined;
  if (url.startsWith('data:')) raw = decodeDataUrl(url);
  else {
    const scriptFile = script.url.startsWith('file:') ? fileURLToPath(script.url) : script.url;
    const mapFile = url.startsWith('file:') ? fileURLToPath(url) : path.resolve(path.dirname(scriptFile), decodeURIComponent(url));
    raw = fs.readFileSync(mapFile, 'utf8');
  }
  return raw === undefined ? undefined : new (sourceMaps().SourceMapConsumer)(JSON.parse(raw));
}

function mapOf(scriptId: string): SourceMapConsumer | undefined {
  if (!maps.has(scriptId)) {
    let map: SourceMapConsumer | undefined;
    try {
      const script = scriptOf(scriptId);
      map = script && readMap(script);
    } catch {
      // No readable map: the script's own lines stand.
      map = undefined;
    }
    maps.set(scriptId, map);
  }
  return maps.get(scriptId);
}

/** The 1-based source line of a 0-based position in a script. */
export function sourceLine(scriptId: string, line: number, column: number): number {
  const map = mapOf(scriptId);
  if (map) {
    const { SourceMapConsumer: Consumer } = sourceMaps();
    for (const bias of [Consumer.GREATEST_LOWER_BOUND, Consumer.LEAST_UPPER_BOUND]) {
      const p = map.originalPositionFor({ line: line + 1, column, bias });
      if (p.line !== null && p.line !== undefined) return p.line;
    }
  }
  return line + 1;
}
