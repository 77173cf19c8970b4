// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Optional validation of request and response bodies (`ClientOptions.validate`) with the caller's Standard Schema v1
 * schemas (zod, valibot, arktype…): `throw` mode fails the call, `report` mode reports and lets the value through.
 * `ClientCore` calls it before encoding a request body and after reading a response body.
 */

import { ValidationError } from './errors.js';
import type { Log } from './log.js';
import type {
  Operation,
  OperationInfo,
  StandardSchemaV1,
  ValidationOptions,
  ValidationReport,
} from './types.js';

/**
 * Validates `value` (a request body as passed, or a response body as read) against the schema `options` give for the
 * operation: `options.request(info)` for `request`, `options.response(info, status)` for `response` (no schema
 * without a status).
 * @param options the client's `validate` option; `undefined`: no validation
 * @param status the response's HTTP status (responses only)
 * @param log where a failure goes in `report` mode when there is no `onReport` (a warning with the issue messages)
 * @returns the schema's output when it passes; `value` itself when there is no schema, or when it fails in `report` mode
 * @throws ValidationError (the report: operation, target, status, issue messages and paths, never values) when it
 *   fails in `throw` mode (the default)
 */
export async function validate(
  options: ValidationOptions | undefined,
  target: 'request' | 'response',
  op: Operation,
  value: unknown,
  status: number | undefined,
  log: Log,
): Promise<unknown> {
  if (!options) return value;
  const info: OperationInfo = {
    method: op.method,
    path: op.path,
    ...(op.operationId !== undefined ? { operationId: op.operationId } : {}),
  };
  const schema: StandardSchemaV1 | undefined =
    target === 'request'
      ? options.request?.(info)
      : status !== undefined
        ? options.response?.(info, status)
        : undefined;
  if (!schema) return value;
  const result = await schema['~standard'].validate(value);
  if (!result.issues) return result.value;
  const report: ValidationReport = {
    operation: info,
    target,
    issues: result.issues,
    ...(status !== undefined ? { status } : {}),
  };
  if ((options.mode ?? 'throw') === 'throw') throw new ValidationError(report);
  if (options.onReport) options.onReport(report);
  else
    log.log(
      'warn',
      `${target} of ${info.operationId ?? `${op.method.toUpperCase()} ${op.path}`} failed validation`,
      {
        issues: report.issues.map((i) => i.message),
      },
    );
  return value;
}
