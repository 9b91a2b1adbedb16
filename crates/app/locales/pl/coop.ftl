## Spółdzielnia rozwojowa: rejestr członków, udziały, deklaracje.

module-register = Rejestr członków i udziały
module-register-about = Deklaracje członkowskie, rejestr członków, udziały i wpisowe, wystąpienia i zwroty.

error-coop-bad_settings = Ustawienia statutu są niezgodne z prawem spółdzielczym (np. wartość udziału musi być dodatnia, a odpis na fundusz zasobowy wynosić co najmniej 5%).
error-coop-shares_too_few = Zadeklaruj co najmniej tyle udziałów, ile wymaga statut.
error-coop-shares_too_many = Statut nie pozwala zadeklarować tylu udziałów.
error-coop-bad_shares = Liczba udziałów musi być liczbą całkowitą, np. 2.
error-coop-legal_persons_excluded = Statut tej spółdzielni nie przyjmuje osób prawnych.
error-coop-not_representative = Deklarację organizacji składa osoba, którą organizacja wskazała jako swoją przedstawicielkę lub przedstawiciela.
error-coop-not_a_legal_person = Grupa nieformalna nie jest osobą prawną; deklarację mogą złożyć jej członkowie osobiście.
error-coop-already_member = Ta osoba lub organizacja jest już członkiem spółdzielni.
error-coop-declaration_pending = Deklaracja tej osoby lub organizacji czeka już na decyzję zarządu.
error-coop-not_pending = Ta deklaracja została już rozpatrzona.
error-coop-reasons_required = Podaj uzasadnienie na piśmie.
error-coop-not_refused = Odwołanie przysługuje tylko od odmowy przyjęcia.
error-coop-appeal_too_late = Termin na odwołanie już minął.
error-coop-no_appeal = Ta deklaracja nie ma odwołania czekającego na decyzję.
error-coop-amount_not_positive = Kwota musi być większa od zera.
error-coop-beyond_declared = Wpłata przekracza niewpłaconą część zadeklarowanych udziałów. Zadeklaruj więcej udziałów albo zapisz nadwyżkę jako kwotę do zwrotu.
error-coop-entry_fee_mismatch = Wpisowe wpłaca się w całości, w kwocie określonej w statucie.
error-coop-entry_fee_paid = Wpisowe zostało już wpłacone.
error-coop-not_a_member = Ta osoba nie jest członkiem spółdzielni.
error-coop-already_leaving = Wypowiedzenie zostało już złożone; członkostwo ustanie po upływie okresu wypowiedzenia.
error-coop-already_ended = Członkostwo już ustało.
error-coop-statements_not_approved = Zwrot udziałów przysługuje dopiero po zatwierdzeniu sprawozdania finansowego za rok, w którym ustało członkostwo.
error-coop-nothing_to_refund = Temu członkowi nie przysługuje teraz zwrot.
error-coop-refund_exceeds_due = Kwota przekracza należny zwrot.
error-coop-not_still_member = Członkostwo ustało; nie można przyjąć wpłaty na udziały.
error-coop-wrong_stage = Tego nie można zrobić na obecnym etapie spółdzielni.
error-coop-too_few_founders = Za mało założycieli: potrzeba 10 osób albo 3 osób prawnych.
error-coop-bad_krs = Numer KRS ma 10 cyfr.
error-coop-exclusion_needs_resolution = Wykluczenie wymaga uchwały z konkretnym uzasadnieniem.
error-coop-register_append_only = Wpisów w rejestrze członków nie zmienia się ani nie usuwa. Błąd poprawia się nowym wpisem z uzasadnieniem.
error-coop-unknown_entry = Nie ma takiego wpisu w rejestrze.
error-coop-unknown_person = Nie ma konta z tym adresem e-mail.
error-coop-below_minimum = Można zwrócić tylko w pełni opłacone udziały ponad obowiązkowe minimum.
error-coop-bad_date = Podaj datę w postaci RRRR-MM-DD, nie późniejszą niż dziś.
error-coop-unknown_model = Nie ma takiego wzoru statutu.
error-coop-pledge_exceeded = Wpłata przekracza zadeklarowaną kwotę.
error-coop-milestone_reached = Ten etap został już osiągnięty.
error-coop-bad_use = Każdy wiersz: numer członka, średnik i wartość w złotych (np. 12; 350,00), każdy członek raz, bez wartości ujemnych; numer musi należeć do członka spółdzielni.
error-coop-surplus_negative = Nadwyżka i podstawy podziału nie mogą być ujemne.
error-coop-statute_not_accepted = Aby złożyć deklarację, przyjmij statut spółdzielni.
error-coop-bad_scan = Dołącz skan podpisanej deklaracji (PDF, PNG, JPEG lub WebP, do 2 MB).
error-coop-too_precise = Kwota może mieć najwyżej dwie cyfry po przecinku (grosze).
error-coop-bad_amount = Podaj kwotę w złotych, np. 120 albo 120,50.
error-coop-statements_recorded = Sprawozdanie za ten rok zostało już zatwierdzone.

mail-coop-admitted-subject = Przyjęcie do spółdzielni { $coop }
mail-coop-admitted-body = Dzień dobry, { $name }!

    Zarząd spółdzielni { $coop } przyjął Twoją deklarację członkowską. Jesteś członkiem spółdzielni.
    Swój wpis w rejestrze członków i stan udziałów zobaczysz tutaj: { $link }

mail-coop-refused-subject = Decyzja w sprawie deklaracji: { $coop }
mail-coop-refused-body = Dzień dobry, { $name }!

    Zarząd spółdzielni { $coop } odmówił przyjęcia Twojej deklaracji członkowskiej.

    Uzasadnienie: { $reasons }

    Możesz się odwołać do { $appeal_due } (włącznie) na stronie spółdzielni: { $link }

coop-col-number = Nr
coop-col-kind = Rodzaj
coop-col-name = Imię i nazwisko / nazwa
coop-col-address = Adres / siedziba
coop-col-admitted = Przyjęty
coop-col-shares = Udziały
coop-col-declared = Zadeklarowane (zł)
coop-col-paid = Wpłacone (zł)
coop-col-unpaid = Do wpłaty (zł)
coop-col-notice = Wypowiedzenie
coop-col-ended = Ustanie członkostwa
coop-kind-natural = osoba fizyczna
coop-kind-legal = osoba prawna
coop-end-exit = wystąpienie
coop-end-exclusion = wykluczenie
coop-end-removal = wykreślenie
coop-end-death = śmierć
coop-register-title = Rejestr członków: { $coop }
coop-register-footer = Strona {"{"}page{"}"} z {"{"}pages{"}"}
coop-register-as-of = Stan na dzień
coop-register-members = Liczba członków
coop-register-statute = Wersja statutu

coop-public-title = Jak zostać współwłaścicielem
coop-stage = Etap
coop-stage-founding = zakładanie spółdzielni
coop-stage-open = spółdzielnia otwarta dla nowych członków
coop-share-value = Wartość jednego udziału
coop-min-shares = Najmniejsza liczba udziałów
coop-max-shares = Największa liczba udziałów
coop-no-limit = bez ograniczeń
coop-entry-fee = Wpisowe (bezzwrotne)
coop-members-natural = Członkowie – osoby fizyczne
coop-members-legal = Członkowie – osoby prawne
coop-missing-any = Do założenia spółdzielni brakuje jeszcze { $n } założycieli.
coop-missing-legal-or-any = Do założenia spółdzielni brakuje jeszcze { $legal } osób prawnych (albo { $any } założycieli, jeśli dołączą osoby fizyczne).
coop-register-link = Rejestr członków
coop-how-title = Krok po kroku
coop-statute-link = Przeczytaj statut
coop-own-title = Twoje deklaracje
coop-shares-unit = udz.
coop-reasons = Uzasadnienie
coop-appeal-label = Odwołanie od odmowy
coop-appeal-until = Możesz się odwołać do { $date } (włącznie).
coop-appeal-submit = Wyślij odwołanie
coop-you-are-member = Jesteś członkiem tej spółdzielni.
coop-declare-title = Deklaracja członkowska
coop-declare-as = Deklaruję
coop-declare-self = we własnym imieniu
coop-field-name = Imię i nazwisko
coop-field-name-hint = Tak jak w dowodzie osobistym; trafi do rejestru członków.
coop-field-address = Adres zamieszkania (dla organizacji: siedziba)
coop-field-address-hint = Ulica, numer, kod pocztowy i miejscowość.
coop-field-shares = Liczba udziałów
coop-field-shares-hint = Liczba całkowita, co najmniej tyle, ile wymaga statut.
coop-accept-statute = Przyjmuję statut spółdzielni (wersja { $version }).
coop-declare-submit = Złóż deklarację
coop-login-to-declare = Zaloguj się, aby złożyć deklarację członkowską.
coop-declarations-title = Deklaracje członkowskie
coop-overview-title = Co czeka na zarząd
coop-overview-pending = Deklaracje do rozpatrzenia
coop-overview-overdue = w tym po terminie
coop-overview-appeals = Odwołania do rozpatrzenia
coop-overview-payments = Zaległe wpłaty na udziały
coop-overview-refunds = Zwroty do wypłaty
coop-no-declarations = Nie ma jeszcze deklaracji.
coop-channel-online = przez internet
coop-channel-paper = na papierze
coop-submitted = złożona
coop-due = termin decyzji
coop-overdue = po terminie
coop-decided-late = decyzja po terminie
coop-appeal-text = Odwołanie
coop-refusal-reasons = Uzasadnienie odmowy
coop-only-for-refusal = (tylko przy odmowie)
coop-admit = Przyjmij: { $name }
coop-refuse = Odmów przyjęcia
coop-appeal-reasons = Uzasadnienie rozstrzygnięcia odwołania
coop-appeal-admit = Uwzględnij odwołanie i przyjmij
coop-appeal-dismiss = Oddal odwołanie
coop-roles-title = Zarząd i rada nadzorcza
coop-no-roles = Nikt nie ma jeszcze roli w organach spółdzielni.
coop-role = Rola
coop-role-board = członek zarządu
coop-role-supervisory_board = członek rady nadzorczej
coop-grant-role = Nadaj rolę
coop-status-pending = czeka na decyzję zarządu
coop-status-admitted = przyjęta
coop-status-refused = odmowa przyjęcia
coop-status-appealed = odwołanie czeka na rozpatrzenie
coop-status-admitted_on_appeal = przyjęta po odwołaniu
coop-status-appeal_dismissed = odwołanie oddalone
coop-status-withdrawn = wycofana
coop-register-total = Członków w rejestrze: { $n }.
coop-register-no-addresses = Statut nie pozwala członkom oglądać adresów innych osób.
coop-register-csv = Pobierz rejestr (CSV)
coop-register-pdf = Pobierz rejestr (PDF)
coop-col-standing = Członkostwo
coop-standing-active = trwa
coop-standing-leaving = w okresie wypowiedzenia
coop-standing-ended = ustało
coop-to-return = Nadpłata do zwrotu
coop-refund-outstanding = Zwrot udziałów do wypłaty
coop-entries-title = Wpisy w rejestrze
coop-ledger-title = Udziały i wpłaty
coop-col-date = Data
coop-col-entry = Wpis
coop-col-reason = Uzasadnienie
coop-col-movement = Operacja
coop-col-amount = Kwota
coop-entry-admitted = przyjęcie w poczet członków
coop-entry-details = imię i nazwisko / nazwa, adres
coop-entry-contribution = wkład
coop-entry-notice_of_exit = wypowiedzenie członkostwa
coop-entry-ended = ustanie członkostwa
coop-entry-correction = korekta wpisu
coop-movement-declared = zadeklarowane udziały
coop-movement-withdrawn = zwrot udziałów dobrowolnych
coop-movement-payment = wpłata na udziały
coop-movement-surplus_to_shares = nadwyżka na poczet udziałów
coop-movement-entry_fee = wpisowe
coop-movement-overpayment = nadpłata do zwrotu
coop-movement-overpayment_returned = zwrot nadpłaty
coop-movement-refund_due = zwrot udziałów należny
coop-movement-refund_paid = zwrot udziałów wypłacony
coop-movement-payment_correction = korekta wpłaty
coop-pay-title = Zapisz wpłatę
coop-pay-purpose = Za co
coop-pay-shares = udziały
coop-pay-amount = Kwota w złotych
coop-pay-amount-hint = Np. 120 albo 120,50 – najwyżej dwie cyfry po przecinku.
coop-pay-date = Data wpłaty
coop-pay-method = Sposób wpłaty
coop-pay-reference = Tytuł lub numer dokumentu
coop-pay-excess = Jeśli wpłata przekracza niewpłacone udziały, zapisz nadwyżkę jako kwotę do zwrotu
coop-pay-submit = Zapisz wpłatę
coop-notice-title = Wypowiedzenie członkostwa
coop-notice-lead = Okres wypowiedzenia wynosi { $months } mies.; członkostwo ustaje następnego dnia po jego upływie.
coop-notice-date = Data wypowiedzenia (z pisma)
coop-notice-submit = Złóż wypowiedzenie
coop-declared = Deklaracja złożona. Zarząd rozpatrzy ją w terminie ze statutu.
coop-decided = Decyzja zapisana.
coop-appealed = Odwołanie złożone.
coop-appeal-decided = Rozstrzygnięcie odwołania zapisane.
coop-role-granted = Rola nadana.
coop-payment-recorded = Wpłata zapisana.
coop-notice-given = Wypowiedzenie zapisane.

coop-investments-title = Wspólne inwestycje i majątek
coop-investments-lead = Członkowie i partnerzy – gmina, firmy, fundacje – wspólnie finansują konkretne przedsięwzięcia. Gotowa inwestycja staje się majątkiem, którego współwłaścicielami są członkowie.
coop-no-investments = Nie ma jeszcze inwestycji.
coop-paid-of-goal = Wpłacono
coop-pledged = Zadeklarowano
coop-milestones = Etapy
coop-milestone-open = w toku
coop-investment-planned = w przygotowaniu
coop-investment-fundraising = zbieramy środki
coop-investment-funded = sfinansowana, w realizacji
coop-investment-completed = zakończona – jest majątkiem spółdzielni
coop-investment-cancelled = odwołana
coop-assets-title = Wspólny majątek
coop-no-assets = Spółdzielnia nie ma jeszcze wspólnego majątku.
coop-asset-name = Nazwa
coop-asset-kind = Rodzaj
coop-asset-location = Miejsce
coop-asset-acquired = Data nabycia
coop-asset-value = Wartość (zł)
coop-asset-valued-on = Wycena z dnia
coop-asset-installation = instalacja
coop-asset-premises = lokal
coop-asset-equipment = wyposażenie
coop-asset-land = grunt
coop-asset-investment = Inwestycja, którą ten majątek kończy
coop-asset-no-investment = żadna
coop-asset-add = Dodaj do majątku
coop-new-asset = Nowy składnik majątku
coop-new-investment = Nowa inwestycja
coop-investment-title = Nazwa inwestycji
coop-investment-summary = Jednym zdaniem
coop-investment-description = Opis
coop-investment-goal = Potrzebna kwota (zł)
coop-investment-milestones = Etapy (po jednym w wierszu)
coop-investment-create = Utwórz inwestycję
coop-pledges-title = Deklaracje wpłat
coop-no-pledges = Nikt jeszcze nie zadeklarował wpłaty.
coop-pledger = Kto
coop-pledger-member = członek spółdzielni
coop-pledge-amount = Zadeklarowano
coop-pledge-paid = Wpłacono
coop-pledge-record = Zapisz wpłatę
coop-pledge-title = Zadeklaruj wpłatę
coop-partner = Partner (gdy wpisuje zarząd, np. gmina)
coop-pledge-submit = Zadeklaruj
coop-investment-created = Inwestycja utworzona.
coop-pledged-ok = Deklaracja wpłaty zapisana.
coop-pledge-paid-ok = Wpłata zapisana.
coop-asset-added = Majątek zapisany.
coop-join-lead = Do spółdzielni dołącza się przez deklarację członkowską. Zobacz, ile kosztuje udział i jak wygląda przystąpienie.
coop-join-link = Jak zostać współwłaścicielem

coop-reports-title = Sprawozdania spółdzielni
coop-reports-link = Sprawozdania: kapitał, członkowie, inwestycje
coop-chart-capital = Kapitał w czasie
coop-chart-declared = Udziały zadeklarowane
coop-chart-paid = Udziały wpłacone
coop-chart-reserve = Wpisowe (fundusz zasobowy)
coop-chart-members = Członkowie w czasie
coop-surplus-title = Podział nadwyżki bilansowej
coop-surplus-link = Nadwyżka bilansowa
coop-surplus-lead = Nadwyżkę dzieli walne zgromadzenie. Najpierw co najmniej 5% trafia do funduszu zasobowego, dopóki nie zrówna się z wpłaconymi udziałami obowiązkowymi; resztę dzieli się według statutu. Część przypadająca członkowi najpierw pokrywa jego niewpłacone udziały.
coop-surplus-heading = Projekt uchwały o podziale nadwyżki za rok { $year }
coop-surplus-draft = To projekt uchwały dla walnego zgromadzenia, wyliczony z zatwierdzonego sprawozdania i rejestru członków.
coop-surplus-none = Nie zatwierdzono jeszcze sprawozdania finansowego.
coop-surplus-approved-on = Data zatwierdzenia sprawozdania
coop-surplus-amount = Nadwyżka bilansowa (zł)
coop-surplus-reserve-before = Fundusz zasobowy na koniec roku (zł)
coop-surplus-obligatory = Wpłacone udziały obowiązkowe
coop-surplus-to-reserve = Na fundusz zasobowy
coop-surplus-to-members = Do podziału między członków
coop-surplus-undivided = Do decyzji walnego zgromadzenia
coop-surplus-rule = Zasada podziału
coop-surplus-rule-interest_on_shares = według wpłaconych udziałów
coop-surplus-rule-by_use = według korzystania ze spółdzielni
coop-surplus-parts = Części członków
coop-surplus-part = Przypada
coop-surplus-part-shares = Na poczet udziałów
coop-surplus-part-payable = Do wypłaty
coop-statements-title = Zatwierdzone sprawozdanie finansowe
coop-statements-year = Rok obrotowy
coop-statements-submit = Zapisz zatwierdzenie
coop-statements-approved = Zatwierdzenie sprawozdania zapisane; zwroty udziałów osób, które wystąpiły w tym roku, są należne.
coop-refund-title = Wypłata zwrotu udziałów
coop-refund-submit = Zapisz wypłatę zwrotu
coop-end-title = Ustanie członkostwa
coop-end-reason = Przyczyna
coop-end-resolution = Uchwała (numer i data)
coop-end-for-exclusion = (przy wykluczeniu)
coop-end-submit = Zapisz ustanie członkostwa
coop-open-title = Rejestracja w KRS
coop-open-lead = Po wpisie do Krajowego Rejestru Sądowego spółdzielnia przechodzi z etapu zakładania do etapu otwartego: mogą dołączać mieszkańcy i lokalne organizacje.
coop-open-date = Data wpisu do KRS
coop-open-submit = Zapisz rejestrację i otwórz spółdzielnię
coop-membership-ended = Ustanie członkostwa zapisane.
coop-refund-paid = Wypłata zwrotu zapisana.
coop-opened = Spółdzielnia jest zarejestrowana i otwarta dla nowych członków.
coop-founding-legend = Spółdzielnia rozwojowa: statut
coop-founding-hint = Tylko dla spółdzielni. Wybierz wzorcowy statut i zostaw tekst pusty – wstawimy wzór z Twoimi wartościami; możesz go potem zmienić nową wersją.
coop-model = Wzorcowy statut
coop-model-own = własny tekst
coop-model-development_with_municipality = Spółdzielnia rozwojowa z gminą jako założycielem
coop-model-energy = Spółdzielnia energetyczna (ustawa o OZE)
coop-document-hint = Dla spółdzielni ze wzorem statutu można zostawić puste.
coop-document-optional = (dla spółdzielni ze wzorem: puste = wzór)
coop-correct-title = Korekta wpisu: imię i nazwisko, adres
coop-correct-lead = Wpisu nie zmienia się: korekta jest nowym wpisem z uzasadnieniem, a poprzedni zostaje w rejestrze.
coop-correct-submit = Dodaj korektę
coop-corrected = Korekta dodana do rejestru.
coop-paper-title = Deklaracja złożona na papierze
coop-paper-lead = Wpisz dane z podpisanej deklaracji i dołącz jej skan. Deklaracja będzie oznaczona jako papierowa.
coop-paper-date = Data na deklaracji
coop-paper-scan = Skan podpisanej deklaracji (PDF, PNG, JPEG lub WebP, do 2 MB)
coop-paper-submit = Wprowadź deklarację
coop-paper-entered = Deklaracja papierowa wprowadzona.
coop-scan-link = Skan podpisanej deklaracji
mail-coop-ended-subject = Ustanie członkostwa w spółdzielni { $coop }
mail-coop-ended-body = Dzień dobry, { $name }!

    Zarząd spółdzielni { $coop } zapisał w rejestrze członków ustanie Twojego członkostwa z dniem { $on } ({ $kind }).
    Uchwała: { $resolution }
    Uzasadnienie: { $reasons }

    Możesz się odwołać na zasadach statutu spółdzielni.
coop-more-shares-title = Udziały dobrowolne
coop-more-shares-lead = Członek może zadeklarować więcej udziałów, w granicach statutu. Zapisz deklarację złożoną na piśmie.
coop-more-shares-field = Liczba dodatkowych udziałów
coop-more-shares-submit = Zapisz deklarację udziałów
coop-shares-declared = Deklaracja udziałów zapisana.
coop-statute-title = Nowa wersja statutu
coop-statute-change-link = Zmień statut i jego ustawienia
coop-statute-lead = Zmiana statutu jest nową wersją: poprzednie wersje i deklaracje złożone pod nimi zostają. Po zmianie statutu spółdzielnia stosuje nowe ustawienia.
coop-statute-settings = Ustawienia statutu
coop-empty-no-limit = (puste: bez ograniczeń)
coop-setting-payment-days = Termin wpłaty udziałów po przyjęciu (dni)
coop-setting-decision-days = Termin decyzji zarządu o deklaracji (dni)
coop-setting-appeal-body = Organ rozpatrujący odwołanie
coop-general-assembly = walne zgromadzenie
coop-setting-appeal-days = Termin na odwołanie (dni)
coop-setting-notice-months = Okres wypowiedzenia (miesiące)
coop-setting-refund-months = Zwrot udziałów po zatwierdzeniu sprawozdania (miesiące)
coop-setting-reserve-percent = Odpis nadwyżki na fundusz zasobowy (%, co najmniej 5)
coop-setting-members-see = Co członkowie widzą w rejestrze
coop-members-see-without_addresses = bez adresów osób fizycznych
coop-members-see-everything = wszystko, z adresami
coop-setting-legal-persons = Członkami mogą być osoby prawne
coop-setting-proxies = Członek może głosować przez pełnomocnika
coop-statute-submit = Opublikuj nową wersję statutu
coop-statute-changed = Nowa wersja statutu opublikowana.
coop-col-contributions = Wkłady (zł)
coop-contribution-title = Wkład
coop-contribution-lead = Wkład inny niż udziały (pieniądze, rzecz wniesiona aportem, praca) zapisuje się w rejestrze z jego rodzajem i wartością.
coop-contribution-kind = Rodzaj wkładu
coop-contribution-kind-hint = Na przykład: pieniężny; aport — falownik 10 kW; praca przy remoncie.
coop-contribution-value = Wartość (zł)
coop-contribution-submit = Zapisz wkład
coop-contribution-recorded = Wkład zapisany w rejestrze.
coop-milestone-reached-on = osiągnięty
coop-milestone-date = Data osiągnięcia (puste: dziś)
coop-milestone-mark = Oznacz jako osiągnięty
coop-milestone-reached = Etap oznaczony jako osiągnięty.
coop-documents-title = Dokumenty
coop-no-documents = Nie dodano jeszcze dokumentów.
coop-document-title = Tytuł dokumentu
coop-document-file = Plik
coop-document-file-hint = PDF, PNG, JPEG lub WebP, do 2 MB.
coop-document-add = Dodaj dokument
coop-document-added = Dokument dodany.
coop-pledge-as = Deklaruję w imieniu
coop-valuation-title = Nowa wycena
coop-valuation-note = Uwagi
coop-valuation-submit = Zapisz wycenę
coop-asset-valued = Wycena zapisana.
letter-coop-signature = Za Zarząd spółdzielni:

    ………………………………………… (podpis)
letter-coop-decision-subject = Decyzja w sprawie deklaracji członkowskiej
letter-coop-ended-subject = Ustanie członkostwa w spółdzielni
letter-coop-appeal-supervisory_board = rady nadzorczej
letter-coop-appeal-general_assembly = walnego zgromadzenia
letter-coop-admitted-body = Uprzejmie informujemy, że Zarząd spółdzielni { $coop } w dniu { $on } przyjął deklarację członkowską złożoną w dniu { $submitted_on }.

    Numer w rejestrze członków: { $number }.
    Zadeklarowane udziały: { $shares }, o łącznej wartości { $value }. Udziały należy wpłacić w terminie określonym w statucie.
letter-coop-refused-body = Uprzejmie informujemy, że Zarząd spółdzielni { $coop } w dniu { $on } odmówił przyjęcia deklaracji członkowskiej złożonej w dniu { $submitted_on }.

    Uzasadnienie: { $reasons }

    Od tej decyzji przysługuje odwołanie do { $appeal_body } w terminie do { $appeal_due } (włącznie). Odwołanie można złożyć na piśmie w siedzibie spółdzielni albo na jej stronie internetowej.
letter-coop-ended-body = Uprzejmie informujemy, że z dniem { $on } ustało członkostwo w spółdzielni { $coop } ({ $kind }).

    Uchwała: { $resolution }
    Uzasadnienie: { $reasons }

    Od uchwały przysługuje odwołanie na zasadach określonych w statucie spółdzielni.
coop-letter-link = Pismo do wydruku (PDF)
letter-coop-appeal-admitted-body = Uprzejmie informujemy, że odwołanie do { $appeal_body } od odmowy przyjęcia deklaracji członkowskiej złożonej w dniu { $submitted_on } zostało rozpatrzone w dniu { $on } i uwzględnione: deklaracja została przyjęta.

    Numer w rejestrze członków: { $number }.
    Zadeklarowane udziały: { $shares }, o łącznej wartości { $value }. Udziały należy wpłacić w terminie określonym w statucie.

    Uzasadnienie: { $reasons }
letter-coop-appeal-dismissed-body = Uprzejmie informujemy, że odwołanie do { $appeal_body } od odmowy przyjęcia deklaracji członkowskiej złożonej w dniu { $submitted_on } zostało rozpatrzone w dniu { $on } i nie zostało uwzględnione.

    Uzasadnienie: { $reasons }
coop-general-assembly-settings = Walne zgromadzenie
coop-fractions-hint = Ułamek, np. 1/2 albo 2/3. Ustawa wymaga co najmniej 2/3 głosów do zmiany statutu i połączenia oraz 3/4 do likwidacji; statut może wymagać więcej.
coop-setting-quorum = Kworum (część uprawnionych do głosowania)
coop-setting-majority-statute = Większość do zmiany statutu
coop-setting-majority-merger = Większość do połączenia
coop-setting-majority-liquidation = Większość do likwidacji
coop-setting-abstentions = Głosy wstrzymujące się liczą się do oddanych głosów
coop-setting-notice-days = Dni na zawiadomienie członków przed walnym zgromadzeniem
coop-setting-agenda-days = Do ilu dni przed zgromadzeniem można uzupełnić porządek obrad po zawiadomieniu
coop-use-title = Korzystanie ze spółdzielni
coop-use-lead = Statut dzieli nadwyżkę według korzystania ze spółdzielni. Wpisz, ile każdy członek skorzystał w danym roku (np. wartość kupionej energii lub usług). Nowy wpis dla tego samego członka i roku zastępuje poprzedni, który zostaje w historii.
coop-use-lines = Członkowie i wartości
coop-use-lines-hint = Jeden członek w wierszu: numer członka, średnik, wartość w złotych, np. 12; 350,00
coop-use-submit = Zapisz korzystanie
coop-use-recorded = Korzystanie ze spółdzielni zapisane.
