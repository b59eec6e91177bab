// The one way generated code is written: lines with indentation, and source
// marks that put `// file.ts:LINE  source` above the code each line became and
// record which generated lines came from which source line (for annotate).
export class CodeWriter {
  private lines: string[] = [];
  private depth = 0;
  private lastMark = -1;
  /** Generated line (1-based) → source line. */
  readonly lineMap = new Map<number, number>();
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
      fn();
    } finally {
      [this.sourcePath, this.sourceLines, this.lastMark, this.currentSource] = saved;
      this.lastMark = -1;
      this.mapping = true;
    }
  }

  line(text = ''): this {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
    if (this.currentSource > 0 && this.mapping) this.lineMap.set(this.lines.length, this.currentSource);
    return this;
  }

  /** Opens a brace block: `head {` … `}tail`. */
  block(head: string, body: () => void, tail = ''): this {
    this.line(head ? `${head} {` : "{");
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
    return this.line(`// ${this.sourcePath}:${sourceLine}${text ? `  ${text}` : ''}`);
  }

  /** Forgets the last mark, so the next statement names its line again. */
  resetMark(): void {
    this.lastMark = -1;
  }

  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}
