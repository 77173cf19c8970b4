/**
 * The `…AndPoll` method of an operation with `x-poll` (model/poll.ts; generator/runtime/README.md, "`…AndPoll`
 * methods"; docs/decisions.md D41): it takes the operation method's parameters (operation.ts `methodParameters`, so
 * a change of the signature convention changes both) and `options` with `poll`, starts the operation, then reads the
 * status with the runtime's `poll()` until the field holds a terminal value, and returns that last read:
 *
 * ```ts
 * async runAndPoll(loadId: number, options: PollRequestOptions = {}): Promise<RetrieveLoadResponse> {
 *   const { poll: wait, ...request } = options;
 *   await this.run(loadId, request);
 *   return poll(
 *     ({ signal }) => this.retrieve(loadId, { ...request, signal }),
 *     (load) => load.status === 'done' || load.status === 'failed',
 *     { intervalMs: 2000, ...wait, signal: request.signal },
 *   );
 * }
 * ```
 *
 * The status read is the method of the same class when there is one (`this.retrieve`), else a `request()` call with
 * its descriptor. Local names never take a parameter's name (`_` appended).
 */
import { errorResponses, methodAndPath } from '../../model/queries.js';
import type { AccessStep, Api, Operation, Poll, PollValue } from '../../model/types.js';
import { pollLocals, type ResourceNode } from '../../model/client-names.js';
import { type BodyStatement, type ClassMember, call, type Expression, id, lit, member, object, type ObjectProperty, prop, ret, str, THIS } from '../ts/code.js';
import { commentFromDocs, generic, name } from '../ts/nodes.js';
import { parseJsonPointer } from '../../pointer.js';
import { escapeCommentText } from '../tsdoc.js';
import {
  BODY_VALUE,
  CONNECTION_THROWS,
  callArguments,
  descriptor,
  methodParameters,
  parameterTags,
  parameterValue,
  paramsRecord,
  propertyAccess,
  throwsTexts,
} from './operation.js';
import type { ImportScope } from '../imports.js';

/** The runtime's poll module in the package. */
const POLL_FILE = 'src/core/poll.ts';

/** `base.a?.b` along `steps`. */
function access(base: Expression, steps: readonly AccessStep[]): Expression {
  return steps.reduce((object, step) => propertyAccess(object, step.name, step.optional), base);
}

/** A literal of a terminal value or constant. */
function literalOf(value: string | number | boolean): Expression {
  return typeof value === 'string' ? str(value) : lit(String(value));
}

/** A duration for the docs: `500 ms`, `2 s`, `1.5 s`, `10 min`. */
export function durationText(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}

/** `'done'` or `'failed'` (`, ` between more). */
function orList(values: ReadonlyArray<string | number | boolean>): string {
  const texts = values.map((v) => `\`${typeof v === 'string' ? `'${v.replace(/`/g, "'")}'` : String(v)}\``);
  return texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1]}`;
}

/**
 * The `…AndPoll` method of the operation at `index` of `node`, or undefined when it has no `x-poll`.
 *
 * @param client the expression of the client that sends a status read of another class (`this.client`, `this`)
 * @throws Error when the model's status read is not an operation of `api` (the model checks it)
 */
export function pollMethod(
  api: Api,
  node: ResourceNode,
  index: number,
  scope: ImportScope,
  typesPackage: string,
  knownSchemes: ReadonlySet<string>,
  client: Expression,
): ClassMember | undefined {
  const op = node.operations[index];
  const methodName = node.pollMethodNames[index];
  const poll = op?.poll;
  if (op === undefined || poll === undefined || methodName === undefined) return undefined;
  const read = api.operations.find((o) => o.operationId === poll.operationId);
  if (read === undefined) throw new Error(`x-poll of ${op.operationId}: no operation ${poll.operationId}`);
  const startName = node.methodNames[index] ?? op.methodName;
  const readIndex = node.operations.indexOf(read);
  const readName = readIndex === -1 ? undefined : (node.methodNames[readIndex] ?? read.methodName);

  const params = methodParameters(api, op, scope, typesPackage);
  const { options, wait, request, started, signal, value } = pollLocals(api, op, read);

  const expressionOf = (v: PollValue): Expression => {
    switch (v.source) {
      case 'parameter': {
        const p = op.parameters[v.in].find((x) => x.name === v.name);
        if (p === undefined) throw new Error(`x-poll of ${op.operationId}: no ${v.in} parameter ${v.name}`);
        return parameterValue(op, p);
      }
      case 'request-body':
        return access(BODY_VALUE, v.steps);
      case 'response-body':
        return access(id(started ?? 'started'), v.steps);
      case 'constant':
        return literalOf(v.value);
    }
  };
  const values = new Map(poll.arguments.map((a) => [a.name, { expression: expressionOf(a.value), mayBeUndefined: a.mayBeUndefined }] as const));
  const readOptions = object([
    { kind: 'spread', argument: id(request) },
    signal === 'signal' ? { kind: 'shorthand', name: 'signal' } : prop('signal', id(signal)),
  ]);
  const responseType = scope.packageType(typesPackage, read.names.response);
  const response = name(responseType);
  // The status read: its method when it is on this class, else a `request()` call whose descriptor holds the params record.
  const readCall =
    readName !== undefined
      ? call(member(THIS, readName), callArguments(read, values, readOptions))
      : call(
          member(client, 'request'),
          [descriptor(read, knownSchemes, { params: false, body: false }, undefined, paramsRecord(read, values)), readOptions],
          [response],
        );
  const field = access(id(value), poll.fieldSteps);
  const condition = poll.terminal
    .map((t): Expression => ({ kind: 'binary', operator: '===', left: field, right: literalOf(t) }))
    .reduce((left, right) => ({ kind: 'binary', operator: '||', left, right }));
  const defaults: ObjectProperty[] = [];
  if (poll.intervalMs !== undefined) defaults.push(prop('intervalMs', lit(String(poll.intervalMs))));
  if (poll.timeoutMs !== undefined) defaults.push(prop('timeoutMs', lit(String(poll.timeoutMs))));
  const waitOptions = object([...defaults, { kind: 'spread', argument: id(wait) }, prop('signal', member(id(request), 'signal'))]);

  const startCall: Expression = { kind: 'await', argument: call(member(THIS, startName), [...params.map((p) => id(p.name)), id(request)]) };
  const body: BodyStatement[] = [
    { kind: 'const', binding: { kind: 'object-pattern', properties: [{ key: 'poll', value: wait }], rest: request }, init: id(options) },
    started !== undefined ? { kind: 'const', binding: started, init: startCall } : { kind: 'expression', expression: startCall },
    ret(
      call(id(scope.value(POLL_FILE, 'poll')), [
        { kind: 'arrow', param: { kind: 'object-pattern', properties: [{ key: 'signal', value: signal }] }, body: readCall },
        { kind: 'arrow', param: value, body: condition },
        waitOptions,
      ]),
    ),
  ];
  return {
    kind: 'method',
    async: true,
    docs: pollDocs(op, read, startName, readName, poll, responseType),
    name: methodName,
    params: [...params, { name: options, type: name(scope.type(POLL_FILE, 'PollRequestOptions')), init: object([]) }],
    returns: generic('Promise', [response]),
    body,
  };
}

/** One line for api.md: ``Calls `run`, then reads `GET /loads/{load_id}` until `status` is `'done'` or `'failed'`.`` */
export function pollSummary(poll: Pick<Poll, 'field' | 'terminal'>, startName: string, readRoute: string): string {
  return `Calls \`${startName}\`, then reads \`${readRoute}\` until \`${fieldPath(poll.field)}\` is ${orList(poll.terminal)}`;
}

/** `/progress/phase` → `progress.phase`. */
function fieldPath(pointer: string): string {
  return (parseJsonPointer(pointer) ?? [pointer]).join('.');
}

/** The TSDoc of a `…AndPoll` method: what it starts and reads, the terminal values, the defaults, what it throws. */
function pollDocs(op: Operation, read: Operation, startName: string, readName: string | undefined, poll: Poll, responseType: string): string {
  const fieldText = fieldPath(poll.field);
  const readText = readName !== undefined ? `\`${readName}\` (\`${methodAndPath(read)}\`)` : `\`${methodAndPath(read)}\` (operation \`${read.operationId}\`)`;
  const given = (ms: number | undefined): string => (ms !== undefined ? durationText(ms) : "the runtime's default (`POLL_DEFAULTS`)");
  const description = escapeCommentText(
    [
      `Calls \`${startName}\` (\`${methodAndPath(op)}\`), then reads with ${readText} until \`${fieldText}\` is ${orList(poll.terminal)}, and returns that last read.`,
      '',
      `Pause between reads: ${given(poll.intervalMs)}; time limit: ${given(poll.timeoutMs)}. \`options.poll\` overrides both, and sets \`backoff\` and \`maxIntervalMs\`.`,
    ].join('\n'),
  );
  const tags = [
    ...parameterTags(op).map((text) => `@param ${text}`),
    '@param options request options of the call and of each read (`signal` also ends the wait), and under `poll` how to wait',
    `@returns the last read (\`${responseType}\`), whose \`${escapeCommentText(fieldText)}\` is a terminal value`,
    '@throws `PollTimeoutError` when the wait reaches its time limit first (with the last read as `lastValue`)',
    ...throwsTexts([...errorResponses(op), ...errorResponses(read)]).map((text) => `@throws ${text}`),
    `@throws ${CONNECTION_THROWS}`,
  ];
  return commentFromDocs([description, ...tags].join('\n'));
}
