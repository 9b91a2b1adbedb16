// A participatory-budget round in headless Chromium: an admin sets up a round with
// two pools, a resident submits a proposal, an official verifies it, residents vote
// (one on a phone-sized window, one with JavaScript off), the phases advance, the
// results page shows the winners with explanations and a chart, and the exported
// .pb file recounts to the same winners with `wspolnota pb count`. axe-core runs on
// every page visited with JavaScript on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, axeViolations } from './support.js';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function audited(page, label) {
  assert.deepEqual(await axeViolations(page), [], `axe-core on ${label} (${page.url()})`);
}

async function session(email, options = {}) {
  const context = await browser.newContext({ locale: 'pl-PL', viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(`${server.base}/konto/logowanie`);
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło').fill('demo-wspolnota');
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.getByRole('button', { name: 'Wyloguj się' }).waitFor();
  return page;
}

function day(offset) {
  const d = new Date(Date.now() + offset * 86400000);
  return d.toISOString().slice(0, 10);
}

/** Funded project ids of a pool, from the results CSV. */
async function fundedFromCsv(page, url) {
  const csv = await (await page.request.get(url)).text();
  return csv.trim().split('\n').slice(1).map((l) => l.split(',')).filter((f) => f[4] === 'true').map((f) => f[0]).sort();
}

test('a round from set-up to re-countable results', async () => {
  const admin = await session('admin@wspolnota.demo');
  await admin.goto(`${server.base}/wspolnoty/konin/budzet`);
  await audited(admin, 'rounds of Konin');
  await admin.getByLabel('Tytuł').fill('Budżet testowy');
  await admin.getByLabel('Zgłaszanie projektów').fill(day(-1));
  await admin.getByLabel('Weryfikacja').fill(day(10));
  await admin.getByLabel('Odwołania').fill(day(20));
  await admin.getByLabel('Głosowanie').fill(day(30));
  await admin.getByLabel('Koniec głosowania (początek liczenia)').fill(day(40));
  // A small test round: publish single ballots from the first voter on.
  await admin.getByLabel('Najmniej głosujących, by opublikować karty i frekwencję dzielnicy').fill('1');
  await admin.getByRole('button', { name: 'Utwórz edycję' }).click();
  await admin.getByText('Edycja utworzona').waitFor();
  await audited(admin, 'new round');
  const round = new URL(admin.url()).pathname;

  // The election committee's key: three members, two needed to count; parts shown once.
  await admin.getByLabel('Liczba członków komisji').fill('3');
  await admin.getByLabel('Ilu członków potrzeba do policzenia głosów').fill('2');
  await admin.getByRole('button', { name: 'Utwórz klucz komisji' }).click();
  await admin.locator('p.share code').first().waitFor();
  await audited(admin, 'committee key parts');
  const shares = await admin.locator('p.share code').allTextContents();
  assert.equal(shares.length, 3);
  await admin.goto(`${server.base}${round}`);
  await admin.getByText('Klucz komisji ustawiony').waitFor();

  const addPool = async (name, budget, ballot, max, rule) => {
    await admin.getByLabel('Nazwa').fill(name);
    await admin.getByLabel('Budżet puli').fill(budget);
    await admin.getByLabel('Karta do głosowania').selectOption(ballot);
    await admin.getByLabel(/Najwięcej projektów/).fill(max);
    await admin.getByLabel('Sposób liczenia').selectOption(rule);
    await admin.getByRole('button', { name: 'Dodaj pulę' }).click();
    await admin.getByText('Pula dodana.').waitFor();
  };
  await addPool('Ogólnomiejska', '100 000', 'approval', '2', 'greedy');
  await addPool('Osiedlowa', '50 000', 'points', '5', 'mes-cost-add1');
  await admin.getByLabel('Adres e-mail', { exact: true }).fill('andrzej.kwiatkowski@wspolnota.demo');
  await admin.getByRole('button', { name: 'Dodaj osobę weryfikującą' }).click();
  await admin.getByText('Osoba weryfikująca dodana.').waitFor();

  // A resident submits proposals, with cost lines; no JavaScript needed.
  const ewa = await session('ewa.wisniewska@wspolnota.demo', { viewport: { width: 390, height: 844 } });
  const submit = async (pool, title, lines) => {
    await ewa.goto(`${server.base}${round}/projekty/nowy`);
    await ewa.getByLabel('Pula').selectOption({ label: pool });
    await ewa.getByLabel('Tytuł').fill(title);
    await ewa.getByLabel('Opis (Markdown)').fill(`${title} dla sąsiadów.`);
    for (const [i, [label, amount]] of lines.entries()) {
      await ewa.getByLabel(`Pozycja ${i + 1}`, { exact: true }).fill(label);
      await ewa.getByLabel(`Kwota ${i + 1}`, { exact: true }).fill(amount);
    }
    await ewa.getByRole('button', { name: 'Zgłoś projekt' }).click();
    await ewa.getByText('Projekt zgłoszony').waitFor();
  };
  await ewa.goto(`${server.base}${round}/projekty/nowy`);
  await audited(ewa, 'proposal form on a phone');
  await submit('Ogólnomiejska (100 000 zł)', 'Skwer przy Kolejowej', [['zieleń', '40 000'], ['ławki', '12 500,50']]);
  await ewa.getByText('52 500,50 zł').first().waitFor();
  // An image with its text alternative (a 1×1 PNG).
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await ewa.getByLabel(/Plik \(PNG/).setInputFiles({ name: 'skwer.png', mimeType: 'image/png', buffer: png });
  await ewa.getByLabel('Opis zdjęcia dla osób, które go nie widzą').fill('Szkic skweru z ławkami');
  await ewa.getByRole('button', { name: 'Dodaj zdjęcie' }).click();
  await ewa.getByText('Zdjęcie dodane.').waitFor();
  await ewa.getByRole('img', { name: 'Szkic skweru z ławkami' }).waitFor();
  await audited(ewa, 'proposal page');
  await submit('Ogólnomiejska (100 000 zł)', 'Rowerownia', [['stojaki', '60 000']]);
  await submit('Osiedlowa (50 000 zł)', 'Łąka kwietna', [['nasiona', '20 000']]);
  await submit('Osiedlowa (50 000 zł)', 'Lodówka społeczna', [['lodówka', '15 000']]);

  // The admin moves the round on; the official verifies.
  await admin.goto(`${server.base}${round}`);
  await admin.getByRole('button', { name: /Przejdź do etapu: Weryfikacja/ }).click();
  await admin.getByText('Edycja przeszła do następnego etapu.').waitFor();
  const official = await session('andrzej.kwiatkowski@wspolnota.demo');
  await official.goto(`${server.base}${round}`);
  const proposals = await official.locator('ul.proposals a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.equal(proposals.length, 4);
  for (const [i, href] of proposals.entries()) {
    await official.goto(`${server.base}${href}`);
    if (i === 0) await audited(official, 'verification form');
    await official.getByRole('button', { name: 'Ocena pozytywna' }).click();
    await official.getByText('Ocena zapisana.').waitFor();
  }
  await admin.goto(`${server.base}${round}`);
  await admin.getByRole('button', { name: /Przejdź do etapu: Odwołania/ }).click();
  await admin.getByRole('button', { name: /Przejdź do etapu: Głosowanie/ }).click();
  await admin.getByText('Etap: Głosowanie').waitFor();

  // Ewa votes on her phone.
  await ewa.goto(`${server.base}${round}/glosowanie`);
  await audited(ewa, 'voting page, address first');
  await ewa.getByLabel('Imię i nazwisko').fill('Ewa Wiśniewska');
  await ewa.getByLabel('Adres zamieszkania').fill('ul. Kolejowa 5, Konin');
  await ewa.getByRole('button', { name: 'Zapisz adres' }).click();
  await ewa.getByText('Adres zapisany').waitFor();
  await audited(ewa, 'ballots on a phone');
  const cityBallot = ewa.locator('section.ballot', { hasText: 'Ogólnomiejska' });
  await cityBallot.getByLabel(/Skwer przy Kolejowej/).check();
  // With JavaScript, a live meter counts the choices and their cost.
  await cityBallot.locator('output.meter', { hasText: /Wybrano 1 z 2 · wybrane projekty: 52\s500\szł z budżetu 100\s000\szł/ }).waitFor();
  await audited(ewa, 'ballot with the live meter');
  await cityBallot.getByRole('button', { name: 'Oddaj głos' }).click();
  await ewa.locator('.receipt-code').waitFor();
  await audited(ewa, 'receipt');
  const districtBallot = ewa.locator('section.ballot', { hasText: 'Osiedlowa' });
  await districtBallot.getByLabel(/Łąka kwietna/).fill('4');
  await districtBallot.getByLabel(/Lodówka społeczna/).fill('1');
  await districtBallot.getByRole('button', { name: 'Oddaj głos' }).click();
  await ewa.locator('.receipt-code').waitFor();

  // Marek votes with JavaScript off: the forms and the server's checks are enough.
  const noJs = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false });
  const marek = await noJs.newPage();
  await marek.goto(`${server.base}/konto/logowanie`);
  await marek.getByLabel('Adres e-mail').fill('marek.kowalski@wspolnota.demo');
  await marek.getByLabel('Hasło').fill('demo-wspolnota');
  await marek.getByRole('button', { name: 'Zaloguj się' }).click();
  await marek.goto(`${server.base}${round}/glosowanie`);
  await marek.getByLabel('Imię i nazwisko').fill('Marek Kowalski');
  await marek.getByLabel('Adres zamieszkania').fill('ul. Słowackiego 2, Konin');
  await marek.getByRole('button', { name: 'Zapisz adres' }).click();
  const marekCity = marek.locator('section.ballot', { hasText: 'Ogólnomiejska' });
  // Too many points in the district: refused with a message, nothing counted.
  const marekDistrict = marek.locator('section.ballot', { hasText: 'Osiedlowa' });
  await marekDistrict.getByLabel(/Łąka kwietna/).fill('5');
  await marekDistrict.getByLabel(/Lodówka społeczna/).fill('3');
  assert.equal(await marekDistrict.locator('output.meter').isHidden(), true, 'no meter without JavaScript');
  await marekDistrict.getByRole('button', { name: 'Oddaj głos' }).click();
  await marek.getByText('Rozdano więcej punktów, niż pozwala karta.').waitFor();
  await marek.locator('section.ballot', { hasText: 'Osiedlowa' }).getByLabel(/Lodówka społeczna/).fill('5');
  await marek.locator('section.ballot', { hasText: 'Osiedlowa' }).getByLabel(/Łąka kwietna/).fill('0');
  await marek.locator('section.ballot', { hasText: 'Osiedlowa' }).getByRole('button', { name: 'Oddaj głos' }).click();
  await marek.locator('.receipt-code').waitFor();
  await marek.locator('section.ballot', { hasText: 'Ogólnomiejska' }).getByLabel(/Rowerownia/).check();
  await marek.locator('section.ballot', { hasText: 'Ogólnomiejska' }).getByLabel(/Skwer przy Kolejowej/).check();
  await marek.locator('section.ballot', { hasText: 'Ogólnomiejska' }).getByRole('button', { name: 'Oddaj głos' }).click();
  await marek.locator('.receipt-code').waitFor();
  void marekCity;
  await noJs.close();

  // A paper ballot from the issued sheets, entered by the official and again by the admin.
  await admin.goto(`${server.base}${round}/papier`);
  await admin.getByLabel(/Numery kart/).fill('K-001..K-010');
  await admin.getByRole('button', { name: 'Zarejestruj karty' }).click();
  await admin.getByText('Karty zarejestrowane.').waitFor();
  for (const who of [official, admin]) {
    await who.goto(`${server.base}${round}/papier`);
    if (who === official) await audited(official, 'paper ballots');
    const form = who.locator('section.ballot', { hasText: 'Ogólnomiejska' });
    await form.getByLabel('Numer karty').fill('K-001');
    await form.getByLabel('Imię i nazwisko').fill('Halina Papierowa');
    await form.getByLabel('Adres zamieszkania').fill('ul. Wodna 3, Konin');
    await form.getByLabel(/Rowerownia/).check();
    await form.getByRole('button', { name: 'Wprowadź kartę' }).click();
  }
  await admin.getByText('Oba wpisy się zgadzają: karta policzona.').waitFor();

  // Voting closes; two committee members bring their parts and the ballots are counted.
  await admin.goto(`${server.base}${round}`);
  await admin.getByRole('button', { name: /Przejdź do etapu: Liczenie głosów/ }).click();
  await admin.goto(`${server.base}${round}/wyniki`);
  await audited(admin, 'count form');
  await admin.getByLabel('Części klucza komisji').fill(`${shares[0]}\n${shares[2]}`);
  await admin.getByRole('button', { name: 'Otwórz głosy i policz' }).click();
  await admin.getByText('Głosy policzone, wyniki opublikowane.').waitFor();
  await audited(admin, 'results');
  await admin.goto(`${server.base}${round}/potwierdzenie`);
  await audited(admin, 'receipt check');
  await admin.goto(`${server.base}${round}/wyniki`);
  assert.equal(await admin.locator('svg.chart[role="img"]').count(), 2, 'a chart per pool');
  await admin.getByText('3 głosujących').first().waitFor();
  await admin.getByRole('cell', { name: 'Skwer przy Kolejowej' }).waitFor();

  // Anyone downloads the ballots and recounts them with the command-line tool.
  const dir = mkdtempSync(join(tmpdir(), 'wspolnota-recount-'));
  const links = await admin.locator('a', { hasText: 'Pobierz głosy' }).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.equal(links.length, 2);
  for (const [i, [href, rule]] of [[links[0], 'greedy'], [links[1], 'mes-cost-add1']].entries()) {
    const file = join(dir, `pool-${i}.pb`);
    writeFileSync(file, await (await admin.request.get(`${server.base}${href}`)).text());
    const out = JSON.parse(execFileSync(process.env.WSPOLNOTA_BIN, ['pb', 'count', file, '--rule', rule, '--json'], { encoding: 'utf8' }));
    const funded = await fundedFromCsv(admin, `${server.base}${href.replace('glosy.pb', 'wyniki.csv')}`);
    assert.deepEqual([...out.winners].sort(), funded, `recount of pool ${i + 1} with ${rule}`);
    assert.ok(funded.length > 0);
  }
  await admin.context().close();
  await ewa.context().close();
  await official.context().close();
});

test('the demo shows a real finished budget', async () => {
  const context = await browser.newContext({ locale: 'pl-PL' });
  const page = await context.newPage();
  await page.goto(`${server.base}/wspolnoty/warszawa-wawer/budzet`);
  await page.getByRole('link', { name: /Anin/ }).click();
  await page.getByRole('link', { name: 'Zobacz wyniki' }).click();
  await page.getByText('457 głosujących').waitFor();
  await page.getByText('Wydane: 152 210 zł').waitFor();
  await audited(page, 'Anin 2019 results');
  await context.close();
});

test('a round of 90 proposals is paged, with links that work without JavaScript', async () => {
  const file = new URL('../data/pabulib/Poland_Warszawa_2022_Praga-Polnoc.pb', import.meta.url).pathname;
  const round = execFileSync(process.env.WSPOLNOTA_BIN, ['budget', 'import', '--space', 'warszawa-wawer',
    '--title', 'Praga-Północ 2022', '--data-dir', server.dataDir, file], { encoding: 'utf8' }).trim();
  const context = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/budzet/${round}`);
  const pager = page.getByRole('navigation', { name: 'Strony listy' });
  await pager.waitFor();
  assert.equal(await page.locator('ul.proposals li').count(), 50);
  await pager.getByRole('link', { name: 'Następna strona' }).click();
  await page.waitForURL(/strona=2/);
  assert.equal(await page.locator('ul.proposals li').count(), 40);
  await page.getByRole('navigation', { name: 'Strony listy' }).getByRole('link', { name: 'Poprzednia strona' }).waitFor();
  await context.close();
  // axe-core with JavaScript on (it runs as a script).
  const audit = await browser.newContext({ locale: 'pl-PL', viewport: { width: 1200, height: 900 } });
  const on = await audit.newPage();
  for (const path of [`/budzet/${round}`, `/budzet/${round}?strona=2`, `/budzet/${round}?strona=9`]) {
    await on.goto(`${server.base}${path}`);
    await audited(on, `proposals ${path}`);
  }
  await on.goto(`${server.base}/budzet/${round}?strona=2`);
  mkdirSync('artifacts', { recursive: true });
  await on.getByRole('navigation', { name: 'Strony listy' }).screenshot({ path: 'artifacts/proposals-pager.png' });
  await audit.close();
});
