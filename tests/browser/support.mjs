// Shared helpers for the browser journeys: the browser, pages, axe-core checks, the
// e-mail outbox of the demo (PRAXIS_DATA_DIR/outbox) and two-step sign-in codes.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
// axe is evaluated through the browser's debugging protocol rather than added as an
// inline <script>: the site's Content-Security-Policy refuses inline scripts, and the
// journeys run under that policy, as people do.
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const RAW_URL = process.env.PRAXIS_URL;
if (!RAW_URL || !RAW_URL.trim()) {
  throw new Error('PRAXIS_URL is not set: give the address of a running Praxis site, e.g. PRAXIS_URL=http://127.0.0.1:8099');
}
export const BASE = RAW_URL.trim().replace(/\/+$/, '');
export const url = (path) => BASE + path;
export const pathOf = (page) => new URL(page.url()).pathname;

/** The demo's accounts (printed by `praxis demo`). */
export const DEMO_PASSWORD = 'praxis-demo-2026';
export const DEMO_EDITOR = { email: 'editor@praxis.example', totp: 'PRAXISDEMOEDITORKEY23456' };
export const DEMO_ADMIN = { email: 'admin@praxis.example', totp: 'PRAXISDEMOADMINKEY234567' };

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
});

/** A fresh context and page, closed when the test ends. */
export async function openPage(t, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(15_000);
  t.after(() => context.close());
  return context.newPage();
}

/** Clicks something that loads a new page, and waits for it. */
export async function clickAndLoad(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), locator.click()]);
}

/**
 * Runs axe-core (WCAG 2.1 A and AA) on the page's current address and fails with a
 * readable report. It runs in a separate context with the same cookies and scripts on,
 * so pages under test can be browsed without JavaScript.
 */
export async function assertAccessible(source, what) {
  const context = await browser.newContext({ storageState: await source.context().storageState() });
  try {
    const page = await context.newPage();
    await page.goto(source.url());
    await runAxe(page, what);
  } finally {
    await context.close();
  }
}

async function runAxe(page, what) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const report = result.violations
    .map((v) => `  ${v.id} [${v.impact}]: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
  assert.equal(result.violations.length, 0, `axe found violations on ${what}:\n${report}`);
}

// --- E-mail in the outbox ---------------------------------------------------------------

const OUTBOX = process.env.PRAXIS_DATA_DIR ? join(process.env.PRAXIS_DATA_DIR, 'outbox') : null;

function decodeBody(headers, body) {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const joined = body.replace(/=\r?\n/g, '');
    return Buffer.from(joined.replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return body;
}

function decodeSubject(value) {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind, text) =>
    kind.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

/** Every message in the outbox: { file, to, subject, text, raw }. */
export function readOutbox() {
  assert.ok(OUTBOX, 'PRAXIS_DATA_DIR is not set: give the demo data folder so the tests can read its outbox');
  let files = [];
  try {
    files = readdirSync(OUTBOX).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    const raw = readFileSync(join(OUTBOX, file), 'utf8');
    const [head] = raw.split(/\r?\n\r?\n/);
    const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
    const to = /^to:\s*(.*)$/im.exec(unfolded)?.[1] ?? '';
    const subject = decodeSubject(/^subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '');
    // The text part: the whole body, or the first text/plain part of a multipart message.
    let text = '';
    const boundary = /boundary="?([^";\s]+)"?/i.exec(unfolded)?.[1];
    if (boundary) {
      for (const part of raw.split(`--${boundary}`)) {
        const [ph, ...rest] = part.split(/\r?\n\r?\n/);
        if (/content-type:\s*text\/plain/i.test(ph)) {
          text = decodeBody(ph, rest.join('\n\n'));
          break;
        }
      }
    } else {
      text = decodeBody(unfolded, raw.slice(head.length).trimStart());
    }
    return { file, to, subject, text, raw };
  });
}

/** Waits for a message to `to` whose subject matches, sent after `since` files. */
export async function waitForMail(to, subject, since = 0) {
  for (let i = 0; i < 50; i++) {
    const found = readOutbox().slice(since).find((m) => m.to.includes(to) && subject.test(m.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seen = readOutbox().slice(since).map((m) => `${m.to}: ${m.subject}`).join('\n');
  assert.fail(`no mail to ${to} matching ${subject}; the outbox holds:\n${seen}`);
}

export const outboxSize = () => readOutbox().length;

/** The first address in a message that starts with `prefix` (relative to the site). */
export function linkIn(mail, pathPart) {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(pathPart));
  assert.ok(link, `no link with ${pathPart} in:\n${mail.text}`);
  const u = new URL(link);
  return u.pathname + u.search;
}

// --- Two-step sign-in ------------------------------------------------------------------

function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The RFC 6238 code for a time step. */
export function totp(secret, step = Math.floor(Date.now() / 30_000)) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[19] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * Signs in through the forms, with the two-step code when the account has a key. A code
 * may be used once only: when another test just used this step's code for the same
 * account, the next step's code (accepted as clock drift) is tried, then the one after.
 */
export async function signIn(page, lang, email, password, secret) {
  await page.goto(url(`/${lang}/sign-in`));
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(password);
  await clickAndLoad(page, page.locator('form.stacked button[type=submit]'));
  if (!secret) return;
  assert.match(pathOf(page), /\/sign-in\/code$/, `after the password, the code step (at ${page.url()})`);
  const now = Math.floor(Date.now() / 30_000);
  for (const step of [now, now + 1, now + 2, now + 3]) {
    await page.locator('#f-code').fill(totp(secret, step));
    await clickAndLoad(page, page.locator('form.stacked button[type=submit]'));
    if (!pathOf(page).endsWith('/sign-in/code')) return;
    if (step > now) await new Promise((r) => setTimeout(r, 30_000));
  }
  assert.fail(`the two-step code for ${email} was refused`);
}
