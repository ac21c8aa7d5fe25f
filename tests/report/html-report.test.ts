// The HTML report in a real browser (the Chromium of @sparticuz/chromium, driven by playwright-core): no console errors, order, counts, filters.

import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateRecords } from '../../src/catalog/index.ts';
import { renderHtml, summariseRun, writeArtifacts } from '../../src/report/index.ts';
import { launchChromium } from '../support/chromium.ts';
import { ROOT } from '../support/docs.ts';
import { CANARY, reportVerdicts } from '../support/report-verdicts.ts';

const summary = summariseRun(
  {
    runId: 'html-test',
    startedAt: new Date('2026-11-24T10:00:00Z'),
    finishedAt: new Date('2026-11-24T10:00:04Z'),
    target: { kind: 'url', name: 'gateway' },
    endpoints: [updateRecords],
    collectionsCommit: 'abc1234',
  },
  reportVerdicts,
);
let browser: Browser;
let file: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zoho-html-'));
  [file = ''] = await writeArtifacts(dir, renderHtml(summary), [CANARY]);
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('report.html in headless Chromium', () => {
  it('opens from disk with no console errors and no network requests, and writes a screenshot', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => (r.url().startsWith('file:') ? undefined : problems.push(`fetched ${r.url()}`)));
    await page.goto(pathToFileURL(file).href);
    expect(problems).toEqual([]);
    await mkdir(join(ROOT, 'reports', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'reports', 'screenshots', 'html-report.png'), fullPage: true });
    await page.close();
  });

  it('opens on the outcome: counts, then failures and cases not checked, then coverage, then every case, then drift', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('body > section').evaluateAll((sections) => sections.map((s) => s.id))).toEqual([
      'failures',
      'not-checked',
      'coverage',
      'cases',
      'drift',
    ]);
    // On screen too: the failure sits above the coverage table, not below its 14 rows.
    const failure = await page.locator('#failures article.failure').boundingBox();
    const coverage = await page.locator('#coverage table').boundingBox();
    expect(failure && coverage && failure.y + failure.height <= coverage.y).toBe(true);
    expect(
      await page
        .locator('#failures article.failure')
        .evaluateAll((articles) => articles.map((a) => a.getAttribute('data-case'))),
    ).toEqual(['not-approved']);
    expect(await page.locator('#failures').textContent()).toContain('/data/0/status');
    const unchecked = await page
      .locator('#not-checked tr.unchecked')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-outcome'), r.textContent ?? '']));
    expect(unchecked.map(([outcome]) => outcome).sort()).toEqual(['error', 'not-checked']);
    expect(unchecked.map(([, text]) => text).join(' ')).toContain('ZOHO_EXISTING_MOBILE');
    await page.close();
  });

  it('shows the counts of summary.json', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    const count = (name: string) => page.locator(`[data-count="${name}"]`).textContent();
    expect([
      await count('passed'),
      await count('failed'),
      await count('errors'),
      await count('not-checked'),
      await count('not-applicable'),
      await count('flaky'),
      await count('cases'),
    ]).toEqual(
      [
        summary.totals.passed,
        summary.totals.failed,
        summary.totals.errors,
        summary.totals.notChecked,
        summary.totals.notApplicable,
        summary.totals.flaky,
        summary.totals.cases,
      ].map(String),
    );
    expect(await count('checked-phrase')).toBe(`checked ${summary.totals.checked} of ${summary.totals.cases} selected`);
    expect(await page.locator('tr.case').count()).toBe(summary.totals.cases);
    await page.close();
  });

  it('lists cases not checked, then failing cases first and filters to them, with the reason and the ajv path', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(
      await page.locator('tr.case').evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute('data-outcome'))),
    ).toEqual(['not-checked', 'fail', 'error']);
    await page.selectOption('#outcome-filter', 'failing');
    const visible = page.locator('tr.case:not(.hidden)');
    expect(await visible.count()).toBe(3);
    expect(await page.locator('#shown').textContent()).toBe('3 of 6 cases shown');
    await visible.nth(1).locator('summary').click();
    expect(await visible.nth(1).textContent()).toContain('/data/0/status');
    await page.selectOption('#outcome-filter', 'flaky');
    expect(await page.locator('tr.case:not(.hidden)').count()).toBe(1);
    await page.selectOption('#outcome-filter', 'all');
    await page.fill('#text-filter', 'duplicate');
    expect(await page.locator('tr.case:not(.hidden)').count()).toBe(1);
    await page.close();
  });

  it('never contains the canary token', async () => {
    expect(await readFile(file, 'utf8')).not.toContain(CANARY);
  });
});
