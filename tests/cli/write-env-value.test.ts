import { describe, expect, it } from 'vitest';
import { setEnvLine } from '../../src/cli/write-env-value.ts';

describe('setEnvLine', () => {
  it('replaces the line of that name (exported or not) and keeps the rest', () => {
    expect(setEnvLine('A=1\nZOHO_REFRESH_TOKEN=old\nB=2\n', 'ZOHO_REFRESH_TOKEN', 'new')).toBe(
      'A=1\nZOHO_REFRESH_TOKEN=new\nB=2\n',
    );
    expect(setEnvLine('export ZOHO_X = old\n', 'ZOHO_X', 'v')).toBe('ZOHO_X=v\n');
  });

  it('appends when the name is absent, on its own line, and quotes a value that needs it', () => {
    expect(setEnvLine('', 'ZOHO_X', 'v')).toBe('ZOHO_X=v\n');
    expect(setEnvLine('A=1', 'ZOHO_X', 'a b')).toBe('A=1\nZOHO_X="a b"\n');
    expect(setEnvLine('ZOHO_XY=1\n', 'ZOHO_X', 'v')).toBe('ZOHO_XY=1\nZOHO_X=v\n');
  });
});
