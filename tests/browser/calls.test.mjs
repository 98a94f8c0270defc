// Calls to action, as people use them: read the call in French, join as a
// Spanish-speaking metropolitan government, confirm through the e-mail link (read from
// the demo's outbox), an editor verifies, and the register, its map and the CSV show it.
//
// Run with: PRAXIS_URL=http://127.0.0.1:8099 PRAXIS_DATA_DIR=/path/to/demo-data npm test
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_EDITOR,
  DEMO_PASSWORD,
  assertAccessible,
  clickAndLoad,
  linkIn,
  openPage,
  outboxSize,
  signIn,
  url,
  waitForMail,
} from './support.mjs';

const CALL = '/calls/metropolitan-communities-2030';

/** The number at the start of a text such as "16 signataires". */
function leadingNumber(text) {
  const m = /(\d[\d\s\u00a0\u202f,.]*)/.exec(text);
  assert.ok(m, `no number in ${JSON.stringify(text)}`);
  return Number(m[1].replace(/[^\d]/g, ''));
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
    await assertAccessible(reader, reader.url());
    await clickAndLoad(reader, reader.getByRole('link', { name: /\d+ signataires/ }).first());
    const before = leadingNumber(await reader.locator('#register-count').innerText());
    assert.ok(before >= 12, `the demo register has ${before} signatories`);
    await assertAccessible(reader, reader.url());

    // Join as a Spanish-speaking metropolitan government.
    const sent = outboxSize();
    const joiner = await openPage(t, { locale: 'es-ES' });
    await joiner.goto(url(`/es${CALL}`));
    await clickAndLoad(joiner, joiner.getByRole('link', { name: 'Sumarse al llamado' }).first());
    await assertAccessible(joiner, joiner.url());
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
    await clickAndLoad(joiner, joiner.getByRole('button', { name: 'Enviar la solicitud' }));
    await joiner.getByText('acepte la publicación para sumarse').waitFor();
    assert.equal(await joiner.getByLabel('Nombre de la institución').inputValue(), institution);
    assert.ok(await joiner.getByLabel(/^Verde:/).isChecked());
    await assertAccessible(joiner, joiner.url());
    await joiner.getByLabel(/Aceptamos que el nombre/).check();
    await clickAndLoad(joiner, joiner.getByRole('button', { name: 'Enviar la solicitud' }));
    await joiner.getByRole('heading', { name: 'Revise su correo electrónico' }).waitFor();

    // Confirm through the link in the e-mail.
    const mail = await waitForMail(email, /Confirme su firma/, sent);
    assert.match(mail.text, /Hola, Mariana Ruiz/);
    await joiner.goto(url(linkIn(mail, '/es/calls/confirm/')));
    await clickAndLoad(joiner, joiner.getByRole('button', { name: 'Confirmar la solicitud' }));
    await joiner.getByRole('heading', { name: 'Solicitud confirmada' }).waitFor();

    // Not public until an editor verifies it.
    await reader.goto(url(`/fr${CALL}/signatories`));
    assert.equal(leadingNumber(await reader.locator('#register-count').innerText()), before);

    // The demo editor signs in (password, then the two-step code) and verifies.
    const editor = await openPage(t, { locale: 'en-GB' });
    await signIn(editor, 'en', DEMO_EDITOR.email, DEMO_PASSWORD, DEMO_EDITOR.totp);
    await editor.goto(url('/en/editor/calls'));
    await editor.getByRole('heading', { level: 1, name: "Calls: editors' desk" }).waitFor();
    const request = editor.getByRole('listitem').filter({ has: editor.getByRole('heading', { name: institution }) });
    await request.getByText(email).waitFor();
    await assertAccessible(editor, editor.url());
    await clickAndLoad(editor, request.getByRole('button', { name: 'Verify' }));
    await editor.getByRole('status').filter({ hasText: institution }).waitFor();
    // The editor's other pages: writing a call, and linking initiatives on a signatory.
    await clickAndLoad(editor, editor.getByRole('link', { name: 'Write a new call' }));
    await editor.getByLabel('Title (French)').waitFor();
    await assertAccessible(editor, editor.url());

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
    await assertAccessible(reader, reader.url());
    await editor.goto(reader.url().replace('/fr/', '/en/'));
    // Initiatives are found by searching and ticked; addresses may be pasted too.
    await editor.getByLabel('Find initiatives by their words, city or title').fill('bicycle');
    await clickAndLoad(editor, editor.locator('#link-initiatives').getByRole('button', { name: 'Search', exact: true }));
    const offered = editor.locator('#link-initiatives input[name="initiatives"]');
    assert.ok((await offered.count()) > 0, 'the search offers initiatives to tick');
    await offered.first().check();
    await editor.getByText('Or paste addresses or identifiers').click();
    await editor.getByLabel('Addresses or identifiers of published initiatives').fill('demo-es-019\ndemo-es-020');
    await assertAccessible(editor, editor.url());
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Save the links' }));
    await editor.getByRole('heading', { name: 'Initiatives carrying them out' }).waitFor();
    const linked = await editor.locator('#carried-out + ol.cards > li').count();
    assert.ok(linked === 3 || linked === 2, `the ticked and the pasted initiatives are linked (${linked})`);
    assert.equal(await editor.locator('#link-initiatives input[name="initiatives"]:checked').count(), linked);
    await assertAccessible(editor, editor.url());
  });
});
