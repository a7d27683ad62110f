import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALERT_NAME,
  RUNBOOK_URL,
  startLookoutWithConfig,
  startWebhook,
  TARGET_NAME,
  type Webhook,
  writeAlertingConfig,
} from './alerts-fixture';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { ccproxyLines, ingest } from './ccproxy-lines';
import { freePort, type RunningLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };
const UI_RULE = 'E2EUiRule';
const UI_RUNBOOK = 'https://runbooks.example.com/e2e-ui-rule';

async function signIn(page: Page, lookout: RunningLookout, next: string): Promise<void> {
  await page.goto(`${lookout.url}/login?next=${encodeURIComponent(next)}`);
  await page.locator('#token').fill(lookout.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === new URL(next, 'http://x').pathname, WAIT);
}

describe('/alerts with a target that is down, a rule and a webhook receiver', () => {
  let lookout: RunningLookout;
  let webhook: Webhook;
  let browser: Browser;
  let page: Page;
  let dir = '';
  const problems: ConsoleProblem[] = [];

  /** A step in which the browser may log exactly these failed loads (a 400 we provoke, say). */
  async function allowingFailedLoads(statuses: number[], step: () => Promise<void>): Promise<void> {
    const before = problems.length;
    await step();
    const during = problems.splice(before);
    problems.push(...during.filter((p) => !statuses.some((s) => p.text.includes(`status of ${s}`))));
  }

  const go = (query = 'theme=light') => page.goto(`${lookout.url}/alerts?refresh=1s&${query}`);
  const alertItem = () => page.locator(`[data-testid="alert-item"][data-alert="${ALERT_NAME}"]`);

  beforeAll(async () => {
    webhook = await startWebhook();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-e2e-rules-'));
    // A port that was free a moment ago: nothing listens there, so every probe is refused and up == 0.
    const config = writeAlertingConfig(dir, await freePort(), webhook.url);
    lookout = await startLookoutWithConfig(config);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' })).newPage();
    watchConsole(page, problems);
    await signIn(page, lookout, '/alerts');
  });

  afterAll(async () => {
    await browser?.close();
    await webhook?.close();
    if (lookout) expect(await lookout.stop()).toBe(0);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the alert firing with its summary and runbook link', async () => {
    await go();
    await alertItem().and(page.locator('[data-state="firing"]')).waitFor(WAIT);
    expect(await alertItem().textContent()).toContain('The e2e target is down');
    // Annotations are text: the markup in the description shows as written.
    expect(await alertItem().textContent()).toContain('up is 0 for <b>job</b> e2e-down');
    expect(await page.locator('main b').count()).toBe(0);
    expect(await alertItem().getByTestId('alert-value').textContent()).toBe('0');
    await alertItem().getByText('severity=critical').waitFor(WAIT);
    const runbook = alertItem().getByRole('link', { name: /Runbook/ });
    expect(await runbook.getAttribute('href')).toBe(RUNBOOK_URL);
    expect(await runbook.getAttribute('target')).toBe('_blank');
    expect(await runbook.getAttribute('rel')).toContain('noopener');
  });

  it('lists the rule with health ok and previews what its expression returns now', async () => {
    const rule = page.locator(`[data-testid="rule-item"][data-rule="${ALERT_NAME}"]`);
    await rule.getByTestId('rule-health').locator('[data-state="ok"]').waitFor(WAIT);
    expect(await rule.locator('code').textContent()).toBe('up{job="e2e-down"} == 0');
    await page.getByTestId('rule-group').getByText('alerts.yml').waitFor(WAIT);
    await rule.getByRole('button', { name: `Preview ${ALERT_NAME}` }).click();
    const value = rule.getByTestId('preview-value').first();
    await value.waitFor(WAIT);
    expect(await value.textContent()).toBe('0');
    await rule.getByTestId('rule-preview').getByText('job=e2e-down').waitFor(WAIT);
  });

  it('logs the webhook delivery', async () => {
    await expect.poll(() => webhook.bodies.length, WAIT).toBeGreaterThan(0);
    const row = page.getByTestId('notification-log').locator('tbody tr').filter({ hasText: 'webhook' }).first();
    await row.waitFor(WAIT);
    const text = await row.textContent();
    expect(text).toContain('hook');
    expect(text).toContain('firing');
    expect(await row.getByTestId('notification-result').locator('[data-state="delivered"]').count()).toBe(1);
  });

  it('creates a silence from the alert’s shortcut, with the API’s validation message first', async () => {
    await page.getByRole('button', { name: `Silence ${ALERT_NAME}` }).click();
    const matchers = page.locator('#silence-matchers');
    await expect.poll(() => matchers.inputValue(), WAIT).toContain(`alertname="${ALERT_NAME}"`);
    expect(await matchers.inputValue()).toContain('severity="critical"');
    await allowingFailedLoads([400], async () => {
      await page.getByRole('button', { name: 'Create silence' }).click();
      const error = page.getByTestId('error-silence-author');
      await error.waitFor(WAIT);
      expect(await error.textContent()).toContain('created_by is required');
    });
    await page.locator('#silence-author').fill('e2e');
    await page.locator('#silence-comment').fill('Planned <b>maintenance</b>');
    await page.locator('label', { hasText: '4h' }).click();
    await page.getByRole('button', { name: 'Create silence' }).click();
    await page.getByTestId('silence-message').filter({ hasText: 'Silence created (for 4h).' }).waitFor(WAIT);
    const active = page.locator('[data-testid="silence-item"][data-status="active"]');
    await active.waitFor(WAIT);
    expect(await active.getByTestId('silence-comment').textContent()).toBe('Planned <b>maintenance</b>');
    expect(await active.textContent()).toContain(`alertname="${ALERT_NAME}"`);
    await alertItem().getByTestId('alert-silenced').waitFor(WAIT);
  });

  it('shows /alerts in both themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await go(`theme=${theme}`);
      await alertItem().waitFor(WAIT);
      await page.getByTestId('notification-log').locator('tbody tr').first().waitFor(WAIT);
      await page.locator('[data-testid="silence-item"]').first().waitFor(WAIT);
      await page.getByRole('button', { name: `Preview ${ALERT_NAME}` }).click();
      await page.getByTestId('preview-value').first().waitFor(WAIT);
      expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
      await screenshot(page, `alerts-${theme}`);
    }
  });

  it('expires the silence', async () => {
    await go();
    await page.locator('[data-testid="silence-item"][data-status="active"]').waitFor(WAIT);
    await page.getByRole('button', { name: /^Expire silence/ }).click();
    await page.getByTestId('silence-message').filter({ hasText: 'Silence expired.' }).waitFor(WAIT);
    await page.locator('[data-testid="silence-item"][data-status="expired"]').waitFor(WAIT);
    expect(await page.locator('[data-testid="silence-item"][data-status="active"]').count()).toBe(0);
    await alertItem()
      .getByTestId('alert-silenced')
      .waitFor({ state: 'detached', ...WAIT });
    const res = await fetch(`${lookout.url}/api/v1/silences`, {
      headers: { authorization: `Bearer ${lookout.token}` },
    });
    const body = (await res.json()) as { data: { status: string }[] };
    expect(body.data.map((s) => s.status)).toEqual(['expired']);
  });

  const uiRule = () =>
    page.locator(`[data-testid="rule-group"][data-editable] [data-testid="rule-item"][data-rule="${UI_RULE}"]`);

  it('creates a rule in /alerts with a live preview, showing the API’s message for a bad expression', async () => {
    await go();
    await page.getByRole('button', { name: 'New rule' }).click();
    const editor = page.getByTestId('rule-editor');
    await editor.locator('#rule-new-name').fill(UI_RULE);
    await editor.locator('#rule-new-expr').fill(`up{job="${TARGET_NAME}"} ==`);
    await editor.getByTestId('rule-preview').locator('[class*="text-down"]').waitFor(WAIT);
    await allowingFailedLoads([400], async () => {
      await editor.getByRole('button', { name: 'Create rule' }).click();
      const error = page.getByTestId('error-rule-new-expr');
      await error.waitFor(WAIT);
      expect((await error.textContent())?.length).toBeGreaterThan(5);
    });
    await editor.locator('#rule-new-expr').fill(`up{job="${TARGET_NAME}"} == 0`);
    const value = editor.getByTestId('preview-value').first();
    await value.waitFor(WAIT);
    expect(await value.textContent()).toBe('0');
    await editor.locator('#rule-new-for').fill('1s');
    await editor.locator('#rule-new-summary').fill('Made in the UI');
    await editor.locator('#rule-new-runbookUrl').fill(UI_RUNBOOK);
    await editor.locator('#rule-new-labels').fill('severity=warning\nteam=e2e');
    await screenshot(page, 'alerts-rule-editor-light');
    await editor.getByRole('button', { name: 'Create rule' }).click();
    await page
      .getByTestId('rule-message')
      .filter({ hasText: `Rule ${UI_RULE} created` })
      .waitFor(WAIT);
    await uiRule().getByTestId('rule-health').locator('[data-state="ok"]').waitFor(WAIT);
    expect(await uiRule().locator('code').textContent()).toBe(`up{job="${TARGET_NAME}"} == 0`);
    expect(
      await uiRule()
        .getByRole('link', { name: /Runbook/ })
        .getAttribute('href'),
    ).toBe(UI_RUNBOOK);
    // Rules from a rule file are read-only here.
    expect(await page.getByRole('button', { name: `Edit ${ALERT_NAME}` }).count()).toBe(0);
  });

  it('exports the rules made in /alerts as a rule file', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export rule file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('lookout-rules.yml');
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text).toContain(`alert: ${UI_RULE}`);
    expect(text).toContain('for: 1s');
    expect(text).toContain(UI_RUNBOOK);
    expect(text).not.toContain(ALERT_NAME);
  });

  it('edits the rule, and shows both alerts in the history timeline', async () => {
    await uiRule()
      .getByRole('button', { name: `Edit ${UI_RULE}` })
      .click();
    await uiRule().getByLabel('For', { exact: true }).fill('2s');
    await uiRule().getByRole('button', { name: 'Save rule' }).click();
    await page
      .getByTestId('rule-message')
      .filter({ hasText: `Rule ${UI_RULE} saved.` })
      .waitFor(WAIT);
    await uiRule().getByText('for 2s').waitFor(WAIT);
    await go('theme=light&from=now-5m&to=now');
    for (const name of [ALERT_NAME, UI_RULE]) {
      await page
        .locator(`[data-testid="history-row"][data-alert="${name}"] [data-testid="history-bar"][data-state="firing"]`)
        .first()
        .waitFor(WAIT);
    }
    const bar = page
      .locator(`[data-testid="history-row"][data-alert="${UI_RULE}"] [data-testid="history-bar"]`)
      .first();
    expect(await bar.getAttribute('title')).toMatch(/^(Pending|Firing) /);
    await page.getByTestId('alert-history').scrollIntoViewIfNeeded();
    await screenshot(page, 'alerts-history-light');
  });

  it('draws firing periods as bands on the overview’s request chart', async () => {
    await ingest(lookout.url, lookout.token, 'ccproxy', ccproxyLines(Date.now()));
    await page.goto(`${lookout.url}/?from=now-15m&refresh=off&theme=light`);
    const legend = page.getByTestId('firing-bands');
    await legend.waitFor(WAIT);
    expect(await legend.textContent()).toContain(ALERT_NAME);
    expect(await page.locator('.recharts-reference-area').count()).toBeGreaterThan(0);
    await screenshot(page, 'overview-firing-bands-light');
  });

  it('deletes the rule made in /alerts', async () => {
    await go();
    await uiRule()
      .getByRole('button', { name: `Delete ${UI_RULE}` })
      .click();
    await page.getByRole('button', { name: `Confirm deleting ${UI_RULE}` }).click();
    await page
      .getByTestId('rule-message')
      .filter({ hasText: `Rule ${UI_RULE} deleted` })
      .waitFor(WAIT);
    await uiRule().waitFor({ state: 'detached', ...WAIT });
    expect(await page.getByRole('link', { name: 'Export rule file' }).count()).toBe(0);
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await go('theme=dark');
    await alertItem().waitFor(WAIT);
    await page.getByTestId('notification-log').locator('tbody tr').first().waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'alerts-phone-dark');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });
});

describe('/alerts without rules or an alerting block', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  const problems: ConsoleProblem[] = [];

  beforeAll(async () => {
    lookout = await startLookoutWithConfig(null);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' })).newPage();
    watchConsole(page, problems);
    await signIn(page, lookout, '/alerts');
  });

  afterAll(async () => {
    await browser?.close();
    if (lookout) expect(await lookout.stop()).toBe(0);
  });

  it('shows the empty states and says plainly why a silence cannot be made', async () => {
    await page.goto(`${lookout.url}/alerts?theme=light`);
    await page.getByText('No alerts are firing or pending').waitFor(WAIT);
    await page.getByText('No rules loaded — add rule_files to lookout.yml').waitFor(WAIT);
    await page.getByText('rule_files:').waitFor(WAIT);
    await screenshot(page, 'alerts-empty-light');
    await page.locator('#silence-matchers').fill('alertname="CCProxyDown"\nseverity=~"warn|crit"');
    await page.locator('#silence-author').fill('e2e');
    await page.locator('#silence-comment').fill('nothing to silence');
    await page.getByRole('button', { name: 'Create silence' }).click();
    const error = page.getByTestId('silence-form-error');
    await error.waitFor(WAIT);
    expect(await error.textContent()).toContain('No `alerting:` block');
    const bad = problems.splice(0).filter((p) => !p.text.includes('status of 409'));
    expect(bad).toEqual([]);
  });

  it('rejects a malformed matcher before asking the API', async () => {
    await page.locator('#silence-matchers').fill('alertname="A"\nnot a matcher');
    await page.getByRole('button', { name: 'Create silence' }).click();
    const error = page.getByTestId('error-silence-matchers');
    await error.waitFor(WAIT);
    expect(await error.textContent()).toContain('line 2');
    expect(problems).toEqual([]);
  });
});
