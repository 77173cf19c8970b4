import type { FormatOptions } from './format.js';

/**
 * Whether prettier with `options` leaves the printer's TypeScript (emit/ts/printer.ts) as it is:
 * the repository's style (print width 100, single quotes, trailing commas everywhere, semicolons,
 * two spaces, `as-needed` quote props, bracket spacing). Options that do not touch the printed
 * constructs (arrow parentheses, JSX, line ends: always `\n`) are ignored; any other option, or
 * another value, means prettier formats the file.
 */
export function isPrinterStyle(options: FormatOptions): boolean {
  for (const [key, value] of Object.entries(options)) {
    const expected = PRINTER_STYLE[key];
    if (expected === undefined) {
      if (!IGNORED.has(key)) return false;
    } else if (!expected.includes(value)) return false;
  }
  return options['printWidth'] === 100 && options['singleQuote'] === true;
}

const PRINTER_STYLE: Readonly<Record<string, ReadonlyArray<unknown>>> = {
  printWidth: [100],
  singleQuote: [true],
  trailingComma: ['all'],
  semi: [true],
  tabWidth: [2],
  useTabs: [false],
  quoteProps: ['as-needed'],
  bracketSpacing: [true],
  objectWrap: ['preserve'],
  experimentalOperatorPosition: ['end'],
  experimentalTernaries: [false],
};

const IGNORED = new Set(['parser', 'endOfLine', 'arrowParens', 'bracketSameLine', 'jsxSingleQuote', 'singleAttributePerLine', 'embeddedLanguageFormatting', 'htmlWhitespaceSensitivity', 'proseWrap', 'vueIndentScriptAndStyle']);
