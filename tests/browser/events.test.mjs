// Issue 6's journey, as people do it: a visitor finds an upcoming event in Spanish and
// registers; the confirmation with the event's .ics arrives; the event is then full and
// a second person joins the waiting list; the first cancels through the link in her
// e-mail; the second gets the seat and is told.
//
// Needs a fresh demo (its one-seat study visit): scripts/test.sh starts one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible, clickAndLoad, DEMO_EDITOR, DEMO_PASSWORD, linkIn, openPage, outboxSize, pathOf, signIn, url,
  waitForMail,
} from './support.mjs';

const stamp = Date.now().toString(36);
const ana = { name: `Ana Rodríguez ${stamp}`, email: `ana.${stamp}@canelones.example`, organisation: 'Intendencia de Canelones' };
const bruno = { name: `Bruno Silva ${stamp}`, email: `bruno.${stamp}@salto.example` };
const EVENT = 'Visita de estudio: el saneamiento del arroyo Chacarita en Montevideo';

/** The .ics attached to a message, decoded. */
function attachedCalendar(mail) {
  const part = mail.raw.split(/\r?\n--/).find((p) => /content-type:\s*text\/calendar/i.test(p));
  assert.ok(part, `no text/calendar part in:\n${mail.raw.slice(0, 800)}`);
  assert.match(part, /filename(\*0)?="?[\w.-]+\.ics"?/i, 'the calendar is attached as a .ics file');
  const [, ...body] = part.split(/\r?\n\r?\n/);
  return Buffer.from(body.join('').replace(/\s+/g, ''), 'base64').toString('utf8');
}

describe('Events: register, waiting list, cancel, promotion (Spanish)', () => {
  test('find → register → .ics → full → waiting list → cancel → promoted', async (t) => {
    // Ana browses with JavaScript, in Berlin: the page adds her own time zone.
    const page = await openPage(t, { locale: 'es-ES', timezoneId: 'Europe/Berlin' });
    await page.goto(url('/es/'));
    await clickAndLoad(page, page.getByRole('navigation', { name: /principal/i }).getByRole('link', { name: 'Eventos' }));
    assert.equal(pathOf(page), '/es/events');
    await page.getByRole('heading', { level: 1, name: 'Eventos' }).waitFor();
    await assertAccessible(page, '/es/events');

    // Only events she can follow in Spanish.
    await page.getByLabel('Idioma que sigue').selectOption({ label: 'español' });
    await clickAndLoad(page, page.getByRole('button', { name: 'Mostrar eventos' }));
    assert.equal(new URL(page.url()).searchParams.get('language'), 'es');
    await clickAndLoad(page, page.getByRole('link', { name: EVENT }));
    await page.getByRole('heading', { level: 1, name: EVENT }).waitFor();
    await assertAccessible(page, 'the event page');

    // Times: the event's zone and UTC in the page, and hers added by the script.
    const times = page.locator('dl.times').first();
    await times.getByText('America/Montevideo, UTC-03:00').waitFor();
    assert.match(await times.innerText(), /En hora universal \(UTC\)\s+.*\d{2}:\d{2}–\d{2}:\d{2} UTC/);
    const mine = times.locator('dd.visitor-time');
    await mine.waitFor({ state: 'visible' });
    assert.match(await mine.innerText(), /\(Europe\/Berlin\)$/, 'her own zone is shown');
    // The same instant on a Berlin clock, worked out here with Node's own time zone data
    // (14:00 in winter, 15:00 in summer: Montevideo keeps UTC-3 all year).
    const start = new Date(await mine.getAttribute('data-start'));
    const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
    assert.ok((await mine.innerText()).includes(`${berlin}–`), `Berlin time ${berlin} in: ${await mine.innerText()}`);
    assert.match(berlin, /^1[45]:00$/);
    // Seen from Shanghai (no daylight saving either side) it is always 21:00–23:30.
    const shanghai = await openPage(t, { locale: 'es-ES', timezoneId: 'Asia/Shanghai' });
    await shanghai.goto(page.url());
    const there = shanghai.locator('dl.times dd.visitor-time').first();
    await there.waitFor({ state: 'visible' });
    assert.match(await there.innerText(), /21:00–23:30 \(Asia\/Shanghai\)$/);
    assert.equal(await page.getByText('meet.example.org').count(), 0, 'the online link is not public');

    // She registers.
    const before = outboxSize();
    const form = page.getByRole('region', { name: 'Inscribirse' });
    await form.getByLabel('Nombre', { exact: true }).fill(ana.name);
    await form.getByLabel('Correo electrónico', { exact: true }).fill(ana.email);
    await form.getByLabel(/Organización/).fill(ana.organisation);
    await form.getByRole('checkbox', { name: /Acepto que los organizadores/ }).check();
    await clickAndLoad(page, form.getByRole('button', { name: 'Inscribirme' }));
    await page.getByRole('heading', { level: 1, name: 'Está inscrito' }).waitFor();
    assert.equal(await page.getByText('meet.example.org').count(), 0, 'whoever typed the address does not get the link');

    // The confirmation, in Spanish, with the event for her calendar and the link to her
    // registration page, where the online link is.
    const confirmation = await waitForMail(ana.email, /Inscripción confirmada/, before);
    await page.goto(url(linkIn(confirmation, '/registrations/')));
    await page.getByRole('link', { name: /meet\.example\.org/ }).waitFor();
    await assertAccessible(page, 'the registration page');
    const ics = attachedCalendar(confirmation);
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /DTSTART:\d{8}T130000Z/, 'starts at 13:00 UTC');
    assert.ok(!ics.includes('meet.example.org'), 'calendars never hold the online link');
    assert.match(confirmation.text, /meet\.example\.org/, 'the e-mail to her gives the link');

    // The event is full now: Bruno, without JavaScript, joins the waiting list.
    const second = await openPage(t, { locale: 'es-ES', javaScriptEnabled: false });
    await second.goto(url('/es/events'));
    await clickAndLoad(second, second.getByRole('link', { name: EVENT }));
    await second.getByText('Este evento está completo').waitFor();
    const form2 = second.getByRole('region', { name: 'Inscribirse' });
    // A mistake first: his answers stay, the problem is next to the field.
    await form2.getByLabel('Nombre', { exact: true }).fill(bruno.name);
    await form2.getByLabel('Correo electrónico', { exact: true }).fill('bruno-at-salto');
    await clickAndLoad(second, form2.getByRole('button', { name: 'Entrar en la lista de espera' }));
    await second.getByText('Indique un correo electrónico, por ejemplo nombre@ejemplo.org.').waitFor();
    await second.getByText('Marque esta casilla para inscribirse').waitFor();
    assert.equal(await second.getByLabel('Nombre', { exact: true }).inputValue(), bruno.name);
    await second.getByLabel('Correo electrónico', { exact: true }).fill(bruno.email);
    await second.getByRole('checkbox', { name: /Acepto que los organizadores/ }).check();
    await clickAndLoad(second, second.getByRole('button', { name: 'Entrar en la lista de espera' }));
    await second.getByRole('heading', { level: 1, name: 'Está en la lista de espera' }).waitFor();
    assert.equal(await second.getByText('meet.example.org').count(), 0, 'no link for the waiting list');
    const waiting = await waitForMail(bruno.email, /Lista de espera/, before);
    const brunoPage = url(linkIn(waiting, '/registrations/'));

    // Ana cannot come after all: she cancels through the link in her e-mail.
    const cancelAt = outboxSize();
    await page.goto(url(linkIn(confirmation, '/registrations/')));
    await clickAndLoad(page, page.getByRole('button', { name: 'Cancelar mi inscripción' }));
    await page.getByRole('heading', { level: 1, name: 'Su inscripción está cancelada' }).waitFor();

    // Bruno gets her seat, and an e-mail with the event for his calendar.
    const promoted = await waitForMail(bruno.email, /Tiene una plaza/, cancelAt);
    assert.match(attachedCalendar(promoted), /BEGIN:VEVENT/);
    await second.goto(brunoPage);
    await second.getByRole('heading', { level: 1, name: 'Está inscrito' }).waitFor();
    await second.getByText(/meet\.example\.org/).first().waitFor();
  });

  test('the knowledge hub lists past sessions by theme, in French', async (t) => {
    const page = await openPage(t, { locale: 'fr-FR' });
    await page.goto(url('/fr/events/past'));
    await page.getByRole('heading', { level: 1, name: /Centre de ressources/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Logement' }).waitFor();
    await page.getByRole('link', { name: /Voir l'enregistrement/ }).first().waitFor();
    await assertAccessible(page, '/fr/events/past');
    const calendar = await page.request.get(url('/calendar.ics?language=es'));
    assert.equal(calendar.status(), 200);
    assert.match(calendar.headers()['content-type'], /^text\/calendar/);
    assert.ok(!(await calendar.text()).includes('meet.example.org'));
  });

  test('an editor sees the registrants, exports them, and has an accessible event form', async (t) => {
    const page = await openPage(t, { locale: 'en-GB' });
    await signIn(page, 'en', DEMO_EDITOR.email, DEMO_PASSWORD, DEMO_EDITOR.totp);
    await page.goto(url('/en/events/montevideo-sanitation-study-visit'));
    await clickAndLoad(page, page.getByRole('link', { name: 'Registrations' }));
    await page.getByRole('heading', { level: 1, name: /^Registrations: / }).waitFor();
    await assertAccessible(page, 'the registrants page');
    const csv = await page.request.get(url('/en/events/montevideo-sanitation-study-visit/registrations.csv'));
    assert.equal(csv.status(), 200);
    assert.match(await csv.text(), /^\uFEFFname,email,organisation,member,status,language,registered_at\r\n/);
    await page.goto(url('/en/events/new'));
    await page.getByRole('heading', { level: 1, name: 'New event' }).waitFor();
    await assertAccessible(page, '/en/events/new');
    await page.goto(url('/en/events/heat-plans-webinar/edit'));
    await assertAccessible(page, 'the edit form');
  });
});
