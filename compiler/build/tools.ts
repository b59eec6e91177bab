// The build tools, by the recipe's `tool`. A back end's recipe names one;
// the build asks it for the files to keep beside the generated source, gets
// it ready once per build (compilers found, headers fetched), then has it
// compile each addon. Another tool (cmake-js) is another entry here:
// the record's type makes a tool named in BuildRecipe without one an error.
import type { BuildRecipe } from '../backend/backend';
import type { ModulePlan } from './module-plan';
import { nodeGypTool } from './node-gyp-tool';
import { nvccTool } from './nvcc-tool';
import type { ToolchainProblem } from './toolchain';

/** A build file kept in src/<stem>/ for users to read and rebuild by hand. */
export interface KeptFile {
  name: string;
  text: string;
}

export interface ToolRun {
  ok: boolean;
  /** The compiler's first errors, with work-directory paths shown as the kept files. */
  errorLines: string[];
  /** The tool's whole output (--verbose). */
  log: string;
}

export interface ToolSession {
  /** Keep the tool's verbose log (with the compiler command lines). */
  verbose?: boolean;
  /** The plans it will compile (nvcc checks their GPU architectures before any starts). */
  plans?: readonly ModulePlan[];
}

export interface ReadyTool {
  /**
   * Compiles the plan's code in a private directory; `publish` gets the built
   * addon while that directory still exists. Never throws for a compile error.
   */
  compile(plan: ModulePlan, publish: (built: string) => void): Promise<ToolRun>;
}

export interface BuildTool {
  keptFiles(plan: ModulePlan): KeptFile[];
  /** Called once per build, only when something must compile with this tool: what is missing, or the tool ready to compile. */
  prepare(outDir: string, session: ToolSession): Promise<ReadyTool | ToolchainProblem[]>;
}

export const TOOLS: Record<BuildRecipe['tool'], BuildTool> = { 'node-gyp': nodeGypTool, nvcc: nvccTool };
