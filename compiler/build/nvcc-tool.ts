// The nvcc build tool: one nvcc command turns a generated .cu (host N-API
// code and kernels) into the addon. The host side compiles with the CPU
// addon's flags (handed to the host compiler), against the same Node
// headers; the CUDA runtime is linked statically, so the addon loads where
// there is no CUDA at all (then it says so when asked to launch) and needs
// only the NVIDIA driver to run kernels.
//
// Chosen over a node-gyp rule for .cu: the same compile with no make, no
// configured template to copy and no gyp to configure, and nothing to gain
// from node-gyp's precompiled header (nvcc's host pass cannot use GCC's).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDirOf } from './atomic';
import { firstErrorLines } from './compile-error';
import { cudaToolkit, findNvcc, type CudaToolkit } from './cuda-toolkit';
import { gencodeFlags, type CudaRecipe } from './cuda-flags';
import type { ModulePlan } from './module-plan';
import { runChild } from './node-gyp';
import { findNodeDir, headersProblem, toolProblems, type ToolchainProblem } from './toolchain';
import type { BuildTool, KeptFile, ReadyTool, ToolRun } from './tools';
import { withWorkDir } from './work-dirs';

/** The node-gyp module name every addon gets (napi.h and NAPI_MODULE read it). */
const MODULE_NAME = 'tsnative_addon';

// What node-gyp's common.gypi gives every addon's host code on Linux and macOS, beside the project's flags.
const HOST_FLAGS = ['-fPIC', '-pthread'];

function recipeOf(plan: ModulePlan): CudaRecipe {
  if (plan.recipe.tool !== 'nvcc') throw new Error(`nvcc cannot build a ${plan.recipe.tool} recipe`);
  return plan.recipe;
}

/** nvcc's arguments to build `source` into `output` (paths as given). */
export function nvccArgs(recipe: CudaRecipe, nodeDir: string, source: string, output: string): string[] {
  const { flags, cuda } = recipe;
  // -std goes to nvcc itself, which hands it to the host compiler; nvcc links with the host compiler too,
  // giving it the same -Xcompiler flags (so -fopenmp links libgomp).
  const host = [...new Set([...HOST_FLAGS, ...flags.cflags.filter((f) => !f.startsWith('-std=')), ...flags.ldflags])];
  return [
    '-std=c++17',
    '-O3',
    // Each architecture's device code compiles on its own core (7 s → 6.7 s for the default list on 2 cores).
    '--threads=0',
    ...cuda.deviceFlags,
    ...gencodeFlags(cuda.architectures),
    ...host.map((f) => `-Xcompiler=${f}`),
    ...[...flags.defines, `NODE_GYP_MODULE_NAME=${MODULE_NAME}`, 'BUILDING_NODE_EXTENSION'].map((d) => `-D${d}`),
    `-I${path.join(nodeDir, 'include', 'node')}`,
    ...flags.includeDirs.map((d) => `-I${d}`),
    '-shared',
    '-cudart=static',
    '-o',
    output,
    source,
  ];
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The kept build script: the same command, run from src/<stem>/ (rebuild by hand with `sh build.cuda.sh`). */
function buildScript(plan: ModulePlan): string {
  const source = path.basename(plan.source);
  const args = nvccArgs(recipeOf(plan), findNodeDir() ?? '<node headers>', source, `${plan.fileStem}.node`);
  return `#!/bin/sh\n# The command tsnative builds ${plan.addon} with (GPU architectures from ${recipeOf(plan).cuda.from}).\ncd "$(dirname "$0")" && exec nvcc ${args.map(quote).join(' ')}\n`;
}

/** What stops a plan from building with this toolkit: architectures it cannot build. */
function architectureProblems(plans: readonly ModulePlan[], toolkit: CudaToolkit): ToolchainProblem[] {
  const out: ToolchainProblem[] = [];
  for (const plan of plans) {
    const { unsupported, from } = recipeOf(plan).cuda;
    if (unsupported.length === 0) continue;
    const range = toolkit.architectures.map((a) => `${a}`).join(' ');
    const message = `nvcc ${toolkit.release} cannot build for ${unsupported.join(', ')} (from ${from}): it builds ${range || 'other architectures'} (as 86, sm_86 or compute_86)`;
    if (!out.some((p) => p.message === message)) out.push({ tool: 'nvcc', message });
  }
  return out;
}

async function compile(plan: ModulePlan, toolkit: CudaToolkit, nodeDir: string, publish: (built: string) => void): Promise<ToolRun> {
  const prefix = path.join(tmpDirOf(plan.outDir), `${plan.fileStem}.`);
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  return withWorkDir(prefix, async (work) => {
    const source = path.join(work, path.basename(plan.source));
    const built = path.join(work, `${plan.fileStem}.node`);
    fs.writeFileSync(source, plan.code);
    const args = nvccArgs(recipeOf(plan), nodeDir, source, built);
    const run = await runChild(toolkit.nvcc, args, work, { ...process.env });
    const log = `${toolkit.nvcc} ${args.map(quote).join(' ')}\n${run.output}`;
    if (run.code !== 0 || !fs.existsSync(built)) {
      const kept = path.relative(process.cwd(), path.join(plan.outDir, plan.source)) || plan.source;
      const errorLines = run.signal ? [`nvcc was stopped by ${run.signal}`] : firstErrorLines(run.output, [[source, kept]]);
      return { ok: false, errorLines, log };
    }
    publish(built);
    return { ok: true, errorLines: [], log };
  });
}

export const nvccTool: BuildTool = {
  keptFiles: (plan): KeptFile[] => [{ name: `build.${plan.target}.sh`, text: buildScript(plan) }],
  async prepare(_outDir, session): Promise<ReadyTool | ToolchainProblem[]> {
    const nvcc = findNvcc();
    const toolkit = nvcc ? cudaToolkit(nvcc) : undefined;
    if (!toolkit) {
      const why = nvcc ? `${nvcc} does not run` : 'nvcc not found';
      return [
        { tool: 'nvcc', message: `${why}: install the CUDA toolkit to build for --target cuda; kernels still run on the CPU simulator` },
      ];
    }
    const problems = [...toolProblems().filter((p) => p.tool === 'c++'), ...architectureProblems(session.plans ?? [], toolkit)];
    const nodeDir = findNodeDir();
    if (!nodeDir) problems.push(headersProblem());
    if (problems.length > 0) return problems;
    return { compile: (plan, publish) => compile(plan, toolkit, nodeDir!, publish) };
  },
};
