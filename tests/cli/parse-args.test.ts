import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { runOptionTable } from '../../src/cli/option-table.ts';
import { parseOptions, parsePositiveInteger, renderHelp } from '../../src/cli/parse-args.ts';

describe('parseOptions', () => {
  it('parses value and boolean options from the table', () => {
    expect(parseOptions(runOptionTable, ['--product', 'crm', '--bail'], 'run')).toEqual({ product: 'crm', bail: true });
  });

  it.each([
    [['--nope'], 'unknown option --nope'],
    [['--out'], 'option --out needs a value'],
    [['--bail=yes'], 'option --bail takes no value'],
    [['stray'], 'unexpected argument "stray" for "run"'],
  ])('turns %j into a UsageError naming the input', (args, message) => {
    expect(() => parseOptions(runOptionTable, args, 'run')).toThrow(UsageError);
    expect(() => parseOptions(runOptionTable, args, 'run')).toThrow(message);
  });
});

describe('parsePositiveInteger', () => {
  it('accepts whole numbers from 1 and falls back when absent', () => {
    expect(parsePositiveInteger('8', 'concurrency', 4)).toBe(8);
    expect(parsePositiveInteger(undefined, 'concurrency', 4)).toBe(4);
  });
  it.each(['0', '-1', '1.5', 'four', ''])('rejects %j', (value) => {
    expect(() => parsePositiveInteger(value, 'concurrency', 4)).toThrow(
      `--concurrency "${value}" is not a positive whole number`,
    );
  });
});

describe('renderHelp', () => {
  it('lists every option of the table with its placeholder and help', () => {
    const help = renderHelp('Usage: x', runOptionTable);
    for (const [name, spec] of Object.entries(runOptionTable)) {
      expect(help).toContain(`--${name}${'value' in spec ? ` ${spec.value}` : ''}`);
      expect(help).toContain(spec.help);
    }
  });
});
