/**
 * The body of the base class's `request(first, second, third, fourth)` implementation (the same in
 * every client but for the local names of three core types), as nodes the printer lays out.
 */
import { as, type BodyStatement, call, type Expression, id, lit, member, object, prop, ret, str, SUPER } from '../ts/code.js';
import { generic, literal, name, type TypeNode, unionOf } from '../ts/nodes.js';

const UNDEFINED = name('undefined');
const UNDEFINED_ID = id('undefined');

/**
 * A descriptor passed on as it is, or a call by method and path turned into a descriptor (parameters
 * by location, the security of the operation); the core's `RequestOptions`, `Operation` and
 * `ParamSpec` under their local names.
 */
export function requestBody({
  requestOptions,
  operationType,
  paramSpec,
}: {
  requestOptions: TypeNode;
  operationType: TypeNode;
  paramSpec: TypeNode;
}): BodyStatement[] {
  const first = id('first');
  const init = id('init');
  const optional = (object: Expression, field: string): Expression => member(object, field, true);
  const record = (value: TypeNode): TypeNode => generic('Record', [name('string'), value]);
  const initType: TypeNode = {
    kind: 'object',
    multiline: false,
    members: [
      { kind: 'property', key: 'params', optional: true, type: record(name('unknown')) },
      { kind: 'property', key: 'body', optional: true, type: name('unknown') },
      { kind: 'property', key: 'bodyKind', optional: true, type: { kind: 'indexed', object: operationType, index: literal("'bodyKind'") } },
      { kind: 'property', key: 'contentType', optional: true, type: name('string') },
    ],
  };
  const isUndefined = (e: Expression): Expression => ({ kind: 'binary', operator: '!==', left: e, right: UNDEFINED_ID });
  const copy = (field: string): BodyStatement => ({
    kind: 'if',
    test: isUndefined(optional(init, field)),
    consequent: { kind: 'expression', expression: { kind: 'assignment', operator: '=', left: member(id('op'), field), right: member(init, field) } },
  });
  const assign = (target: string, value: Expression): BodyStatement => ({
    kind: 'expression',
    expression: { kind: 'assignment', operator: '=', left: { kind: 'index', object: id(target), index: id('key') }, right: value },
  });
  return [
    {
      kind: 'if',
      test: { kind: 'binary', operator: '!==', left: { kind: 'typeof', argument: first }, right: str('string') },
      consequent: ret(call(member(SUPER, 'request'), [first, as(id('second'), unionOf([requestOptions, UNDEFINED]))])),
    },
    { kind: 'const', binding: 'path', init: as(id('second'), name('string')) },
    { kind: 'const', binding: 'init', init: as(id('third'), unionOf([initType, UNDEFINED])) },
    { kind: 'const', binding: 'options', init: as(id('fourth'), unionOf([requestOptions, UNDEFINED])) },
    { kind: 'const', binding: 'params', type: record(name('unknown')), init: object([]) },
    { kind: 'const', binding: 'parameters', type: record(paramSpec), init: object([]) },
    {
      kind: 'for-of',
      binding: 'location',
      iterable: id('REQUEST_LOCATIONS'),
      body: [
        { kind: 'const', binding: 'group', init: { kind: 'index', object: optional(init, 'params'), index: id('location'), optional: true } },
        {
          kind: 'if',
          test: {
            kind: 'binary',
            operator: '||',
            left: { kind: 'binary', operator: '===', left: id('group'), right: lit('null') },
            right: { kind: 'binary', operator: '!==', left: { kind: 'typeof', argument: id('group') }, right: str('object') },
          },
          consequent: { kind: 'continue' },
        },
        {
          kind: 'for-of',
          binding: ['key', 'value'],
          iterable: call(member(id('Object'), 'entries'), [id('group')]),
          body: [assign('params', id('value')), assign('parameters', object([prop('in', id('location'))]))],
        },
      ],
    },
    {
      kind: 'const',
      binding: 'op',
      type: operationType,
      init: object(
        [
          prop('method', first),
          { kind: 'shorthand', name: 'path' },
          { kind: 'shorthand', name: 'params' },
          { kind: 'shorthand', name: 'parameters' },
          prop('security', {
            kind: 'binary',
            operator: '??',
            left: { kind: 'index', object: id('SECURITY'), index: { kind: 'template', text: '`${first} ${path}`' } },
            right: id('DEFAULT_SECURITY'),
          }),
        ],
        true,
      ),
    },
    copy('body'),
    copy('bodyKind'),
    copy('contentType'),
    ret(call(member(SUPER, 'request'), [id('op'), id('options')])),
  ];
}
