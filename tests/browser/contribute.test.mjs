// Issue 4's journey, as people do it: a city official signs up, confirms the address
// from the e-mail, joins her organisation, writes an initiative in Spanish and submits
// it; an editor sends it back with a comment; she fixes it; the editor publishes it;
// anyone finds it in the catalogue.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible, clickAndLoad, DEMO_ADMIN, DEMO_EDITOR, DEMO_PASSWORD, linkIn, openPage, outboxSize, pathOf,
  signIn, url, waitForMail,
} from './support.mjs';

const stamp = Date.now().toString(36);
const member = { name: `Lucía Ferreyra ${stamp}`, email: `lucia.${stamp}@madrid.example`, password: 'huerto urbano en Lavapiés' };
const title = `Huertos comunitarios en azoteas municipales ${stamp}`;

describe('Contribution and review (Spanish, no JavaScript for the member)', () => {
  test('sign up → verify → join → submit → sent back → fix → publish → catalogue', async (t) => {
    const page = await openPage(t, { locale: 'es-ES', javaScriptEnabled: false });
    const editor = await openPage(t, { locale: 'es-ES' });

    // Sign up.
    const before = outboxSize();
    await page.goto(url('/es/sign-up'));
    await assertAccessible(page, '/es/sign-up');
    await page.getByLabel('Su nombre').fill(member.name);
    await page.getByLabel('Dirección de correo electrónico').fill(member.email);
    await page.getByLabel('Nueva contraseña').fill(member.password);
    await clickAndLoad(page, page.getByRole('button', { name: 'Crear la cuenta' }));
    await page.getByRole('heading', { name: 'Revise su correo electrónico' }).waitFor();

    // Confirm through the link in the e-mail (in Spanish).
    const welcome = await waitForMail(member.email, /Confirme su dirección/, before);
    await page.goto(url(linkIn(welcome, '/verify')));
    await page.getByRole('heading', { name: 'Dirección confirmada' }).waitFor();

    // Sign in and ask to join the Ayuntamiento de Madrid.
    await signIn(page, 'es', member.email, member.password);
    assert.equal(pathOf(page), '/es/account');
    await page.getByLabel('Unirse a un organismo').selectOption({ label: 'Ayuntamiento de Madrid' });
    await clickAndLoad(page, page.getByRole('button', { name: 'Solicitar la adhesión' }));
    await page.getByText('Su solicitud se ha enviado a los editores.').waitFor();

    // An editor verifies her.
    await signIn(editor, 'es', DEMO_EDITOR.email, DEMO_PASSWORD, DEMO_EDITOR.totp);
    await editor.goto(url('/es/editor/members'));
    await assertAccessible(editor, '/es/editor/members');
    await clickAndLoad(editor, editor.getByRole('button', { name: `Verificar: ${member.name}, Ayuntamiento de Madrid` }));
    await waitForMail(member.email, /Ayuntamiento de Madrid/, before);

    // She writes the initiative in Spanish and submits it.
    await page.goto(url('/es/initiatives/new'));
    await assertAccessible(page, '/es/initiatives/new');
    const spanish = page.getByRole('group', { name: 'Texto en español' });
    await spanish.getByLabel('Título').fill(title);
    await spanish.getByLabel('Resumen').fill('Vecinos cultivan hortalizas en las azoteas de edificios municipales.');
    await page.getByLabel('Territorio').fill('Madrid');
    await page.getByLabel('País').selectOption('ES');
    await page.getByLabel('Tipo').selectOption('program');
    await page.getByRole('checkbox', { name: 'Gobernanza y participación' }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Enviar para revisión' }));
    assert.equal(pathOf(page), '/es/account/initiatives');
    await page.getByText('Guardado. Un editor la revisará cuando se envíe.').waitFor();

    // The editor sends it back with a comment.
    await editor.goto(url('/es/editor'));
    await assertAccessible(editor, '/es/editor');
    const review = editor.getByRole('region', { name: title });
    await review.getByLabel(/Comentario para quien la escribió/).fill('Indiquen cuántas azoteas y cuántos vecinos participan.');
    await clickAndLoad(editor, review.getByRole('button', { name: 'Devolver' }));
    const returned = await waitForMail(member.email, /Para revisar/, before);
    assert.match(returned.text, /cuántas azoteas/);

    // She fixes it from her list and submits again.
    await page.goto(url('/es/account/initiatives'));
    await clickAndLoad(page, page.getByRole('link', { name: `Editar: ${title}` }));
    await page.getByRole('group', { name: 'Texto en español' }).getByLabel('Resumen').fill('Doce azoteas municipales y 340 vecinos cultivan hortalizas juntos.');
    await clickAndLoad(page, page.getByRole('button', { name: 'Enviar para revisión' }));
    assert.equal(pathOf(page), '/es/account/initiatives');

    // The editor publishes it.
    await editor.goto(url('/es/editor'));
    await clickAndLoad(editor, editor.getByRole('region', { name: title }).getByRole('button', { name: 'Publicar' }));
    await waitForMail(member.email, /Publicada en Praxis/, before);

    // Anyone finds it in the catalogue.
    const visitor = await openPage(t, { locale: 'es-ES' });
    // The index follows the change feed, so the search may take a moment to list it.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await visitor.goto(url(`/es/initiatives?q=${encodeURIComponent(stamp)}`));
      if (await visitor.getByRole('link', { name: title }).count()) break;
      await visitor.waitForTimeout(500);
    }
    await visitor.getByRole('link', { name: title }).waitFor();
    await clickAndLoad(visitor, visitor.getByRole('link', { name: title }));
    await visitor.getByText('Doce azoteas municipales').waitFor();
  });
});

describe('Administration pages (axe-core, WCAG 2.1 A/AA)', () => {
  test('accounts, organisations, audit log, account page, an event history', async (t) => {
    const page = await openPage(t, { locale: 'en-GB' });
    await signIn(page, 'en', DEMO_ADMIN.email, DEMO_PASSWORD, DEMO_ADMIN.totp);
    await page.goto(url('/en/events'));
    const first = await page.getByRole('main').getByRole('heading', { level: 2 }).first().getByRole('link').getAttribute('href');
    const eventId = new URL(first, url('/')).pathname.split('/').pop();
    for (const path of ['/en/admin/accounts', '/en/admin/organisations', '/en/admin/audit', '/en/account', `/en/editor/history/event/${eventId}`,
      '/fr/admin/audit?action=initiative.save', '/es/admin/organisations?q=a', '/pt/initiatives/demo-fr-001/history']) {
      const response = await page.goto(url(path));
      assert.ok(response?.ok(), `GET ${path} answered ${response?.status()}`);
      await assertAccessible(page, path);
    }
    // On a phone the staff tables become cards: nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/fr/admin/audit', '/es/admin/organisations', '/pt/initiatives/demo-fr-001/history']) {
      await page.goto(url(path));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${path} is ${width} px wide at 390`);
    }
  });
});
