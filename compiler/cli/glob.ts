// Enough of glob syntax for tsnative.config.json's "include" (`src/**/*.ts`,
// `lib/*.{ts,mts}`): Node 20 has no fs.glob.

export function hasGlobChars(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** The directory part before the first glob character (where a walk starts). */
export function staticPrefix(pattern: string): string {
  const parts = pattern.split('/');
  const i = parts.findIndex(hasGlobChars);
  return parts.slice(0, i < 0 ? parts.length : i).join('/');
}

export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${pattern
          .slice(i + 1, end)
          .split(',')
          .map(escape)
          .join('|')})`;
        i = end;
      }
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, '^')}]`;
        i = end;
      }
    } else re += escape(ch);
  }
  return new RegExp(`^${re}$`);
}

function escape(s: string): string {
  return s.replace(/[.+^$()|\\\]]/g, '\\$&');
}
