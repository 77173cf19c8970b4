/**
 * Formatting one piece of generated TypeScript (a run of top-level statements, see
 * `splitTopLevel`): statements already in prettier's shape are taken as they are (`fast-format.ts`),
 * the rest go to prettier. The same code runs in the main thread and in a formatting worker
 * (`pool.ts` loads this module's compiled form there), so the work of a piece can go to any thread.
 */
import { type FastFormatStyle, fastFormat } from './fast-format.js';
import { type FormatFailure, type FormatOptions, formatInProcess, joinFormatted, splitInterface, splitStatements, toFormatFailure, unwrapInterface } from './format.js';

/** One formatting job: text in, formatted text or a failure out. */
export interface FormatJob {
  text: string;
  options: FormatOptions;
}
export type FormatOutcome = { ok: true; formatted: string } | { ok: false; failure: FormatFailure };

/** Runs prettier over one job (in this thread or another); never rejects for a syntax error. */
export type PrettierRunner = (job: FormatJob) => Promise<FormatOutcome>;

/** One piece to format statement by statement (see {@link formatStatements}). Plain data: it is posted to workers. */
export interface PieceJob {
  text: string;
  options: FormatOptions;
  /** A statement longer than twice this (UTF-16 code units) is formatted on its own, a huge interface in member groups. */
  pieceBytes: number;
  /** Undefined: every statement goes to prettier. */
  style: FastFormatStyle | undefined;
}

/** Formats with prettier in this thread; a syntax error becomes a `{ ok: false }` outcome. */
export async function formatHere(job: FormatJob): Promise<FormatOutcome> {
  try {
    return { ok: true, formatted: await formatInProcess(job.text, job.options) };
  } catch (error) {
    return { ok: false, failure: toFormatFailure(error) };
  }
}

/** {@link formatStatements} with prettier in this thread (a worker's share of a package). */
export function formatPieceHere(job: PieceJob): Promise<string | undefined> {
  return formatStatements(formatHere, job);
}

/**
 * One piece, statement by statement: those in {@link fastFormat}'s grammar are taken without
 * prettier (when `job.style` allows it); the others go to `prettier` in one call, cut apart again at
 * marker comments (prettier formats top-level statements independently and keeps a comment line
 * between blank lines as it is), a huge interface on its own (see {@link formatLongStatement}).
 * @returns the formatted piece; undefined if prettier rejects the rest or the markers do not come back in order
 */
export async function formatStatements(prettier: PrettierRunner, job: PieceJob): Promise<string | undefined> {
  const { text, options, pieceBytes, style } = job;
  if (style === undefined) return formatLongStatement(prettier, text, options, pieceBytes, undefined);
  const parts: Array<string | Promise<string | undefined> | undefined> = [];
  const rest: Array<{ index: number; text: string }> = [];
  for (const statement of splitStatements(text)) {
    const fast = fastFormat(statement, style);
    if (fast !== undefined) parts.push(fast);
    else if (statement.length > 2 * pieceBytes) parts.push(formatLongStatement(prettier, statement, options, pieceBytes, style));
    else {
      rest.push({ index: parts.length, text: statement });
      parts.push(undefined);
    }
  }
  if (rest.length > 0) {
    const outcome = await prettier({ text: rest.map((r) => r.text).join(`\n\n${CUT}\n\n`), options });
    if (!outcome.ok) return undefined;
    const formatted = outcome.formatted.split(`\n\n${CUT}\n\n`);
    if (formatted.length !== rest.length) return undefined;
    formatted.forEach((f, i) => {
      parts[rest[i]!.index] = i === formatted.length - 1 ? f : `${f}\n`;
    });
  }
  const done = await Promise.all(parts);
  return done.some((d) => d === undefined || d === '') ? undefined : joinFormatted(done as string[]);
}

/** The line {@link formatStatements} puts between statements it hands to prettier together. */
const CUT = '// @sdkgen-cut 6c1e';

/** Statements for prettier, a huge interface member group by member group; undefined if rejected. */
async function formatLongStatement(
  prettier: PrettierRunner,
  text: string,
  options: FormatOptions,
  pieceBytes: number,
  style: FastFormatStyle | undefined,
): Promise<string | undefined> {
  const split = splitInterface(text, pieceBytes);
  if (split === undefined) {
    const outcome = await prettier({ text, options });
    return outcome.ok && outcome.formatted.length > 0 ? outcome.formatted : undefined;
  }
  const bodies = await Promise.all(
    split.wrapped.map(async (group) => {
      const fast = style === undefined ? undefined : fastFormat(group, style);
      if (fast !== undefined) return unwrapInterface(fast);
      const outcome = await prettier({ text: group, options });
      return outcome.ok ? unwrapInterface(outcome.formatted) : undefined;
    }),
  );
  if (bodies.some((b) => b === undefined)) return undefined;
  return `${split.header}\n${bodies.join('')}}\n`;
}
