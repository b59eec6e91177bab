// Where the tsnative package itself lives: generated addons include its
// native/ headers, and the CLI reports its version. Found by walking up from
// this file, so it works from the sources (ts-jest) and from dist/.
import * as fs from 'node:fs';
import * as path from 'node:path';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'native', 'tsnative'))) {
      root = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`tsnative: cannot find its own package root above ${__dirname}`);
    dir = parent;
  }
}

export function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** The directory holding `tsnative/tsnative.h` (generated code says `#include <tsnative/tsnative.h>`). */
export function nativeIncludeDir(): string {
  return path.join(packageRoot(), 'native');
}

/** node-addon-api's headers; its own `include_dir` is relative to the cwd at require time, so resolve it here. */
export function napiIncludeDir(): string {
  return path.dirname(require.resolve('node-addon-api/package.json'));
}

export function napiVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(napiIncludeDir(), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '';
}
