/**
 * Type-checks a file held in memory with the TypeScript compiler (ts-morph's, with its in-memory file
 * system: no disk access, the compiler's `lib` files included). The checked file is the project's
 * root; every other file is read when module resolution reaches it.
 */
import { Project, ts } from 'ts-morph';
import { proofProgramOptions } from './options.js';

/** The folder every in-memory file lives under (absolute, POSIX). */
export const VIRTUAL_ROOT = '/sdkgen-diff';

/** One error the compiler reported in the checked file. */
export interface CompileError {
  /** 1-based line. */
  line: number;
  /** `TS2322`, … */
  code: string;
  /** The compiler's message, chained messages joined by newlines. */
  message: string;
}

/** What {@link typeCheck} compiles. */
export interface CompileInput {
  /** Absolute path (under {@link VIRTUAL_ROOT}) → contents. `.ts` and `package.json` files matter. */
  files: ReadonlyMap<string, string>;
  /** The file whose errors are reported (every other file only gives type information). */
  check: string;
  /** Bare module specifier (or pattern with `*`) → absolute paths of its files (TypeScript's `paths`). */
  modules: Readonly<Record<string, readonly string[]>>;
}

/**
 * Compiles `input` under the proof's strict options (see `options.ts`) and returns the errors of the
 * checked file, in line order.
 *
 * @throws Error when the compiler rejects the options themselves (an internal error)
 */
export function typeCheck(input: CompileInput): CompileError[] {
  // A project per run: ts-morph keeps a program (and its module resolutions) across option changes.
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      ...proofProgramOptions(),
      paths: Object.fromEntries(Object.entries(input.modules).map(([name, files]) => [name, [...files]])),
    },
  });
  const fs = project.getFileSystem();
  for (const [file, text] of input.files) {
    if (file === input.check) project.createSourceFile(file, text);
    else fs.writeFileSync(file, text);
  }
  const program = project.getProgram().compilerObject;
  const options = program.getOptionsDiagnostics();
  if (options.length > 0) throw new Error(`the proof's compiler options were rejected: ${options.map(messageOf).join('; ')}`);
  const errors: CompileError[] = [];
  const sf = program.getSourceFile(input.check);
  if (sf === undefined) throw new Error(`internal error: ${input.check} is not in the program`);
  for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
    if (d.category !== ts.DiagnosticCategory.Error) continue;
    const line = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line + 1;
    errors.push({ line, code: `TS${d.code}`, message: messageOf(d) });
  }
  return errors.sort((a, b) => a.line - b.line);
}

function messageOf(d: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(d.messageText, '\n');
}
