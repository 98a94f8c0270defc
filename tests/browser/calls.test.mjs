// Calls to action, as people use them: read the call in French, join as a
// Spanish-speaking metropolitan government, confirm through the e-mail link (read from
// the demo's outbox), an editor verifies, and the register, its map and the CSV show it.
//
// Run with: PRAXIS_URL=http://127.0.0.1:8099 PRAXIS_DATA_DIR=/path/to/demo-data npm test
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const RAW_URL = process.env.PRAXIS_URL;
if (!RAW_URL || !RAW_URL.trim()) throw new Error('PRAXIS_URL is not set: give the address of a running Praxis demo');
const DATA_DIR = process.env.PRAXIS_DATA_DIR;
if (!DATA_DIR) throw new Error("PRAXIS_DATA_DIR is not set: give the demo's data folder (its outbox/ holds sent e-mail)");
const BASE = RAW_URL.trim().replace(/\/+$/, '');
const url = (path) => BASE + path;
const CALL = '/calls/metropolitan-communities-2030';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The demo editor (crates/cli/src/accounts.rs).
const EDITOR = { email: 'editor@praxis.example', password: 'praxis-demo-2026', totp: 'PRAXISDEMOEDITORKEY23456' };

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
});

async function openPage(t, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(15_000);
  t.after(() => context.close());
  return context.newPage();
}

async function clickAndLoad(page, locator) {
  const before = page.url();
  await locator.click();
  await page.waitForURL((u) => u.toString() !== before);
  await page.waitForLoadState('domcontentloaded');
}

/** Submit a form, whose answer may come back at the same address. */
async function submitAndLoad(page, button) {
  await Promise.all([page.waitForEvent('framenavigated'), button.click()]);
  await page.waitForLoadState('domcontentloaded');
}

async function expectNoAxeViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const report = result.violations
    .map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  assert.equal(result.violations.length, 0, `axe found violations on ${page.url()}:\n${report}`);
}

/** The number at the start of a text such as "16 signataires". */
function leadingNumber(text) {
  const m = /(\d[\d\s\u00a0\u202f,.]*)/.exec(text);
  assert.ok(m, `no number in ${JSON.stringify(text)}`);
  return Number(m[1].replace(/[^\d]/g, ''));
}

/** RFC 6238 code for a base32 secret, as an authenticator app shows it. */
function totp(secret, step = Math.floor(Date.now() / 30000)) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secret.replace(/=+$/, '')) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigInt64BE(BigInt(step));
  const digest = createHmac('sha1', key).update(counter).digest();
  const offset = digest[19] & 0x0f;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

/** The newest .eml in the outbox sent to `to`, with quoted-printable soft breaks undone. */
function mailTo(to, since) {
  const dir = join(DATA_DIR, 'outbox');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => join(dir, f))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
    .filter((m) => m.text.includes(to));
  const fresh = files.filter((m) => !since.has(m.path));
  assert.ok(fresh.length > 0, `no e-mail to ${to} in ${dir}`);
  return fresh[fresh.length - 1].text.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
}

function outboxFiles() {
  try {
    return new Set(readdirSync(join(DATA_DIR, 'outbox')).map((f) => join(DATA_DIR, 'outbox', f)));
  } catch {
    return new Set();
  }
}

describe('Calls to action', () => {
  test('read in French → join in Spanish → confirm by e-mail → editor verifies → register, map and CSV', async (t) => {
    const run = Date.now().toString(36);
    const institution = `Área Metropolitana de Prueba ${run}`;
    const email = `coordinacion-${run}@metropoli.example`;

    // Read the call in French.
    const reader = await openPage(t, { locale: 'fr-FR' });
    await reader.goto(url('/fr/'));
    await clickAndLoad(reader, reader.getByRole('link', { name: "Appels à l'action" }).first());
    await clickAndLoad(reader, reader.getByRole('link', { name: /Des communautés métropolitaines vertes/ }).first());
    assert.equal(await reader.locator('html').getAttribute('lang'), 'fr');
    await reader.getByRole('heading', { level: 1, name: /communautés métropolitaines/ }).waitFor();
    await reader.getByRole('heading', { name: 'Axes de travail' }).waitFor();
    assert.ok((await reader.locator('ol.points > li').count()) >= 6, 'at least six working points');
    await expectNoAxeViolations(reader);
    await clickAndLoad(reader, reader.getByRole('link', { name: /\d+ signataires/ }).first());
    const before = leadingNumber(await reader.locator('#register-count').innerText());
    assert.ok(before >= 12, `the demo register has ${before} signatories`);
    await expectNoAxeViolations(reader);

    // Join as a Spanish-speaking metropolitan government.
    const sent = outboxFiles();
    const joiner = await openPage(t, { locale: 'es-ES' });
    await joiner.goto(url(`/es${CALL}`));
    await clickAndLoad(joiner, joiner.getByRole('link', { name: 'Sumarse al llamado' }).first());
    await expectNoAxeViolations(joiner);
    // A first try without consent comes back with the error and everything kept.
    await joiner.getByLabel('Nombre de la institución').fill(institution);
    await joiner.getByLabel('Tipo de institución').selectOption({ label: 'Gobierno metropolitano' });
    await joiner.getByLabel('Ciudad o lugar').fill('Guadalajara');
    await joiner.getByLabel('País').selectOption({ label: 'México' });
    await joiner.getByLabel('Nombre de la persona representante').fill('Mariana Ruiz');
    await joiner.getByLabel('Cargo de la persona representante').fill('Coordinadora metropolitana');
    await joiner.getByLabel('Correo electrónico').fill(email);
    await joiner.getByLabel(/^Verde:/).check();
    await joiner.getByLabel(/^Participación:/).check();
    await submitAndLoad(joiner, joiner.getByRole('button', { name: 'Enviar la solicitud' }));
    await joiner.getByText('acepte la publicación para sumarse').waitFor();
    assert.equal(await joiner.getByLabel('Nombre de la institución').inputValue(), institution);
    assert.ok(await joiner.getByLabel(/^Verde:/).isChecked());
    await expectNoAxeViolations(joiner);
    await joiner.getByLabel(/Aceptamos que el nombre/).check();
    await submitAndLoad(joiner, joiner.getByRole('button', { name: 'Enviar la solicitud' }));
    await joiner.getByRole('heading', { name: 'Revise su correo electrónico' }).waitFor();

    // Confirm through the link in the e-mail.
    const mail = mailTo(email, sent);
    assert.match(mail, /Hola, Mariana Ruiz/);
    const link = /https?:\/\/\S+\/es\/calls\/confirm\/[0-9a-f]+/.exec(mail)?.[0];
    assert.ok(link, 'the e-mail holds a confirmation link');
    await joiner.goto(url(new URL(link).pathname));
    await submitAndLoad(joiner, joiner.getByRole('button', { name: 'Confirmar la solicitud' }));
    await joiner.getByRole('heading', { name: 'Solicitud confirmada' }).waitFor();

    // Not public until an editor verifies it.
    await reader.goto(url(`/fr${CALL}/signatories`));
    assert.equal(leadingNumber(await reader.locator('#register-count').innerText()), before);

    // The demo editor signs in (password, then the two-step code) and verifies.
    const editor = await openPage(t, { locale: 'en-GB' });
    await editor.goto(url('/en/editor/calls'));
    await editor.getByLabel('E-mail address').fill(EDITOR.email);
    await editor.getByLabel('Password').fill(EDITOR.password);
    await submitAndLoad(editor, editor.getByRole('button', { name: 'Sign in' }));
    const atDesk = () => new URL(editor.url()).pathname === '/en/editor/calls';
    for (let attempt = 0; attempt < 3 && !atDesk(); attempt++) {
      await editor.getByLabel('Six-digit code').fill(totp(EDITOR.totp));
      await submitAndLoad(editor, editor.getByRole('button', { name: 'Continue' }));
      // A code is accepted once: after a refusal, wait for the next one.
      if (!atDesk()) await new Promise((r) => setTimeout(r, 31_000 - (Date.now() % 30_000)));
    }
    await editor.getByRole('heading', { level: 1, name: 'Calls: editors’ desk' }).or(editor.getByRole('heading', { level: 1, name: "Calls: editors' desk" })).waitFor();
    const request = editor.getByRole('listitem').filter({ has: editor.getByRole('heading', { name: institution }) });
    await request.getByText(email).waitFor();
    await expectNoAxeViolations(editor);
    await clickAndLoad(editor, request.getByRole('button', { name: 'Verify' }));
    await editor.getByRole('status').filter({ hasText: institution }).waitFor();
    // The editor's other pages: writing a call, and linking initiatives on a signatory.
    await clickAndLoad(editor, editor.getByRole('link', { name: 'Write a new call' }));
    await editor.getByLabel('Title (French)').waitFor();
    await expectNoAxeViolations(editor);

    // The register, its map and the CSV show it.
    await reader.goto(url(`/fr${CALL}/signatories`));
    assert.equal(leadingNumber(await reader.locator('#register-count').innerText()), before + 1);
    await reader.getByRole('link', { name: institution }).waitFor();
    const dots = reader.locator('svg.call-map circle title', { hasText: institution });
    assert.equal(await dots.count(), 1, 'the new signatory is a dot on the map');
    assert.equal(await reader.locator('svg.call-map circle').count(), before + 1);
    assert.equal(await reader.locator('#register-list > li').count(), before + 1);
    await reader.getByLabel('Pays').selectOption({ label: 'Mexique' });
    await clickAndLoad(reader, reader.getByRole('button', { name: 'Appliquer' }));
    await reader.getByRole('link', { name: institution }).waitFor();
    const csv = await (await reader.request.get(url('/api/v1/calls/metropolitan-communities-2030/signatories?format=csv'))).text();
    const rows = csv.trim().split(/\r?\n/);
    assert.equal(rows.length - 1, before + 1, 'the CSV has one row per signatory');
    assert.ok(rows.some((r) => r.startsWith(`${institution},metropolitan-government,Guadalajara,MX,`) && r.endsWith('green participation')));
    assert.ok(!csv.includes(email) && !csv.includes('Mariana'), 'no personal data in open data');
    const feed = await (await reader.request.get(url(`/fr${CALL}/feed.atom`))).text();
    assert.equal((feed.match(/<entry>/g) || []).length, before + 1);

    // Its page: commitments and a badge.
    await clickAndLoad(reader, reader.getByRole('link', { name: institution }));
    await reader.getByRole('heading', { name: 'Engagements' }).waitFor();
    assert.ok(!(await reader.content()).includes(email));
    await expectNoAxeViolations(reader);
    await editor.goto(reader.url().replace('/fr/', '/en/'));
    await editor.getByLabel('Initiatives carrying out these commitments').fill('demo-es-019\ndemo-es-020');
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Save the links' }));
    await editor.getByRole('heading', { name: 'Initiatives carrying them out' }).waitFor();
    assert.equal(await editor.locator('#carried-out + ol.cards > li').count(), 2);
    await expectNoAxeViolations(editor);
  });
});
