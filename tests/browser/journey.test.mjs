// Browser tests of the Praxis website, written as a person uses it:
// links and buttons are found by their role and visible name, fields by their label.
//
// Run with: PRAXIS_URL=http://127.0.0.1:8099 npm test
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
// axe is evaluated through the browser's debugging protocol rather than added as an
// inline <script>: the site's Content-Security-Policy refuses inline scripts, and the
// journeys run under that policy, as people do.
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');

const RAW_URL = process.env.PRAXIS_URL;
if (!RAW_URL || !RAW_URL.trim()) {
  throw new Error(
    'PRAXIS_URL is not set: give the address of a running Praxis site, ' +
      'e.g. PRAXIS_URL=http://127.0.0.1:8099 npm test',
  );
}
const BASE = RAW_URL.trim().replace(/\/+$/, '');
const url = (path) => BASE + path;
const pathOf = (page) => new URL(page.url()).pathname;
const searchOf = (page) => new URL(page.url()).searchParams;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WEIGHT_LIMIT = 60 * 1024; // bytes, HTML + stylesheets, uncompressed

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
});

/** A fresh context and page; the context is closed when the test ends. */
async function openPage(t, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(15_000);
  t.after(() => context.close());
  const page = await context.newPage();
  return page;
}

/** The number at the start of a line such as "96 initiatives". */
function leadingNumber(text) {
  const m = /(\d[\d\s\u00a0\u202f,.]*)/.exec(text);
  assert.ok(m, `no number in ${JSON.stringify(text)}`);
  return Number(m[1].replace(/[^\d]/g, ''));
}

/** Click a link or button that loads a new page, and wait for that page. */
async function clickAndLoad(page, locator) {
  const before = page.url();
  await locator.click();
  await page.waitForURL((u) => u.toString() !== before);
  await page.waitForLoadState('domcontentloaded');
}

describe('French journey (browser locale fr-FR)', () => {
  test('home → catalogue → theme filter → initiative → place', async (t) => {
    const page = await openPage(t, { locale: 'fr-FR' });

    // The root redirects by Accept-Language.
    const response = await page.goto(url('/'));
    assert.ok(response?.ok(), `GET / answered ${response?.status()}`);
    assert.equal(pathOf(page), '/fr/', 'a French browser lands on /fr/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');

    // The home shows the counts.
    const main = page.getByRole('main');
    const mainText = await main.innerText();
    const homeCounts = {};
    for (const [key, word] of [
      ['initiatives', 'initiatives'],
      ['cities', 'villes'],
      ['countries', 'pays'],
    ]) {
      const m = new RegExp(`(\\d[\\d\\s\\u00a0\\u202f]*)\\s*${word}\\b`, 'i').exec(mainText);
      assert.ok(m, `the home shows a count of ${word}; main reads:\n${mainText.slice(0, 600)}`);
      homeCounts[key] = Number(m[1].replace(/\D/g, ''));
      assert.ok(homeCounts[key] > 0, `the count of ${word} is positive`);
    }

    // Main navigation → Initiatives.
    const mainNav = page.getByRole('navigation', { name: 'Menu principal' });
    await clickAndLoad(page, mainNav.getByRole('link', { name: 'Initiatives', exact: true }));
    assert.equal(pathOf(page), '/fr/initiatives');
    await assert.doesNotReject(
      page.getByRole('heading', { level: 1, name: 'Initiatives' }).waitFor(),
      'the catalogue has the heading "Initiatives"',
    );

    const countLine = page.getByRole('status');
    const countBefore = (await countLine.innerText()).trim();
    assert.equal(
      leadingNumber(countBefore),
      homeCounts.initiatives,
      `the unfiltered catalogue count (${countBefore}) matches the home count`,
    );

    // Tick "Logement" and apply.
    const housing = page.getByRole('checkbox', { name: /^Logement\b/ });
    const housingLabel = (await page.locator('label', { has: housing }).innerText()).trim();
    const housingFacetCount = leadingNumber(housingLabel.replace(/^Logement/, ''));
    // With JavaScript a ticked box applies at once (the panel says so), and the box
    // has the focus again on the new page.
    await assert.doesNotReject(page.getByText('Les résultats se mettent à jour dès que vous cochez une case.').waitFor());
    assert.equal(await page.getByRole('button', { name: 'Appliquer' }).first().isVisible(), false, 'no Apply to find');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), housing.check()]);
    assert.ok(
      await page.getByRole('checkbox', { name: /^Logement\b/ }).evaluate((el) => el === document.activeElement),
      'the ticked box has the focus again',
    );
    const chip = page.getByRole('link', { name: 'Retirer : Thème : Logement' });
    assert.equal(await chip.count(), 1, 'a chip names the filter in use');

    assert.deepEqual(searchOf(page).getAll('theme'), ['housing'], `URL carries theme=housing: ${page.url()}`);
    const countAfter = (await countLine.innerText()).trim();
    assert.notEqual(countAfter, countBefore, 'the count line changes after filtering');
    assert.equal(
      leadingNumber(countAfter),
      housingFacetCount,
      `the result count (${countAfter}) equals the facet count shown next to "Logement" (${housingLabel})`,
    );
    assert.ok(
      await page.getByRole('checkbox', { name: /^Logement\b/ }).isChecked(),
      'the ticked box stays ticked on the result page',
    );

    // Every result card carries the "Logement" tag.
    const results = page.getByRole('region', { name: 'Résultats' });
    const cards = results.getByRole('list').first().locator(':scope > li');
    const n = await cards.count();
    assert.ok(n > 0, 'there are results for Logement');
    assert.ok(n <= housingFacetCount);
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i);
      const title = (await card.getByRole('heading').innerText()).trim();
      const tags = (await card.locator('.tag').allInnerTexts()).map((s) => s.trim());
      assert.ok(tags.includes('Logement'), `card "${title}" has the tag Logement; its tags: ${tags.join(', ')}`);
    }

    // Open the first result.
    const firstLink = cards.first().getByRole('heading').getByRole('link');
    const firstTitle = (await firstLink.innerText()).trim();
    await clickAndLoad(page, firstLink);
    assert.match(pathOf(page), /^\/fr\/initiatives\/[^/]+$/);

    const h1 = page.getByRole('heading', { level: 1 });
    assert.equal(await h1.count(), 1, 'the initiative page has exactly one h1');
    assert.equal((await h1.innerText()).trim(), firstTitle, 'the h1 is the title of the card that was clicked');

    // The facts aside: a complementary region named by its own heading.
    const aside = page.getByRole('complementary');
    assert.equal(await aside.count(), 1, 'the initiative page has one facts aside');
    const asideHeading = (await aside.getByRole('heading').first().innerText()).trim();
    assert.ok(asideHeading.length > 0, 'the facts aside has a heading');
    assert.equal(
      await page.getByRole('complementary', { name: asideHeading, exact: true }).count(),
      1,
      `the facts aside is named by its heading "${asideHeading}"`,
    );
    const asideText = await aside.innerText();
    assert.match(asideText, /Logement/, 'the facts list the theme Logement');

    // The place link leads to the place page.
    const placeLink = aside
      .locator('dt', { hasText: /^Territoire$/ })
      .locator('xpath=following-sibling::dd[1]')
      .getByRole('link')
      .first();
    const placeName = (await placeLink.innerText()).trim();
    assert.ok(placeName, 'the facts name the place');
    await clickAndLoad(page, placeLink);
    assert.match(pathOf(page), /^\/fr\/places\/[^/]+$/, `the place link leads to a place page: ${page.url()}`);
    const placeH1 = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    assert.ok(placeH1.includes(placeName), `the place page's h1 (${placeH1}) names ${placeName}`);
    // The place page lists the initiative we came from.
    await assert.doesNotReject(
      page.getByRole('main').getByRole('link', { name: firstTitle, exact: true }).first().waitFor(),
      `the place page links back to "${firstTitle}"`,
    );

    // It offers peers like this place, each with its reason, and a peer is a place too.
    const peers = page.getByRole('region', { name: 'Des lieux comparables' });
    const peer = peers.getByRole('link').first();
    const peerName = (await peer.innerText()).trim();
    assert.match(await peers.innerText(), /Travaille aussi sur|Taille semblable|Aussi en/, 'each peer says why');
    await clickAndLoad(page, peer);
    assert.match(pathOf(page), /^\/fr\/places\/[^/]+$/, `a peer leads to its place page: ${page.url()}`);
    const peerH1 = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    assert.equal(peerH1, peerName, 'the peer page is that place');
  });
});

describe('Spanish journey without JavaScript', () => {
  test('search "agua", sort by title, paginate, open, switch to English', async (t) => {
    const page = await openPage(t, { locale: 'es-ES', javaScriptEnabled: false });

    await page.goto(url('/es/initiatives'));
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    const countLine = page.getByRole('status');
    const countBefore = (await countLine.innerText()).trim();

    // One field for words, in the header; it is sent with the sort and filters on screen.
    await page.getByLabel('Buscar iniciativas', { exact: true }).fill('agua');
    await page.getByLabel('Ordenar por', { exact: true }).selectOption({ label: 'Título (A–Z)' });
    await clickAndLoad(page, page.getByRole('button', { name: 'Aplicar', exact: true }).first());

    const params = searchOf(page);
    assert.equal(params.get('q'), 'agua', `URL carries q=agua: ${page.url()}`);
    assert.equal(params.get('sort'), 'title', `URL carries sort=title: ${page.url()}`);
    assert.equal(await page.getByLabel('Buscar iniciativas', { exact: true }).inputValue(), 'agua', 'the words stay in the field');
    assert.equal(await page.getByRole('searchbox').count(), 1, 'one search field on the page');
    // The chip for the words takes them away again, keeping the sort.
    const chipHref = await page.getByRole('link', { name: 'Quitar: «agua»' }).getAttribute('href');
    assert.equal(new URL(chipHref, page.url()).searchParams.get('q'), null);
    assert.equal(new URL(chipHref, page.url()).searchParams.get('sort'), 'title');
    const countAfter = (await countLine.innerText()).trim();
    const total = leadingNumber(countAfter);
    assert.ok(total > 0, `"agua" finds initiatives (${countAfter})`);
    assert.ok(total < leadingNumber(countBefore), `the search narrows the catalogue (${countBefore} → ${countAfter})`);

    // Results are in title order.
    const results = page.getByRole('region', { name: 'Resultados' });
    const titlesOn = async () =>
      (await results.getByRole('list').first().locator(':scope > li').getByRole('heading').allInnerTexts()).map((s) =>
        s.trim(),
      );
    const titles = await titlesOn();
    assert.ok(titles.length > 0);
    const collator = new Intl.Collator('es', { sensitivity: 'base', ignorePunctuation: true });
    const sorted = [...titles].sort(collator.compare);
    assert.deepEqual(titles, sorted, 'the results are sorted by title');

    // Page 2, if there is one.
    const pages = page.getByRole('navigation', { name: 'Pages' }).or(page.getByRole('navigation', { name: 'Páginas' }));
    if ((await pages.count()) > 0) {
      const page2 = pages.getByRole('link', { name: '2', exact: true });
      if ((await page2.count()) > 0) {
        const lastOnPage1 = titles[titles.length - 1];
        await clickAndLoad(page, page2);
        const p = searchOf(page);
        assert.equal(p.get('page'), '2');
        assert.equal(p.get('q'), 'agua', 'page 2 keeps the search');
        assert.equal(p.get('sort'), 'title', 'page 2 keeps the sort');
        const titles2 = await titlesOn();
        assert.ok(titles2.length > 0, 'page 2 has results');
        assert.ok(collator.compare(lastOnPage1, titles2[0]) <= 0, 'page 2 continues the title order');
      }
    } else {
      t.diagnostic(`"agua" has ${total} results: no page 2`);
    }

    // Open a result.
    const link = results.getByRole('list').first().locator(':scope > li').first().getByRole('heading').getByRole('link');
    const title = (await link.innerText()).trim();
    await clickAndLoad(page, link);
    const m = /^\/es\/initiatives\/([^/]+)$/.exec(pathOf(page));
    assert.ok(m, `a result opens an initiative page in Spanish: ${page.url()}`);
    const id = m[1];
    assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), title);

    // Switch the interface to English with the language switcher.
    const switcher = page.getByRole('list', { name: 'Idioma' });
    await clickAndLoad(page, switcher.getByRole('link', { name: 'English', exact: true }));
    assert.equal(pathOf(page), `/en/initiatives/${id}`, 'the switcher keeps the same initiative');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.ok(
      (await page.getByRole('list', { name: 'Language' }).getByText('English', { exact: true }).getAttribute('aria-current')) !==
        null,
      'English is marked current in the switcher',
    );
    await assert.doesNotReject(
      page.getByRole('link', { name: 'Initiatives', exact: true }).first().waitFor(),
      'the English interface shows "Initiatives" in its navigation',
    );
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'the English page has its h1');
  });
});

describe('Sorting by title (Spanish, without JavaScript)', () => {
  test('the whole catalogue sorted by title follows the visible titles, across pages', async (t) => {
    const page = await openPage(t, { locale: 'es-ES', javaScriptEnabled: false });
    await page.goto(url('/es/initiatives'));
    await page.getByLabel('Ordenar por', { exact: true }).selectOption({ label: 'Título (A–Z)' });
    await clickAndLoad(page, page.getByRole('button', { name: 'Aplicar', exact: true }).first());
    assert.equal(searchOf(page).get('sort'), 'title');

    const results = page.getByRole('region', { name: 'Resultados' });
    const titlesOn = async () =>
      (await results.getByRole('list').first().locator(':scope > li').getByRole('heading').allInnerTexts()).map((s) =>
        s.trim(),
      );
    const titles = await titlesOn();
    const pages = page.getByRole('navigation', { name: 'Páginas' });
    const page2 = pages.getByRole('link', { name: '2', exact: true });
    assert.equal(await page2.count(), 1, 'the whole catalogue has a page 2');
    await clickAndLoad(page, page2);
    assert.equal(searchOf(page).get('page'), '2');
    assert.equal(searchOf(page).get('sort'), 'title', 'page 2 keeps the sort');
    titles.push(...(await titlesOn()));

    const collator = new Intl.Collator('es', { sensitivity: 'base', ignorePunctuation: true });
    const misplaced = [];
    for (let i = 1; i < titles.length; i++) {
      if (collator.compare(titles[i - 1], titles[i]) > 0) misplaced.push(`"${titles[i - 1]}" before "${titles[i]}"`);
    }
    assert.deepEqual(misplaced, [], `titles out of order on pages 1–2 of /es/initiatives?sort=title:\n  ${misplaced.join('\n  ')}`);
  });
});

describe('Search across languages (Spanish interface)', () => {
  test('a Spanish query finds a French initiative, which opens with its French text marked', async (t) => {
    const page = await openPage(t, { locale: 'es-ES' });
    await page.goto(url('/es/'));
    // The search box in the header, as a visitor would use it.
    const box = page.getByLabel('Buscar iniciativas', { exact: true });
    await box.fill('subsidio de alquiler');
    await clickAndLoad(page, page.getByRole('button', { name: 'Buscar', exact: true }));
    assert.equal(pathOf(page), '/es/initiatives');
    assert.equal(searchOf(page).get('q'), 'subsidio de alquiler');

    // Among the results, a card written in French (its title carries lang="fr").
    const results = page.getByRole('region', { name: 'Resultados' });
    const card = results.locator('li.card').filter({ has: page.locator('h3 a[lang="fr"]') }).first();
    await assert.doesNotReject(card.waitFor(), 'a French initiative answers the Spanish query');
    const frenchTitle = card.locator('h3 a[lang="fr"]');
    const why = card.locator('.why');
    assert.ok((await why.count()) === 1, 'the card says why a French result matched');
    assert.match(await why.innerText(), /otro idioma/);

    // Open it: the page is in Spanish, the initiative's text in French, marked as such.
    const title = (await frenchTitle.innerText()).trim();
    await clickAndLoad(page, frenchTitle);
    assert.match(pathOf(page), /^\/es\/initiatives\//);
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    const h1 = page.getByRole('heading', { level: 1 });
    assert.equal((await h1.innerText()).trim(), title);
    assert.equal(await h1.getAttribute('lang'), 'fr');
  });
});

describe('Portuguese, added as data (browser locale pt-BR)', () => {
  test('the root answers in Portuguese; a Portuguese search reaches Spanish, French and English initiatives', async (t) => {
    const page = await openPage(t, { locale: 'pt-BR' });
    const response = await page.goto(url('/'));
    assert.ok(response?.ok(), `GET / answered ${response?.status()}`);
    assert.equal(pathOf(page), '/pt/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'pt');

    const box = page.getByLabel('Pesquisar iniciativas', { exact: true });
    await box.fill('aluguel para famílias de baixa renda');
    await clickAndLoad(page, page.getByRole('button', { name: 'Pesquisar', exact: true }));
    assert.equal(pathOf(page), '/pt/initiatives');

    const results = page.getByRole('region', { name: 'Resultados' });
    const titles = results.locator('li.card h3 a');
    await titles.first().waitFor();
    const langs = new Set(await titles.evaluateAll((links) => links.map((a) => a.getAttribute('lang') || 'pt')));
    const others = ['es', 'fr', 'en'].filter((l) => langs.has(l));
    assert.ok(others.length >= 2, `a Portuguese query finds initiatives in other languages, got ${[...langs]}`);

    // Open one written in another language: the page speaks Portuguese, the text keeps its language.
    const foreign = results.locator('li.card h3 a[lang]').first();
    const textLang = await foreign.getAttribute('lang');
    await clickAndLoad(page, foreign);
    assert.equal(await page.locator('html').getAttribute('lang'), 'pt');
    assert.equal(await page.getByRole('heading', { level: 1 }).getAttribute('lang'), textLang);
  });

  test('the demo has initiatives written in Portuguese, listed by the language filter', async (t) => {
    const page = await openPage(t, { locale: 'pt-PT' });
    await page.goto(url('/pt/initiatives?language=pt'));
    const results = page.getByRole('region', { name: 'Resultados' });
    const count = await results.locator('li.card').count();
    assert.ok(count >= 16, `${count} Portuguese initiatives on the first page`);
  });
});

describe('Accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  let esInitiative;

  before(async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url('/es/initiatives'));
      const href = await page
        .getByRole('region', { name: 'Resultados' })
        .getByRole('heading')
        .first()
        .getByRole('link')
        .getAttribute('href');
      assert.ok(href, 'the Spanish catalogue lists an initiative');
      esInitiative = new URL(href, BASE).pathname;
    } finally {
      await context.close();
    }
  });

  for (const path of ['/en/', '/fr/initiatives', '/es/initiatives/:id', '/fr/places', '/fr/places/fr-lyon', '/en/about', '/pt/', '/pt/initiatives?q=habita%C3%A7%C3%A3o', '/pt/events']) {
    test(`no axe violations on ${path}`, async (t) => {
      const target = path === '/es/initiatives/:id' ? esInitiative : path;
      const page = await openPage(t);
      const response = await page.goto(url(target));
      assert.ok(response?.ok(), `GET ${target} answered ${response?.status()}`);
      await page.evaluate(AXE_SOURCE);
      const result = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        AXE_TAGS,
      );
      const report = result.violations
        .map((v) => {
          const nodes = v.nodes
            .slice(0, 8)
            .map((node) => `      ${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`)
            .join('\n');
          const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : '';
          return `  ${v.id} [${v.impact}]: ${v.help}\n${nodes}${more}`;
        })
        .join('\n');
      assert.ok(result.passes.length > 0, `axe ran no check on ${target}`);
      assert.equal(result.violations.length, 0, `axe found violations on ${target}:\n${report}`);
    });
  }

  test('on a phone the results come first: filters behind a button, chips, applied at once', async (t) => {
    const page = await openPage(t, { viewport: { width: 390, height: 844 } });
    await page.goto(url('/fr/initiatives'));
    const toggle = page.locator('details.filters > summary');
    const housing = page.getByRole('checkbox', { name: /^Logement\b/ });
    assert.equal(await housing.isVisible(), false, 'the filters are folded on a phone');
    const firstCard = page.getByRole('region', { name: 'Résultats' }).locator('.card').first();
    const top = (await firstCard.boundingBox()).y;
    assert.ok(top < 844, `the first result starts within the first screen (at ${Math.round(top)} px)`);
    await page.screenshot({ path: `${process.env.SCREENSHOTS || '/tmp'}/catalogue-phone-fr.png`, fullPage: false });
    await toggle.click();
    assert.ok(await housing.isVisible(), 'the button opens them');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), housing.check()]);
    assert.deepEqual(searchOf(page).getAll('theme'), ['housing']);
    assert.ok(await page.getByRole('checkbox', { name: /^Logement\b/ }).isVisible(), 'still open after the change');
    const chip = page.getByRole('link', { name: 'Retirer : Thème : Logement' });
    await clickAndLoad(page, chip);
    assert.deepEqual(searchOf(page).getAll('theme'), [], 'the chip takes the filter away');
  });

  test('without JavaScript on a phone: Apply above and below the filters, and a way past them', async (t) => {
    const page = await openPage(t, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'es-ES' });
    await page.goto(url('/es/initiatives'));
    const apply = page.getByRole('button', { name: 'Aplicar', exact: true });
    assert.ok((await apply.count()) >= 3, 'Apply in the toolbar, above and below the filters');
    const skip = page.getByRole('link', { name: 'Ir a los resultados' });
    assert.ok(await skip.isVisible(), 'a link leads past the open filters');
    await page.getByRole('checkbox', { name: /^Vivienda\b/ }).check();
    await clickAndLoad(page, page.locator('details.filters .apply button').first());
    assert.deepEqual(searchOf(page).getAll('theme'), ['housing']);
    await page.screenshot({ path: `${process.env.SCREENSHOTS || '/tmp'}/catalogue-phone-es-nojs.png`, fullPage: false });
  });

  test('the catalogue has no horizontal scroll at 375px wide', async (t) => {
    const page = await openPage(t, { viewport: { width: 375, height: 812 } });
    await page.goto(url('/fr/initiatives'));
    const { scrollWidth, wide } = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(/\s+/).join('.') : ''}`);
      return { scrollWidth: document.documentElement.scrollWidth, wide };
    });
    assert.ok(scrollWidth <= 375, `scrollWidth is ${scrollWidth} (> 375); elements past the edge: ${wide.join(', ')}`);
  });
});

describe('Page weight', () => {
  test('French catalogue HTML + stylesheet under 60 KB uncompressed', async (t) => {
    const page = await openPage(t);
    const htmlResponse = await page.request.get(url('/fr/initiatives'));
    assert.ok(htmlResponse.ok(), `GET /fr/initiatives answered ${htmlResponse.status()}`);
    const html = await htmlResponse.body();
    await page.goto(url('/fr/initiatives'));
    const sheets = await page.locator('link[rel~="stylesheet"]').evaluateAll((links) =>
      links.map((l) => l.getAttribute('href')),
    );
    assert.ok(sheets.length > 0, 'the catalogue links a stylesheet');
    let total = html.length;
    const parts = [`HTML ${html.length} B`];
    for (const href of sheets) {
      const cssResponse = await page.request.get(new URL(href, url('/fr/initiatives')).toString());
      assert.ok(cssResponse.ok(), `GET ${href} answered ${cssResponse.status()}`);
      const css = await cssResponse.body();
      total += css.length;
      parts.push(`${href} ${css.length} B`);
    }
    t.diagnostic(`${parts.join(' + ')} = ${total} B`);
    assert.ok(total < WEIGHT_LIMIT, `page weight ${total} B is not under ${WEIGHT_LIMIT} B (${parts.join(' + ')})`);
  });
});
