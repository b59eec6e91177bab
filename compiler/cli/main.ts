// The `tsnative` command line. bin/tsnative.js calls run().
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { packageVersion } from '../build/package-root';
import { buildCommand } from './build-command';
import { checkCommand } from './check-command';
import { cleanCommand } from './clean-command';
import { doctorCommand } from './doctor-command';
import { emitCommand } from './emit-command';
import { watchCommand } from './watch-command';
import { consoleOutput, type Output } from './output';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './usage-error';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

export function makeProgram(io: Output, setCode: (code: number) => void): Command {
  const program = new Command('tsnative')
    .description('Compile TypeScript functions marked /** @native */ to native Node addons.')
    .version(packageVersion(), '-v, --version')
    .showHelpAfterError('(run `tsnative --help` for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  program
    .command('build')
    .description('compile @native functions to addons (default: the "include" of tsnative.config.json)')
    .argument('[paths...]', 'source files, directories or globs')
    .addOption(new Option('-j, --jobs <n>', 'modules compiled at once (default: the number of cores)').argParser(positiveInt))
    .option('-f, --force', 'rebuild even modules whose addon is current')
    .option('-q, --quiet', 'print only errors')
    .option('--verbose', "show node-gyp's output")
    .option('-w, --watch', 'rebuild when a source is saved (Ctrl-C stops)')
    .addOption(new Option('--target <target>', 'also build for this target (cuda: GPU kernels with nvcc)').choices(['cpu', 'cuda']))
    .action(
      async (
        paths: string[],
        opts: { jobs?: number; force?: boolean; quiet?: boolean; verbose?: boolean; watch?: boolean; target?: string },
      ) => {
        // Read where the project's configuration is (runtime/project.ts), as if the config named them.
        if (opts.target) process.env.TSNATIVE_TARGETS = opts.target;
        setCode(await (opts.watch ? watchCommand : buildCommand)(paths, opts, io));
      },
    );

  program
    .command('check')
    .description('report diagnostics only (needs no C++ compiler)')
    .argument('<paths...>', 'source files, directories or globs')
    .option('-q, --quiet', 'print only diagnostics')
    .action((paths: string[], opts: { quiet?: boolean }) => setCode(checkCommand(paths, opts, io)));

  program
    .command('emit')
    .description('print the generated C++ of a source file (or, with --ir, the IR it is generated from)')
    .argument('<file>', 'a source file')
    .option('--fn <name>', 'only this function (and the @native functions it calls)')
    .addOption(new Option('--target <target>', 'code to print').choices(['cpu', 'cuda']).default('cpu'))
    .option('--ir', "print the compiler's IR after the optimisation passes instead")
    .option('--after <pass>', 'with --ir: stop after this pass (typer: before any)')
    .action((file: string, opts: { fn?: string; target?: string; ir?: boolean; after?: string }) => setCode(emitCommand(file, opts, io)));

  program
    .command('annotate')
    .description('write an HTML page of the run-time work each source line costs (like `cython -a`)')
    .argument('<file>', 'a source file')
    .option('-o, --output <file>', 'the page to write (default: beside the source, .html)')
    .option('-q, --quiet', 'print only diagnostics')
    // Loaded on use: the annotate page needs ts-morph, which every command would otherwise pay for.
    .action((file: string, opts: { output?: string; quiet?: boolean }) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { annotateCommand } = require('./annotate-command') as typeof import('./annotate-command');
      setCode(annotateCommand(file, opts, io));
    });

  program
    .command('clean')
    .description("remove the project's outDir (default build/tsnative)")
    .option('-q, --quiet', 'print nothing')
    .action((opts: { quiet?: boolean }) => setCode(cleanCommand(opts, io)));

  program
    .command('doctor')
    .description('check the compilers and tools each kind of build needs')
    .action(() => setCode(doctorCommand(io)));

  program.addHelpText(
    'after',
    `
Examples:
  $ npx tsnative build src/stats.ts     compile one module (cached when unchanged)
  $ npx tsnative build                  compile the "include" of tsnative.config.json
  $ npx tsnative check src              diagnostics only
  $ npx tsnative emit src/stats.ts --fn dot
  $ npx tsnative emit src/stats.ts --ir --after bounds
  $ npx tsnative annotate src/stats.ts -o stats.html

Exit codes: 0 ok, 1 diagnostics or a failed build, 2 a usage error.`,
  );
  return program;
}

/** Parses `argv` (as process.argv) and returns the exit code. */
export async function main(argv: readonly string[], io: Output = consoleOutput()): Promise<number> {
  let code = EXIT_OK;
  const program = makeProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; every other commander error is a usage error.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      io.err(`tsnative: ${e.message}`);
      return EXIT_USAGE;
    }
    io.err(`tsnative: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT_FAILED;
  }
}

export function run(argv: readonly string[] = process.argv): void {
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}
