import * as path from 'node:path';
import { type Diagnostic, GenerateError } from '../diagnostics.js';
import { shown } from './journal.js';

/** What Node's `fs` throws: an errno code, the system call and the path(s). */
interface SystemError extends Error {
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
}

export function isSystemError(error: unknown): error is SystemError {
  const e = error as Partial<SystemError> | null;
  return error instanceof Error && typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code) && typeof e.syscall === 'string';
}

/** Per errno: the diagnostic code, what went wrong and what to do. */
const ADVICE: Record<string, [code: string, what: string, todo: string]> = {
  EACCES: ['write/permission-denied', 'permission denied', 'make the folder writable for this user, or choose another --out'],
  EPERM: ['write/permission-denied', 'operation not permitted', 'make the folder writable for this user, or choose another --out'],
  EROFS: ['write/permission-denied', 'read-only file system', 'choose an --out on a writable file system'],
  ENOSPC: ['write/no-space', 'no space left on the device', 'free some space, then run again'],
  EDQUOT: ['write/no-space', 'disk quota exceeded', 'free some space, then run again'],
  EEXIST: ['write/not-a-folder', 'a file is in the way', 'a folder is needed there: move the file or choose another --out'],
  ENOTDIR: ['write/not-a-folder', 'a part of the path is a file, not a folder', 'move that file or choose another --out'],
  EISDIR: ['write/is-a-folder', 'a folder is where a file is needed', 'move the folder away, then run again'],
  ENAMETOOLONG: ['write/fs-error', 'the path is too long', 'choose a shorter --out'],
  EMFILE: ['write/fs-error', 'too many open files', 'raise the open-file limit (ulimit -n), then run again'],
  ENFILE: ['write/fs-error', 'too many open files in the system', 'run again when fewer files are open'],
  EXDEV: [
    'write/fs-error',
    'the folder and the folder beside it are on different file systems',
    'choose an --out whose parent folder is on the same file system',
  ],
  EBUSY: ['write/fs-error', 'the file is busy', 'close what holds it, then run again'],
  EIO: ['write/fs-error', 'input/output error', 'check the disk, then run again'],
};

/** What the system call was doing, in words. */
const DOING: Record<string, string> = {
  mkdir: 'create the folder',
  mkdtemp: 'create a folder in',
  open: 'write',
  write: 'write',
  rename: 'move',
  link: 'link',
  copyfile: 'copy',
  unlink: 'delete',
  rmdir: 'delete the folder',
  rm: 'delete',
  scandir: 'read the folder',
  lstat: 'read',
  stat: 'read',
};

/** A file-system error as a diagnostic naming the path and what to do (no stack: it is not our bug). */
export function fileSystemDiagnostic(error: SystemError, cwd: string): Diagnostic {
  const [code, what, todo] = ADVICE[error.code] ?? ['write/fs-error', error.message.replace(/^\w+: /, ''), 'fix the cause, then run again'];
  // mkdtemp names the template (`…sdkgen-stage-XXXXXX`): the folder it was made in says more.
  const file = error.path === undefined ? undefined : error.syscall === 'mkdtemp' ? path.dirname(error.path) : error.path;
  const where = file !== undefined ? shown(file, cwd) : undefined;
  const to = error.dest !== undefined ? ` to ${shown(error.dest, cwd)}` : '';
  const doing = DOING[error.syscall] ?? error.syscall;
  return {
    severity: 'error',
    code,
    message: `cannot ${doing}${where !== undefined ? ` ${where}${to}` : ''}: ${what} (${error.code}); ${todo}`,
    ...(where !== undefined ? { file: where } : {}),
  };
}

/** `error` as a {@link GenerateError} if it is a file-system error, else unchanged. */
export function asWriteError(error: unknown, cwd: string): unknown {
  return isSystemError(error) ? new GenerateError([fileSystemDiagnostic(error, cwd)]) : error;
}
