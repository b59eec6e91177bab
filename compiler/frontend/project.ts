// One ts-morph project for parsing. Compiled code is typed from its own
// annotations (TypeScript erases aliases of primitives), so no type checker
// or module resolution is needed: `check` stays fast and needs no C++ compiler.
import { Project, type SourceFile } from 'ts-morph';

function newProject(): Project {
  return new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: false, noResolve: true },
  });
}

export function loadSources(files: string[]): SourceFile[] {
  const project = newProject();
  return files.map((f) => project.addSourceFileAtPath(f));
}

/** A source held in memory (tests, editors): nothing is read from disk. */
export function parseSource(file: string, text: string): SourceFile {
  return newProject().createSourceFile(file, text, { overwrite: true });
}
