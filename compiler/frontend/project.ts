// One ts-morph project for parsing. Compiled code is typed from its own
// annotations (TypeScript erases aliases of primitives), so no type checker
// or module resolution is needed: `check` stays fast and needs no C++ compiler.
import { Project, type SourceFile } from 'ts-morph';

export function loadSources(files: string[]): SourceFile[] {
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: false, noResolve: true },
  });
  return files.map((f) => project.addSourceFileAtPath(f));
}
