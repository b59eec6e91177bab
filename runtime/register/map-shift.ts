// Inserting code on a line moves every later column on it. When the module
// carries an inline source map (tsx output: the whole module on one line),
// the map must move with it, or stack traces point at the wrong source line.
import { sourceMappingUrl } from './source-map';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Decodes the VLQ fields of one mapping segment. */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = B64_VALUE.get(c);
    if (digit === undefined) throw new Error(`bad source map character ${JSON.stringify(c)}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

function encodeSegment(fields: number[]): string {
  let out = '';
  for (const f of fields) {
    let v = f < 0 ? -f * 2 + 1 : f * 2;
    do {
      let digit = v % 32;
      v = Math.floor(v / 32);
      if (v > 0) digit |= 32;
      out += B64[digit];
    } while (v > 0);
  }
  return out;
}

/**
 * `mappings` with every segment of generated line `line` (0-based) at or
 * after `column` moved right by `by`. Columns are deltas within a line, so
 * only the first moved segment changes.
 */
export function shiftMappings(mappings: string, line: number, column: number, by: number): string {
  const lines = mappings.split(';');
  if (line >= lines.length || lines[line] === '') return mappings;
  const segments = lines[line].split(',');
  let col = 0;
  for (let i = 0; i < segments.length; i++) {
    const fields = decodeSegment(segments[i]);
    col += fields[0];
    if (col >= column) {
      fields[0] += by;
      segments[i] = encodeSegment(fields);
      lines[line] = segments.join(',');
      return lines.join(';');
    }
  }
  return mappings;
}

/** `text` with its inline (base64) source map adjusted for `by` characters inserted at line/column; other maps are left. */
export function shiftInlineSourceMap(text: string, line: number, column: number, by: number): string {
  const url = sourceMappingUrl(text);
  const m = url && /^(data:application\/json[^,]*;base64,)(.*)$/s.exec(url);
  if (!url || !m) return text;
  let map: { mappings?: unknown };
  try {
    map = JSON.parse(Buffer.from(m[2], 'base64').toString('utf8')) as { mappings?: unknown };
  } catch {
    return text;
  }
  if (typeof map.mappings !== 'string') return text;
  const shifted = shiftMappings(map.mappings, line, column, by);
  if (shifted === map.mappings) return text;
  map.mappings = shifted;
  const at = text.lastIndexOf(url);
  return text.slice(0, at) + m[1] + Buffer.from(JSON.stringify(map)).toString('base64') + text.slice(at + url.length);
}
