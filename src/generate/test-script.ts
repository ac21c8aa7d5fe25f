// Renders the Postman test script of one case: status, code and schema, so a collection runs standalone.

import type { Case } from '../catalog/index.ts';

/** Collection variable that holds the endpoint's bundled schema (one copy per collection, not per item). */
export const SCHEMA_VARIABLE = 'response_schema';

/** The sandbox lines that check one case's documented outcome; mirrors the Node-side verdict. */
export function renderTestScript(testCase: Case): string[] {
  const expected = testCase.expect;
  // The read shapes get scripts of their own, so the record-write scripts (and their collections) stay as they were.
  if (expected.shape === 'list' || expected.shape === 'empty') return renderReadScript(testCase);
  const codeLabel =
    expected.shape === 'records'
      ? summariseCodes(expected.codes)
      : expected.shape === 'error'
        ? expected.code
        : 'absent (plain object)';
  const branch = { records: 'recordsEnvelope', error: 'topLevelError', object: 'successObject' }[expected.shape];
  return [
    `// ${testCase.name} (${testCase.doc.page}: ${testCase.doc.section}). Generated from the catalog; edit the catalog, not this.`,
    `var expected = ${JSON.stringify(expected)};`,
    'var body = null;',
    'try { body = pm.response.json(); } catch (e) { body = null; }',
    `pm.test(${JSON.stringify(`HTTP status is ${expected.status}`)}, function () {`,
    '  pm.response.to.have.status(expected.status);',
    '});',
    `pm.test(${JSON.stringify(`code is ${truncate(codeLabel)}`)}, function () {`,
    '  pm.expect(body, "a JSON body").to.be.an("object");',
    '  if (expected.shape === "records") {',
    '    pm.expect(body.data, "data[]").to.be.an("array");',
    '    pm.expect(body.data.map(function (entry) { return entry && entry.code; })).to.eql(expected.codes);',
    '  } else if (expected.shape === "object") {',
    '    pm.expect(body).to.not.have.property("code");',
    '  } else {',
    '    pm.expect(body.code).to.eql(expected.code);',
    '    if (expected.message) { pm.expect(String(body.message).toLowerCase()).to.eql(expected.message.toLowerCase()); }',
    '  }',
    '});',
    'pm.test("body matches the documented schema", function () {',
    `  var schema = JSON.parse(pm.collectionVariables.get(${JSON.stringify(SCHEMA_VARIABLE)}));`,
    `  pm.response.to.have.jsonSchema({ definitions: schema.definitions, $ref: "#/definitions/${branch}" });`,
    '});',
  ];
}

/** A read's script: its status, then data[] of records (and the list schema), or no body at all for a 204. */
function renderReadScript(testCase: Case): string[] {
  const expected = testCase.expect;
  const head = [
    `// ${testCase.name} (${testCase.doc.page}: ${testCase.doc.section}). Generated from the catalog; edit the catalog, not this.`,
    `var expected = ${JSON.stringify(expected)};`,
    `pm.test(${JSON.stringify(`HTTP status is ${expected.status}`)}, function () {`,
    '  pm.response.to.have.status(expected.status);',
    '});',
  ];
  if (expected.shape === 'empty')
    return [...head, 'pm.test("no body", function () {', '  pm.expect(pm.response.text()).to.eql("");', '});'];
  return [
    ...head,
    'var body = null;',
    'try { body = pm.response.json(); } catch (e) { body = null; }',
    'pm.test("data[] of records", function () {',
    '  pm.expect(body, "a JSON body").to.be.an("object");',
    '  pm.expect(body.data, "data[]").to.be.an("array");',
    '  if (expected.count !== undefined) { pm.expect(body.data.length).to.eql(expected.count); }',
    '});',
    'pm.test("body matches the documented schema", function () {',
    `  var schema = JSON.parse(pm.collectionVariables.get(${JSON.stringify(SCHEMA_VARIABLE)}));`,
    '  pm.response.to.have.jsonSchema({ definitions: schema.definitions, $ref: "#/definitions/listEnvelope" });',
    '});',
  ];
}

/** "SUCCESS ×100" rather than a hundred names; distinct codes are listed in order. */
function summariseCodes(codes: readonly string[]): string {
  const first = codes[0] ?? '';
  return codes.length > 1 && codes.every((c) => c === first) ? `${first} ×${codes.length}` : codes.join(', ');
}

/** Keeps test names short when a case expects many entries (e.g. 100 SUCCESS). */
function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
