import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseAlertmanagerConfig } from '@/lib/alerting';
import { amtoolCheckConfigFile, hasAmtool, requireLiveOracle } from '../oracle/amtool';
import { amtoolVerdicts, CONFIG_DIR, type ConfigVerdicts, corpusFiles } from './config-record';

const committed = JSON.parse(
  readFileSync(new URL('./configs-amtool.expected.json', import.meta.url), 'utf8'),
) as ConfigVerdicts;
const live = requireLiveOracle('amtool', hasAmtool());

/** The key each invalid config's error must name. */
const KEY: Record<string, string> = {
  'bad-day-of-month': 'days_of_month',
  'bad-location': 'location',
  'bad-match-re-backref': 'match_re',
  'bad-regex-lookahead': 'matchers',
  'bad-time-format': 'times',
  'bad-time-order': 'times',
  'bad-weekday': 'weekdays',
  'duplicate-receiver': 'receivers',
  'duplicate-time-interval': 'time_intervals',
  'email-missing-to': 'email_configs',
  'email-no-from': 'email_configs',
  'email-no-smarthost': 'email_configs',
  'email-unknown-field': 'cc',
  'email-duplicate-header': 'email_configs',
  'email-tls-unknown-field': 'verify',
  'discord-unknown-field': 'username',
  'telegram-bad-parse-mode': 'parse_mode',
  'pagerduty-key-and-file': 'routing_key_file',
  'pagerduty-link-unknown-field': 'title',
  'opsgenie-bad-responder-type': 'squad',
  'group-by-bad-label': 'group_by',
  'group-by-duplicate': 'group_by',
  'group-by-wildcard-and-labels': 'group_by',
  'match-bad-label-name': 'match',
  'opsgenie-no-key': 'opsgenie_configs',
  'pagerduty-no-key': 'pagerduty_configs',
  'pushover-no-token': 'pushover_configs',
  'root-continue': 'continue',
  'root-mute-time-interval': 'route',
  'sns-two-targets': 'sns_configs',
  'telegram-no-chat': 'telegram_configs',
  'undefined-receiver': 'receiver',
  'undefined-time-interval': 'mute_time_intervals',
  'unknown-global-key': 'smtp_server',
  'unknown-receiver-kind': 'carrier_pigeon_configs',
  'unknown-root-key': 'bogus',
  'victorops-no-routing-key': 'victorops_configs',
  'webex-no-room': 'webex_configs',
  'webhook-no-url': 'webhook_configs',
  'wechat-no-secret': 'wechat_configs',
  'zero-group-interval': 'group_interval',
  'inhibit-equal-bad-label': 'equal',
  'inhibit-source-match-bad-label': 'source_match',
  'bad-matcher-format': 'matchers',
  'webhook-ftp-url': 'webhook_configs',
  'matcher-unescaped-quote': 'matchers',
};

function lookoutVerdict(text: string): string | null {
  try {
    parseAlertmanagerConfig(parse(text));
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('config acceptance agrees with amtool check-config (Alertmanager 0.25)', () => {
  it('the committed verdicts cover the corpus', () => {
    expect(Object.keys(committed)).toEqual(corpusFiles());
  });

  it.each(corpusFiles())('%s', (file) => {
    const got = lookoutVerdict(readFileSync(new URL(file, CONFIG_DIR), 'utf8'));
    if (committed[file] === null) {
      expect(got).toBeNull();
    } else {
      expect(got).not.toBeNull();
      expect(got).toContain(KEY[file.replace(/^invalid\/|\.yml$/g, '')]);
    }
  });

  it.runIf(live)(
    'the corpus, live against amtool',
    () => {
      const fresh = amtoolVerdicts();
      expect(Object.fromEntries(Object.entries(fresh).map(([f, v]) => [f, v === null]))).toEqual(
        Object.fromEntries(
          corpusFiles().map((f) => [f, lookoutVerdict(readFileSync(new URL(f, CONFIG_DIR), 'utf8')) === null]),
        ),
      );
    },
    60_000,
  );
});

// Alertmanager's own test configs, from Debian's golang-github-prometheus-alertmanager-dev (read in place, never copied).
const TESTDATA = '/usr/share/gocode/src/github.com/prometheus/alertmanager/config/testdata';
/** Where Lookout knowingly differs from Alertmanager 0.25 (see lib/alerting/SEMANTICS.md). */
const KNOWN_DIFFERENCES: Record<string, RegExp> = {
  // Custom template files are refused: Lookout renders Alertmanager's default templates only.
  'conf.empty-fields.yml': /templates: custom template files are not supported/,
  'conf.good.yml': /templates: custom template files are not supported/,
};

describe.runIf(existsSync(TESTDATA) && live)("Alertmanager's config/testdata corpus", () => {
  const files = existsSync(TESTDATA)
    ? readdirSync(TESTDATA)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  it.each(files)('%s', (f) => {
    const text = readFileSync(join(TESTDATA, f), 'utf8');
    const am = amtoolCheckConfigFile(join(TESTDATA, f)) === null;
    const ours = lookoutVerdict(text);
    if (KNOWN_DIFFERENCES[f]) {
      expect(ours).toMatch(KNOWN_DIFFERENCES[f]);
      // Apart from its template files, the config must be accepted as Alertmanager accepts it.
      const { templates: _t, ...rest } = parse(text) as Record<string, unknown>;
      return expect(() => parseAlertmanagerConfig(rest)).not.toThrow();
    }
    expect({ file: f, valid: ours === null, error: ours }).toEqual({
      file: f,
      valid: am,
      error: am ? null : expect.any(String),
    });
  });
});
