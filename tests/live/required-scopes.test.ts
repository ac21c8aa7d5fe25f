import { describe, expect, it } from 'vitest';
import { requiredScopes } from '../../src/live/index.ts';

describe('requiredScopes', () => {
  it("reads concrete scopes out of the endpoints' texts, drops templated ones, and keeps the broadest of a family", () => {
    const scopes = requiredScopes([
      'ZohoCRM.modules.lockinginformation.Update AND (ZohoCRM.modules.ALL or ZohoCRM.modules.{module_name}.{ALL|UPDATE})',
      'contracts.meta.UPDATE',
      'contracts.meta.ALL',
      'ZohoBigin.modules.{module_name}.{ALL|WRITE|UPDATE}',
    ]);
    expect(scopes).toContain('contracts.meta.ALL');
    expect(scopes).not.toContain('contracts.meta.UPDATE');
    expect(scopes.filter((s) => /lockinginformation\.update/i.test(s))).toEqual([
      'ZohoCRM.modules.lockinginformation.UPDATE',
    ]);
    expect(scopes.some((s) => s.includes('{'))).toBe(false);
    expect(scopes).toEqual(
      expect.arrayContaining([
        'ZohoCRM.settings.modules.READ',
        'ZohoCRM.settings.fields.READ',
        'ZohoCRM.users.READ',
        'ZohoCRM.org.READ',
      ]),
    );
  });
});
