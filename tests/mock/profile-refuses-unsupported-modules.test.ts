// An org profile that names a module Zoho's API does not support (Documents, Projects) is refused at load, naming the
// module and why: loaded, the mock would refuse every call to it and a rehearsal would read that as the org's doing.

import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { UNSUPPORTED_MODULES, parseOrgProfile } from '../../src/mock/index.ts';
import { readDocPage } from '../support/docs.ts';

const profile = (modules: Record<string, unknown>) => ({ edition: 'professional', modules });
const leads = { fields: [{ api_name: 'Last_Name', data_type: 'text', system_mandatory: true }] };

/** The module names of a page's "The modules such as X and Y are not supported" sentence. */
function unsupportedOnPage(page: string): string[] {
  const sentence = /The modules such as (.+?) are not supported in the current API/.exec(readDocPage(page))?.[1] ?? '';
  return sentence.split(/,\s*|\s+and\s+/).filter(Boolean);
}

describe('modules the API does not support, in an org profile', () => {
  it("are the ones both pages' INVALID_MODULE entries name", () => {
    for (const page of ['crm-update-records.txt', 'bigin-update-related-records.txt'])
      expect(unsupportedOnPage(page), page).toEqual([...UNSUPPORTED_MODULES]);
  });

  it.each([...UNSUPPORTED_MODULES])(
    'refuses %s as a custom module: one ConfigError naming the module, the page and the fix',
    (name) => {
      const load = () => parseOrgProfile(profile({ Leads: leads, [name]: { custom: true, fields: [] } }), 'org.json');
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(
        `--org org.json: custom module "${name}": Zoho's pages list ${name} as not supported by the API (crm-update-records.txt § Possible Errors: INVALID_MODULE "The given module is not supported in API"), so every call to it would answer INVALID_MODULE`,
      );
      try {
        load();
      } catch (error) {
        expect((error as ConfigError).toLine()).not.toContain('\n');
        expect((error as ConfigError).hint).toBe(`give the custom module an API name of its own, e.g. ${name}_Tracker`);
        expect((error as ConfigError).exitCode).toBe(2);
      }
    },
  );

  it('refuses one given as a standard module too, with the fix of removing it', () => {
    expect(() => parseOrgProfile(profile({ Leads: leads, Documents: { fields: [] } }), 'org.json')).toThrow(
      /module "Documents": Zoho's pages list Documents as not supported by the API/,
    );
  });

  it('loads a custom module whose name only starts like one (Projects_Tracker)', () => {
    const org = parseOrgProfile(profile({ Leads: leads, Projects_Tracker: { custom: true, fields: [] } }), 'org.json');
    expect([...org.modules.keys()]).toEqual(['Leads', 'Projects_Tracker']);
  });
});
