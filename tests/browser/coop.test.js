// A development cooperative in headless Chromium: a resident reads how to become a
// co-owner and declares 2 shares online, the board admits her and records her
// payment, she sees her own entry in the member register, the board marks a project's
// stage reached and attaches a document to it, and the register's PDF downloads with
// its Polish characters. axe-core runs on every page visited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

const COOP = '/wspolnoty/spoldzielnia-rozwojowa-dabrowa-gornicza/spoldzielnia';

test('a resident declares, the board admits and records her payment, she sees her entry', async () => {
  // The public page, as anyone sees it.
  const visitor = await (await browser.newContext({ locale: 'pl-PL' })).newPage();
  await visitor.goto(`${server.base}${COOP}`);
  await audited(visitor, 'the public page of the cooperative');
  assert.match(await visitor.textContent('main'), /500 zł/, 'the share value is on the page');

  // Ewa declares two shares, on a phone-sized screen.
  const ewa = await session('ewa.wisniewska@wspolnota.demo', { viewport: { width: 390, height: 844 }, isMobile: true });
  await ewa.goto(`${server.base}${COOP}`);
  await audited(ewa, 'the declaration form');
  await ewa.getByLabel('Imię i nazwisko').fill('Ewa Wiśniewska');
  await ewa.getByLabel('Adres zamieszkania (dla organizacji: siedziba)').fill('ul. Hutnicza 7, 41-300 Dąbrowa Górnicza');
  await ewa.getByLabel('Liczba udziałów').fill('2');
  await ewa.getByLabel(/Przyjmuję statut spółdzielni/).check();
  await ewa.getByRole('button', { name: 'Złóż deklarację' }).click();
  await ewa.getByText('Deklaracja złożona').waitFor();
  assert.match(await ewa.textContent('main'), /czeka na decyzję zarządu/);
  await audited(ewa, 'the public page after declaring');

  // The board admits her and records her payment.
  const board = await session('marek.kowalski@wspolnota.demo');
  await board.goto(`${server.base}${COOP}/deklaracje`);
  await audited(board, 'the board\'s declarations');
  await board.getByRole('button', { name: 'Przyjmij: Ewa Wiśniewska' }).click();
  await board.getByText('Decyzja zapisana').waitFor();
  await board.goto(`${server.base}${COOP}/rejestr`);
  await audited(board, 'the register as the board sees it');
  await board.getByRole('link', { name: 'Ewa Wiśniewska', exact: true }).click();
  await audited(board, 'a member\'s record as the board sees it');
  await board.getByLabel('Kwota w złotych').fill('1000');
  await board.getByRole('button', { name: 'Zapisz wpłatę' }).click();
  await board.getByText('Wpłata zapisana').waitFor();

  // Ewa sees her own entry: admitted, 2 shares, paid in full.
  await ewa.goto(`${server.base}${COOP}`);
  assert.match(await ewa.textContent('main'), /Jesteś członkiem tej spółdzielni/);
  await ewa.goto(`${server.base}${COOP}/rejestr`);
  await audited(ewa, 'the register as a member sees it');
  await ewa.getByRole('link', { name: 'Ewa Wiśniewska', exact: true }).click();
  await audited(ewa, 'her own record');
  const record = await ewa.textContent('main');
  assert.match(record, /przyjęcie w poczet członków/);
  assert.match(record, /1\s000 zł/);
  assert.match(record, /wpłata na udziały/);

  // Reports, investments and the surplus page: charts with their tables.
  await ewa.goto(`${server.base}${COOP}/raporty`);
  await audited(ewa, 'the reports');
  assert.equal(await ewa.locator('svg[role="img"]').count(), 2, 'two charts, each with a title');
  await visitor.goto(`${server.base}${COOP}/inwestycje`);
  await audited(visitor, 'the investments and assets');
  assert.match(await visitor.textContent('main'), /Fotowoltaika 50 kWp/);
  assert.match(await visitor.textContent('main'), /Kawiarenka naprawcza/);
  await visitor.getByRole('link', { name: /Fotowoltaika 50 kWp/ }).click();
  await audited(visitor, 'a project with its pledges');
  assert.match(await visitor.textContent('main'), /Gmina Dąbrowa Górnicza/);
  // The board marks the next stage reached and attaches an offer to the project.
  await board.goto(`${server.base}${COOP}/inwestycje`);
  await audited(board, 'the investments and assets with the valuation forms');
  await board.getByRole('link', { name: /Fotowoltaika 50 kWp/ }).click();
  await audited(board, 'a project with the board\'s forms');
  await board.getByRole('button', { name: /^Oznacz jako osiągnięty\s*: Montaż$/ }).click();
  await board.getByText('Etap oznaczony jako osiągnięty.').waitFor();
  assert.match(await board.textContent('main'), /Montaż — osiągnięty/);
  await board.getByLabel('Tytuł dokumentu').fill('Oferta wykonawcy');
  await board.getByLabel('Plik').setInputFiles({
    name: 'oferta.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% oferta\n%%EOF\n'),
  });
  await board.getByRole('button', { name: 'Dodaj dokument' }).click();
  await board.getByText('Dokument dodany.').waitFor();
  await audited(board, 'the project after the board\'s changes');
  assert.equal(await board.getByRole('link', { name: 'Oferta wykonawcy' }).count(), 1);
  await board.goto(`${server.base}${COOP}/nadwyzka`);
  await audited(board, 'the surplus page');
  await board.goto(`${server.base}${COOP}/statut`);
  await audited(board, 'the statute settings form');

  // The register's PDF downloads.
  await ewa.goto(`${server.base}${COOP}/rejestr`);
  const [download] = await Promise.all([
    ewa.waitForEvent('download'),
    ewa.getByRole('link', { name: 'Pobierz rejestr (PDF)' }).click(),
  ]);
  const path = await download.path();
  const bytes = await (await import('node:fs/promises')).readFile(path);
  assert.equal(bytes.subarray(0, 8).toString('latin1'), '%PDF-1.7');
  assert.ok(bytes.includes(Buffer.from('FontFile2')), 'the font with Polish characters is embedded');
});

test('the board records a working group, convenes an assembly and sends its notice; anyone sees the bodies', async () => {
  const BODIES = '/wspolnoty/spoldzielnia-rozwojowa-dabrowa-gornicza/organy';
  const visitor = await (await browser.newContext({ locale: 'pl-PL', viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
  await visitor.goto(`${server.base}${BODIES}`);
  await audited(visitor, 'the bodies on a phone');
  const rada = visitor.locator('section', { has: visitor.getByRole('heading', { name: 'Rada Nadzorcza' }) });
  assert.equal(await rada.locator('tbody tr').count(), 3, 'a supervisory board of three');
  assert.equal(await visitor.getByRole('button', { name: /Zakończ/ }).count(), 0, 'no forms for the public');

  const board = await session('marek.kowalski@wspolnota.demo');
  await board.goto(`${server.base}${BODIES}`);
  await audited(board, 'the bodies with the board\'s forms');
  await board.getByLabel('Rodzaj').selectOption({ label: 'Grupa robocza' });
  await board.getByLabel('Nazwa').fill('Grupa energetyczna');
  await board.getByRole('button', { name: 'Utwórz' }).click();
  await board.getByText('Organ utworzony.').waitFor();
  const group = board.locator('section', { has: board.getByRole('heading', { name: 'Grupa energetyczna' }) });
  await group.getByLabel('Adres e-mail konta osoby').fill('marek.kowalski@wspolnota.demo');
  await group.getByLabel('Funkcja').selectOption('chair');
  await group.getByRole('button', { name: 'Dodaj do składu' }).click();
  await board.getByText('Osoba dodana do składu.').waitFor();
  await audited(board, 'the bodies after adding a seat');
  const added = board.locator('section', { has: board.getByRole('heading', { name: 'Grupa energetyczna' }) });
  assert.match(await added.locator('tbody').textContent(), /przewodniczący/);

  // The board convenes a general assembly, sets its agenda and sends the notice.
  await board.getByRole('link', { name: 'Walne zgromadzenia' }).click();
  await audited(board, 'the general assemblies with the form to convene one');
  await board.getByLabel('Nazwa zgromadzenia').fill('Zwyczajne Walne Zgromadzenie');
  // Sixty days ahead, so the statute's fourteen days of notice fit whenever this runs.
  const held = new Date(Date.now() + 60 * 86400e3).toISOString().slice(0, 10);
  await board.getByLabel('Termin').fill(held);
  await board.getByLabel('Godzina rozpoczęcia').fill('17:00');
  await board.getByLabel('Miejsce').fill('Pałac Kultury Zagłębia, sala 2');
  await board.getByRole('button', { name: 'Zwołaj' }).click();
  await board.getByText('Zgromadzenie zwołane.').waitFor();
  await audited(board, 'a convened assembly without an agenda');
  await board.getByLabel('Sprawa').fill('Zatwierdzenie sprawozdania finansowego');
  await board.getByLabel('Uchwała').selectOption('ordinary');
  await board.getByRole('button', { name: 'Dodaj punkt' }).click();
  await board.getByText('Punkt dodany do porządku obrad.').waitFor();
  await board.getByRole('button', { name: 'Wyślij zawiadomienie' }).click();
  await board.getByText('Zawiadomienie wysłane.').waitFor();
  await audited(board, 'the assembly after the notice');
  const facts = await board.textContent('main');
  assert.match(facts, /Zawiadomienie wysłane \d{4}-\d{2}-\d{2}/);
  assert.match(facts, /Zatwierdzenie sprawozdania finansowego/);
  assert.equal(await board.getByRole('button', { name: 'Wyślij zawiadomienie' }).count(), 0, 'the notice goes out once');
  // The proceedings page: the attendance register's form, empty until the day.
  await board.getByRole('link', { name: 'Obrady: lista obecności i głosowania' }).click();
  await audited(board, 'the proceedings before the assembly');
  assert.match(await board.textContent('main'), /Nikt jeszcze nie został wpisany na listę obecności/);
  // The minutes, written from what is recorded, as a page and as a PDF.
  await board.goBack();
  await board.getByRole('link', { name: 'Protokół', exact: true }).click();
  await audited(board, 'the minutes before the assembly');
  const [minutes] = await Promise.all([
    board.waitForEvent('download'),
    board.getByRole('link', { name: 'Pobierz protokół (PDF)' }).click(),
  ]);
  const pdf = await (await import('node:fs/promises')).readFile(await minutes.path());
  assert.equal(pdf.subarray(0, 8).toString('latin1'), '%PDF-1.7');
});
