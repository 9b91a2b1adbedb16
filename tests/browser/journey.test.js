// The first journey of a new resident, in headless Chromium on a phone-sized
// screen: sign up, confirm the e-mail from the outbox, log in, register an
// organisation, sign a coalition's declaration on its behalf, find it among the
// allies, switch to English. axe-core runs on every page visited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, launchBrowser, axeViolations } from './support.js';

let server;
let browser;
const visited = new Map();

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function audited(page, label) {
  const violations = await axeViolations(page);
  visited.set(label, violations.length);
  assert.deepEqual(violations, [], `axe-core on ${label} (${page.url()})`);
  // The pages work without JavaScript: they carry none of their own.
  const scripts = await page.evaluate(() => [...document.querySelectorAll('script')].filter((s) => !s.textContent.includes('axe')).length);
  assert.equal(scripts, 0, `${label} has no scripts`);
}

async function logIn(page, email, password) {
  await page.goto(`${server.base}/konto/logowanie`);
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło').fill(password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
}

async function logOut(page) {
  await page.getByRole('button', { name: /Wyloguj się|Log out/ }).click();
}

test('a new resident signs a coalition declaration for her organisation', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL' });
  const page = await context.newPage();
  const email = `maria.${Date.now()}@example.pl`;
  const password = 'bezpieczne-haslo-2026';

  await page.goto(server.base);
  assert.equal(await page.getAttribute('html', 'lang'), 'pl');
  await audited(page, 'home');

  await page.getByRole('link', { name: 'Załóż konto' }).click();
  await audited(page, 'sign-up form');
  // A mistake first: the form comes back with the message next to the field.
  await page.getByLabel('Imię i nazwisko').fill('Maria Kowalczyk');
  await page.getByLabel('Adres e-mail').fill('to-nie-email');
  await page.getByLabel('Hasło').fill(password);
  await page.getByRole('button', { name: 'Załóż konto' }).click();
  await page.getByText('To nie wygląda na adres e-mail.').waitFor();
  await audited(page, 'sign-up form with an error');
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło').fill(password);
  await page.getByLabel(/Miejscowość/).fill('Kraków');
  await page.getByLabel(/Zgadzam się na wymienienie/).check();
  await page.getByRole('button', { name: 'Załóż konto' }).click();
  await page.getByText('Konto założone').waitFor();
  await audited(page, 'login page after sign-up');

  // The confirmation mail waits in the outbox, which the platform admin reads.
  await logIn(page, 'admin@wspolnota.demo', 'demo-wspolnota');
  await page.goto(`${server.base}/admin/skrzynka`);
  await audited(page, 'outbox');
  const mail = page.locator('article.mail', { hasText: email }).first();
  const body = await mail.locator('pre').innerText();
  const link = body.match(/https?:\/\/\S+\/konto\/potwierdz\/[0-9a-f]+/)[0];
  await logOut(page);

  // Opening the link only shows a button; the address is confirmed by pressing it.
  await page.goto(link.replace(/^https?:\/\/[^/]+/, server.base));
  await audited(page, 'confirmation page');
  await page.getByRole('button', { name: 'Potwierdzam adres e-mail' }).click();
  await page.getByText('Adres e-mail potwierdzony').waitFor();
  await logIn(page, email, password);
  await page.getByRole('button', { name: 'Wyloguj się' }).waitFor();

  await page.goto(`${server.base}/organizacje/nowa`);
  await audited(page, 'new organisation form');
  await page.getByLabel('Nazwa').fill('Fundacja Zielone Podwórka');
  await page.getByLabel('Rodzaj').selectOption('ngo');
  await page.getByLabel(/NIP/).fill('526-000-12-46');
  await page.getByRole('button', { name: 'Zarejestruj' }).click();
  await page.getByText('Organizacja zarejestrowana').waitFor();
  await audited(page, 'organisation page');

  await page.goto(server.base);
  await page.getByRole('link', { name: 'Koalicja dla Sąsiedztw' }).click();
  await audited(page, 'coalition page');
  await page.getByLabel('w imieniu organizacji: Fundacja Zielone Podwórka').check();
  await page.getByRole('button', { name: 'Podpisuję deklarację' }).click();
  await page.getByText('Dziękujemy! Twój podpis został zapisany.').waitFor();
  await audited(page, 'coalition page after signing');

  await page.getByRole('link', { name: 'Lista sojuszników' }).click();
  await page.getByLabel('Pokaż').selectOption('ngo');
  await page.getByRole('button', { name: 'Filtruj' }).click();
  await page.getByRole('cell', { name: 'Fundacja Zielone Podwórka' }).waitFor();
  await audited(page, 'allies filtered by kind');

  await page.getByRole('button', { name: /English/ }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('heading', { name: /Allies: Koalicja dla Sąsiedztw/ }).waitFor();
  await page.getByRole('cell', { name: 'Fundacja Zielone Podwórka' }).waitFor();
  await audited(page, 'allies in English');
  await page.getByRole('link', { name: 'Koalicja dla Sąsiedztw' }).click();
  await page.getByText('Your signatures').waitFor();
  await audited(page, 'coalition page in English');

  mkdirSync('artifacts', { recursive: true });
  await page.screenshot({ path: 'artifacts/coalition-en-phone.png', fullPage: true });
  await context.close();
  assert.ok(visited.size >= 12, `axe ran on ${visited.size} pages`);
});

test('the public pages pass axe-core on a desktop screen too', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
  const page = await context.newPage();
  for (const path of ['/', '/wspolnoty/spoldzielnia-rozwojowa-dabrowa-gornicza', '/wspolnoty/spoldzielnia-rozwojowa-konin/sojusznicy',
    '/wspolnoty/kongres-ruchow-miejskich/dokument', '/organizacje', '/konto/reset', '/wspolnoty/nie-ma-takiej',
    '/deklaracja-dostepnosci', '/prywatnosc']) {
    await page.goto(`${server.base}${path}`);
    await audited(page, `desktop ${path}`);
  }
  await logIn(page, 'anna.nowak@wspolnota.demo', 'demo-wspolnota');
  for (const path of ['/wspolnoty/koalicja-dla-sasiedztw/admin', '/wspolnoty/koalicja-dla-sasiedztw/dziennik', '/konto/profil',
    '/konto/moje-dane']) {
    await page.goto(`${server.base}${path}`);
    await audited(page, `desktop ${path}`);
  }
  await context.close();
});
