import * as path from 'node:path';

/** A path as the user would type it from the current directory. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
