// The one way generated code is written: lines with indentation, and source
// marks that put `// file.ts:LINE  source` above the code each line became and
// record which generated lines came from which source line. It also keeps what
// annotate shows of the code: the run-time work each line does (noted while
// its text is built, attached when it is written) and regions of lines.
import type { LineCost, Region } from './backend';

export class CodeWriter {
  private lines: string[] = [];
  private depth = 0;
  private lastMark = -1;
  /** Generated line (1-based) → source line. */
  readonly lineMap = new Map<number, number>();
  readonly costs = new Map<number, LineCost[]>();
  readonly regions: Region[] = [];
  /** Lines that are source marks (comments naming the source line of the code below). */
  readonly marks = new Set<number>();
  private pending: LineCost[] = [];
  private quiet = 0;
  /** The functions of the regions being written, innermost last. */
  private open: string[] = [];
  private currentSource = 0;
  /** Off while writing code of another file: the line map is about this module's lines. */
  private mapping = true;

  constructor(
    private sourcePath: string,
    private sourceLines: string[],
  ) {}

  /** Writes code that came from another source file: its marks name that file. */
  withSource(sourcePath: string, sourceLines: string[], fn: () => void): void {
    const saved = [this.sourcePath, this.sourceLines, this.lastMark, this.currentSource] as const;
    this.sourcePath = sourcePath;
    this.sourceLines = sourceLines;
    this.lastMark = -1;
    this.currentSource = 0;
    this.mapping = false;
    try {
      this.silently(fn);
    } finally {
      [this.sourcePath, this.sourceLines, this.lastMark, this.currentSource] = saved;
      this.lastMark = -1;
      this.mapping = true;
    }
  }

  line(text = ''): this {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
    if (this.currentSource > 0 && this.mapping) this.lineMap.set(this.lines.length, this.currentSource);
    if (this.pending.length > 0) {
      this.costs.set(this.lines.length, this.pending);
      this.pending = [];
    }
    return this;
  }

  /** Opens a brace block: `head {` … `}tail`. */
  block(head: string, body: () => void, tail = ''): this {
    this.line(head ? `${head} {` : '{');
    this.depth++;
    body();
    this.depth--;
    return this.line(`}${tail}`);
  }

  mark(sourceLine: number): this {
    this.currentSource = sourceLine;
    if (sourceLine === this.lastMark) return this;
    this.lastMark = sourceLine;
    const text = (this.sourceLines[sourceLine - 1] ?? '').trim();
    this.line(`// ${this.sourcePath}:${sourceLine}${text ? `  ${text}` : ''}`);
    if (this.mapping) this.marks.add(this.lines.length);
    return this;
  }

  /** Forgets the last mark, so the next statement names its line again. */
  resetMark(): void {
    this.lastMark = -1;
  }

  /** Notes run-time work spelled `text` for the next line written; returns `text`. */
  work(kind: LineCost['kind'], name: string, text: string): string {
    if (this.quiet === 0) this.pending.push({ kind, name, text });
    return text;
  }

  /** Runs `fn` noting no work: code whose cost is not the user's to see (fallbacks inside an expression, other modules). */
  silently<T>(fn: () => T): T {
    this.quiet++;
    try {
      return fn();
    } finally {
      this.quiet--;
    }
  }

  /** Writes `fn`'s lines as a region of `kind` for function `name` (by default, the enclosing region's). */
  region(kind: Region['kind'], name: string | undefined, fn: () => void): void {
    const first = this.lines.length + 1;
    const owner = name ?? this.open[this.open.length - 1] ?? '';
    this.open.push(owner);
    try {
      fn();
    } finally {
      this.open.pop();
    }
    if (this.mapping && this.lines.length >= first) this.regions.push({ kind, fn: owner, first, last: this.lines.length });
  }

  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}
