// Colour only on a terminal (NO_COLOR / FORCE_COLOR respected); the plain
// text is the same either way, so logs and pipes read like the terminal.
import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

export function colorFor(stream: NodeJS.WriteStream): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return stream.isTTY === true;
}

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Colours for stdout and stderr lines. */
  c: Colors;
  ce: Colors;
  colorErr: boolean;
}

export function consoleOutput(): Output {
  const colorErr = colorFor(process.stderr);
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    c: pc.createColors(colorFor(process.stdout)),
    ce: pc.createColors(colorErr),
    colorErr,
  };
}
