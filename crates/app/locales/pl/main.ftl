site-name = Wspólnota
site-tagline = Wspólne instytucje miast w transformacji: spółdzielnie rozwojowe, koalicje, sieci miast i ruchy miejskie.
skip-to-content = Przejdź do treści
nav-main = Menu główne
nav-spaces = Wspólnoty
nav-organisations = Organizacje
nav-login = Zaloguj się
nav-signup = Załóż konto
nav-logout = Wyloguj się
nav-profile = Mój profil
nav-outbox = Skrzynka wiadomości
language-switch = Język
language-switch-button = Zmień język
footer-text = Wspólnota — oprogramowanie otwarte. Strona działa bez JavaScriptu.

home-title = Wspólne instytucje naszych miast
home-lead = Tu mieszkańcy, organizacje i samorządy razem prowadzą spółdzielnie rozwojowe, koalicje, sieci miast i ruchy miejskie.
home-spaces = Wspólnoty na platformie

kind-development_cooperative = Spółdzielnia rozwojowa
kind-coalition = Koalicja
kind-city_network = Sieć miast
kind-city = Miasto
kind-movement = Ruch miejski / kongres

org-kind-municipality = Gmina
org-kind-public_institution = Instytucja publiczna
org-kind-ngo = Organizacja pozarządowa
org-kind-cooperative = Spółdzielnia
org-kind-company = Firma
org-kind-informal_group = Grupa nieformalna
org-kind-person = Osoby prywatne

space-members = { $count ->
    [one] { $count } członek
    [few] { $count } członków
   *[many] { $count } członków
}
space-document = Dokument założycielski
space-document-version = Wersja { $version }, opublikowana { $date }
space-document-hash = Odcisk tekstu (SHA-256)
space-document-history = Wszystkie wersje dokumentu
space-allies = Lista sojuszników
space-sign-title = Dołącz
space-sign-lead = Podpisując, przystępujesz do wspólnoty na zasadach powyższego dokumentu (wersja { $version }).
space-sign-as = Podpisuję
space-sign-self = we własnym imieniu
space-sign-org = w imieniu organizacji: { $org }
space-sign-submit = Podpisuję deklarację
space-sign-login = Zaloguj się, aby podpisać
space-requires-approval = Przystąpienie wymaga zgody administratorów wspólnoty.
space-your-signatures = Twoje podpisy
space-withdraw = Wycofaj podpis
space-admin = Administracja
space-audit = Dziennik zmian
space-pending = Podpisy czekające na decyzję
space-approve = Zatwierdź
space-reject = Odrzuć
space-no-pending = Nie ma podpisów czekających na decyzję.
space-new-version = Nowa wersja dokumentu
space-publish = Opublikuj nową wersję
space-signed-ok = Dziękujemy! Twój podpis został zapisany.
space-signed-pending = Dziękujemy! Podpis czeka na zatwierdzenie przez administratorów.
space-withdrawn-ok = Podpis wycofany. Historia zostaje zachowana.
space-decided-ok = Decyzja zapisana.
space-published-ok = Nowa wersja dokumentu została opublikowana.
space-modules = Moduły wspólnoty
space-modules-lead = Włączone moduły widać na stronie wspólnoty. Wyłączony moduł znika z nawigacji, a jego strony przestają być dostępne; jego dane zostają zachowane.
space-modules-legend = Moduły włączone w tej wspólnocie
space-modules-save = Zapisz moduły
space-modules-saved = Moduły wspólnoty zostały zapisane.
module-budget = Budżet obywatelski
module-budget-about = Edycje budżetu: zgłaszanie projektów, weryfikacja, głosowanie i wyniki.

status-pending = czeka na zatwierdzenie
status-active = aktywny
status-rejected = odrzucony
status-withdrawn = wycofany
signed-for = za: { $org }
signed-self = we własnym imieniu

allies-title = Sojusznicy: { $space }
allies-filter = Pokaż
allies-filter-all = Wszyscy
allies-filter-submit = Filtruj
allies-count = Razem na liście: { $count }
allies-unlisted = Oraz { $count } osób, które podpisały, ale nie chcą być wymienione z nazwiska.
allies-empty = Nikt jeszcze nie jest na tej liście.
allies-name = Nazwa
allies-kind = Rodzaj
allies-city = Miejscowość
allies-since = Od

audit-title = Dziennik zmian: { $space }
audit-when = Kiedy
audit-who = Kto
audit-what = Co
audit-before = Przed
audit-after = Po

signup-title = Załóż konto
signup-lead = Po założeniu konta wyślemy Ci e-mail z linkiem potwierdzającym adres.
signup-submit = Załóż konto
signup-done = Konto założone. Sprawdź skrzynkę e-mail i kliknij link potwierdzający.
field-email = Adres e-mail
field-password = Hasło
field-password-hint = Co najmniej 10 znaków.
field-new-password = Nowe hasło
field-display-name = Imię i nazwisko
field-city = Miejscowość
field-list-publicly = Zgadzam się na wymienienie mojego imienia i nazwiska na publicznych listach sojuszników.
field-optional = (nieobowiązkowe)
field-name = Nazwa
field-kind = Rodzaj
field-krs = Numer KRS
field-nip = NIP
field-regon = REGON
field-role = Rola
field-title = Tytuł
field-text = Treść (Markdown)

login-title = Logowanie
login-submit = Zaloguj się
login-forgot = Nie pamiętasz hasła?
logout-done = Wylogowano.
confirm-done = Adres e-mail potwierdzony. Możesz się zalogować.
confirm-title = Potwierdzenie adresu e-mail
confirm-lead = Kliknij przycisk, aby potwierdzić, że ten adres e-mail należy do Ciebie.
confirm-submit = Potwierdzam adres e-mail
reset-title = Nowe hasło
reset-request-lead = Podaj adres e-mail konta. Jeśli konto istnieje, wyślemy link do ustawienia nowego hasła.
reset-request-submit = Wyślij link
reset-request-done = Jeśli konto z tym adresem istnieje, wysłaliśmy na niego link. Link jest ważny godzinę.
reset-submit = Ustaw nowe hasło
reset-done = Hasło zmienione. Zaloguj się nowym hasłem.

profile-title = Mój profil
profile-save = Zapisz
profile-saved = Zapisano.
profile-orgs = Organizacje, w których imieniu działasz
profile-no-orgs = Nie działasz jeszcze w imieniu żadnej organizacji.
profile-delete-title = Usuń konto
profile-delete-lead = Usuniemy Twoje dane osobowe. Podpisy złożone w imieniu organizacji pozostaną, przypisane do organizacji. Podaj hasło, aby potwierdzić.
profile-delete-submit = Usuń konto na zawsze
profile-deleted = Konto usunięte.
role-admin = administrator
role-representative = reprezentant

orgs-title = Organizacje
orgs-new = Zarejestruj organizację
orgs-new-lead = Organizacja to osoba prawna albo grupa nieformalna. Numery KRS, NIP i REGON są nieobowiązkowe; sprawdzamy ich sumy kontrolne.
orgs-create = Zarejestruj
orgs-created = Organizacja zarejestrowana. Jesteś jej administratorem.
orgs-representatives = Reprezentanci
orgs-grant = Zaproś reprezentanta
orgs-grant-lead = Wyślemy zaproszenie na podany adres e-mail. Osoba przyjmie je po zalogowaniu na konto z tym adresem (albo po jego założeniu).
orgs-grant-submit = Wyślij zaproszenie
orgs-revoke = Odbierz uprawnienia
orgs-granted = Zaproszenie wysłane. Osoba zostanie reprezentantem, gdy je przyjmie.
orgs-invitations = Zaproszenia czekające na odpowiedź
orgs-invitation-expires = ważne do
orgs-invite-title = Zaproszenie do reprezentowania organizacji
orgs-invite-lead = Organizacja „{ $org }” zaprasza Cię do działania w jej imieniu w roli: { $role }.
orgs-invite-accept = Przyjmuję zaproszenie
orgs-invite-login = Zaloguj się na konto z adresem, na który przyszło zaproszenie, i otwórz link ponownie.
orgs-invite-accepted = Zaproszenie przyjęte. Możesz działać w imieniu organizacji.
error-org-invitation_invalid = To zaproszenie nie istnieje.
error-org-invitation_used = To zaproszenie zostało już przyjęte.
error-org-invitation_expired = To zaproszenie wygasło. Poproś o nowe.
error-org-invitation_for_another = To zaproszenie jest dla innego adresu e-mail. Zaloguj się na konto z tym adresem (potwierdzonym).
orgs-revoked = Uprawnienia odebrane.
orgs-empty = Nie ma jeszcze organizacji.

outbox-title = Skrzynka wiadomości
outbox-lead = Wiadomości e-mail, które platforma wysłała lub wyśle. Bez skonfigurowanego SMTP zostają tutaj. Tajne części linków (potwierdzenie adresu, nowe hasło) są ukryte.
outbox-to = Do
outbox-subject = Temat
outbox-when = Kiedy
outbox-sent = wysłana
outbox-queued = w kolejce
outbox-failed = nie wysłano (porzucona)
outbox-attempts = próby
outbox-last-error = ostatni błąd
outbox-queued-count = W kolejce
outbox-failed-count = Niewysłane
outbox-empty = Skrzynka jest pusta.

error-title = Coś poszło nie tak
error-back = Wróć na stronę główną
form-errors = Popraw zaznaczone pola.
error-field = Błąd:

error-input-required = To pole jest wymagane.
error-input-too_long = Tekst jest za długi.
error-input-too_short = Tekst jest za krótki.
error-input-invalid_email = To nie wygląda na adres e-mail.
error-input-invalid_slug = Adres może zawierać tylko małe litery, cyfry i łączniki.
error-input-unknown_kind = Nieznany rodzaj.
error-input-file_type = Plik musi być w formacie PDF, PNG, JPEG lub WebP.
error-input-file_too_large = Plik jest za duży (najwyżej 2 MB).
error-org-invalid_nip = Nieprawidłowy NIP (zła suma kontrolna albo liczba cyfr).
error-org-invalid_regon = Nieprawidłowy REGON (zła suma kontrolna albo liczba cyfr).
error-org-invalid_krs = Numer KRS to 10 cyfr.
error-not_found = Nie znaleziono takiej strony ani zasobu.
error-auth-login_required = Zaloguj się, aby to zrobić.
error-auth-forbidden = Nie masz uprawnień, aby to zrobić.
error-auth-rate_limited = Za dużo prób w krótkim czasie. Odczekaj chwilę i spróbuj ponownie; na urządzeniu, na którym już się logowano, logowanie nadal działa.
error-auth-csrf = Formularz wygasł albo nie pochodzi z tej strony. Odśwież stronę i spróbuj ponownie.
error-service-unavailable = Baza danych jest chwilowo niedostępna. Spróbuj za chwilę.
error-service-busy = Serwer sprawdza teraz wiele haseł naraz. Spróbuj ponownie za chwilę.
error-service-internal = Wystąpił błąd po naszej stronie. Spróbuj ponownie.
error-account-bad_credentials = Nieprawidłowy e-mail lub hasło.
error-account-unconfirmed = Najpierw potwierdź adres e-mail linkiem z wiadomości.
error-account-wrong_password = Nieprawidłowe hasło.
error-token-invalid = Ten link jest nieprawidłowy.
error-token-expired = Ten link wygasł. Poproś o nowy.
error-token-used = Ten link został już użyty.
error-signature-already_signed = Ta deklaracja jest już podpisana (przez Ciebie albo w imieniu tej organizacji).
error-signature-no_document = Ta wspólnota nie ma jeszcze dokumentu do podpisania.
error-signature-not_pending = Ten podpis nie czeka już na decyzję.
error-signature-not_standing = Ten podpis nie jest już ważny.
error-org-unknown_person = Nie ma konta z takim adresem e-mail.
error-org-last_admin = Organizacja musi mieć co najmniej jednego administratora.
error-space-slug_taken = Ten adres wspólnoty jest już zajęty.
error-module-unknown = Nie ma takiego modułu.
error-space-join_by_declaration = Do spółdzielni przystępuje się przez deklarację członkowską, którą rozpatruje zarząd – złóż ją na stronie spółdzielni.
error-request-malformed = Nieprawidłowe żądanie.
error-request-bad_page = Nieprawidłowy numer strony lub rozmiar strony: podaj liczby całkowite, strona od 1, na stronie od 1 do 200.

mail-confirm-subject = Potwierdź adres e-mail w serwisie Wspólnota
mail-confirm-body = Dzień dobry, { $name }!

    Aby potwierdzić adres e-mail, otwórz link:
    { $link }

    Link jest ważny 7 dni. Jeśli to nie Ty zakładasz konto, zignoruj tę wiadomość.
mail-reset-subject = Nowe hasło w serwisie Wspólnota
mail-reset-body = Dzień dobry, { $name }!

    Aby ustawić nowe hasło, otwórz link:
    { $link }

    Link jest ważny godzinę i działa raz. Jeśli to nie Ty prosisz o zmianę, zignoruj tę wiadomość.

mail-invite-subject = Zaproszenie do reprezentowania: { $org }
mail-invite-body = Dzień dobry!

    Zapraszamy Cię do działania w serwisie Wspólnota w imieniu organizacji „{ $org }” (rola: { $role }).
    Aby przyjąć zaproszenie, zaloguj się na konto z tym adresem e-mail (albo je załóż) i otwórz link:
    { $link }

    Zaproszenie jest ważne 14 dni. Jeśli nie spodziewasz się go, zignoruj tę wiadomość.
mail-known-subject = Ktoś próbował założyć konto na Twój adres
mail-known-body = Dzień dobry, { $name }!

    Ktoś (może Ty) próbował założyć w serwisie Wspólnota konto na ten adres e-mail, ale konto z tym adresem już istnieje.
    Aby się zalogować, otwórz: { $login }
    Jeśli nie pamiętasz hasła, ustaw nowe: { $reset }

    Jeśli to nie Ty, zignoruj tę wiadomość; nic się nie zmieniło.

spaces-new = Nowa wspólnota
spaces-new-lead = Wspólnota to jedna instytucja: spółdzielnia rozwojowa, koalicja, sieć miast albo ruch miejski. Dokument założycielski (statut albo deklaracja współpracy) można później publikować w nowych wersjach.
spaces-create = Utwórz wspólnotę
spaces-created = Wspólnota utworzona. Jesteś jej administratorem.
field-slug = Adres w sieci
field-slug-hint = Małe litery, cyfry i łączniki; puste — utworzymy z nazwy.
field-region = Region
field-description = Opis (Markdown)
field-requires-approval = Przystąpienie wymaga zgody administratorów
field-document-title = Tytuł dokumentu założycielskiego

error-budget-calendar_out_of_order = Daty etapów muszą następować po sobie.
error-budget-phase_backwards = Edycja może przejść tylko do późniejszego etapu.
error-budget-ballot_empty = Karta do głosowania jest pusta.
error-budget-ballot_too_many = Wybrano więcej projektów, niż pozwala karta.
error-budget-ballot_too_few = Wybrano mniej projektów, niż wymaga karta.
error-budget-ballot_unknown_project = Na karcie nie ma takiego projektu.
error-budget-ballot_duplicate = Ten sam projekt wybrano dwa razy.
error-budget-ballot_too_many_points = Rozdano więcej punktów, niż pozwala karta.
error-budget-ballot_zero_points = Każdy wybrany projekt musi dostać co najmniej jeden punkt.
error-budget-ballot_settings = Ustawienia karty do głosowania są nieprawidłowe.
error-budget-cost_required = Kosztorys musi mieć co najmniej jedną pozycję.
error-budget-cost_not_positive = Każda pozycja kosztorysu musi być większa od zera.
error-budget-cost_too_many_items = Kosztorys ma za dużo pozycji.
error-budget-cost_too_large = Koszt jest za duży.
error-budget-proposal_wrong_state = Na tym etapie nie można tego zrobić z tym projektem.
error-budget-bad_settings = Ustawienia edycji są nieprawidłowe.
error-budget-wrong_phase = Na tym etapie edycji nie można tego zrobić.
error-budget-pool_budget = Pula musi mieć budżet większy od zera.
error-budget-unknown_pool = W tej edycji nie ma takiej puli.
error-budget-already_supported = Ten projekt został już przez Ciebie poparty.
error-budget-not_enough_supports = Projekt nie zebrał wymaganej liczby podpisów poparcia.
error-budget-appeal_too_late = Termin na odwołanie minął.
error-budget-voting_closed = Głosowanie nie jest teraz otwarte.
error-budget-not_a_resident = Najpierw podaj adres zamieszkania w mieście.
error-budget-already_voted = W tej puli oddano już Twój głos.
error-budget-change_not_allowed = W tej edycji nie można zmienić oddanego głosu.
error-budget-unknown_receipt = Nie znaleziono karty o tym kodzie potwierdzenia.

budget-rounds-title = Budżet obywatelski
budget-no-rounds = Nie ma jeszcze żadnej edycji.
budget-new-round = Nowa edycja
budget-create-round = Utwórz edycję
budget-round-created = Edycja utworzona. Dodaj pule i osoby weryfikujące.
budget-field-supports = Wymagana liczba podpisów poparcia
budget-field-appeal-days = Dni na odwołanie
budget-field-allow-change = Głosujący mogą zmienić oddany głos do końca głosowania
budget-phase-preparation = Przygotowanie
budget-phase-submission = Zgłaszanie projektów
budget-phase-verification = Weryfikacja
budget-phase-appeals = Odwołania
budget-phase-voting = Głosowanie
budget-phase-results = Wyniki
budget-phase-now = Etap
budget-phase-advanced = Edycja przeszła do następnego etapu.
budget-advance = Przejdź do etapu
budget-manage = Zarządzanie edycją
budget-add-pool = Dodaj pulę
budget-pool-added = Pula dodana.
budget-add-official = Dodaj osobę weryfikującą
budget-official-added = Osoba weryfikująca dodana.
budget-pool-budget = Budżet puli
budget-field-ballot = Karta do głosowania
budget-kind-approval = Zaznacz kilka projektów
budget-kind-points = Rozdaj punkty
budget-kind-ranked = Uszereguj projekty
budget-field-max = Najwięcej projektów (albo punktów do rozdania)
budget-field-min = Co najmniej projektów
budget-field-ranked-points = Punkty za kolejne miejsca (np. 3,2,1)
budget-field-rule = Sposób liczenia
budget-field-min-votes = Najmniej głosów, by projekt mógł wygrać
budget-ballot-approval = zaznacz od { $min } do { $max } projektów
budget-ballot-choose-1 = wybierz jeden projekt
budget-ballot-points = rozdaj { $total } punktów, także wszystkie jednemu projektowi
budget-ballot-ranked = uszereguj projekty; kolejne miejsca dostają { $points } pkt
budget-rule-greedy = większością głosów: projekty od najpopularniejszego, dopóki starcza pieniędzy
budget-rule-greedy-min = większością głosów, co najmniej { $min } głosów na projekt
budget-rule-mes = metodą równych udziałów (każdy głosujący ma równą część budżetu)
budget-no-proposals = Nie ma jeszcze projektów w tej puli.
budget-submit-proposal = Zgłoś projekt
budget-submit-lead = Opisz pomysł i oszacuj koszt. Do końca zgłaszania możesz projekt poprawiać.
budget-back-to-round = Wróć do edycji
budget-field-pool = Pula
budget-field-description = Opis (Markdown)
budget-field-place = Miejsce
budget-cost-estimate = Kosztorys
budget-cost-hint = Każda pozycja: nazwa i kwota w złotych (np. 12 500,00). Koszt to suma pozycji.
budget-item-label = Pozycja
budget-item-amount = Kwota
budget-submit = Zgłoś projekt
budget-proposal-submitted = Projekt zgłoszony. Dziękujemy!
budget-status = Stan
budget-status-submitted = zgłoszony
budget-status-withdrawn = wycofany
budget-status-accepted = dopuszczony do głosowania
budget-status-rejected = odrzucony
budget-status-appealed = odwołanie w toku
budget-supports = { $count ->
    [one] { $count } podpis poparcia
    [few] { $count } podpisy poparcia
   *[many] { $count } podpisów poparcia
}
budget-support = Popieram ten projekt
budget-supported = Poparcie zapisane.
budget-cost-author = Koszt według autora
budget-cost-verified = Koszt po weryfikacji
budget-cost-justification = Uzasadnienie zmiany kosztu
budget-verification = Wynik weryfikacji
budget-verify = Weryfikacja
budget-field-reason = Uzasadnienie
budget-field-verified-cost = Zmieniony koszt (puste = bez zmian)
budget-accept = Ocena pozytywna
budget-reject = Ocena negatywna
budget-proposal-verified = Ocena zapisana.
budget-appeal = Odwołanie
budget-field-appeal = Treść odwołania
budget-lodge-appeal = Złóż odwołanie
budget-appeal-lodged = Odwołanie złożone.
budget-decide-appeal = Rozstrzygnięcie odwołania
budget-uphold = Uwzględnij
budget-dismiss = Oddal
budget-appeal-upheld = Odwołanie uwzględnione
budget-appeal-dismissed = Odwołanie oddalone
budget-appeal-decided = Rozstrzygnięcie zapisane.
budget-withdraw = Wycofaj projekt
budget-proposal-withdrawn = Projekt wycofany.
budget-go-vote = Głosuj
budget-vote-title = Głosowanie
budget-login-to-vote = Zaloguj się, aby głosować
budget-address-title = Twój adres
budget-address-lead = Głosować mogą mieszkańcy miasta. Podaj imię, nazwisko i adres tak, jak na karcie do głosowania: po nich rozpoznajemy, że każdy głosuje raz, kontem, kodem czy na papierze.
budget-field-address = Adres zamieszkania
budget-save-address = Zapisz adres
budget-address-saved = Adres zapisany. Możesz głosować.
budget-rank = Miejsce
budget-cast = Oddaj głos
budget-voted = Głos oddany. Dziękujemy!
budget-receipt-lead = Kod potwierdzenia Twojego głosu w puli
budget-receipt-keep = Zapisz go: tylko Ty go znasz. Po liczeniu głosów sprawdzisz nim, że Twój głos został policzony, a jeśli edycja na to pozwala, tym kodem zmienisz głos przed końcem głosowania.
budget-already-voted = Twój głos w tej puli został oddany.
budget-change-lead = Twój głos w tej puli został oddany. Do końca głosowania możesz go zmienić, podając kod potwierdzenia.
budget-field-receipt = Kod potwierdzenia
budget-change-ballot = Zmień głos
budget-ballot-changed = Głos zmieniony.
budget-see-results = Zobacz wyniki
budget-results-title = Wyniki: { $round }
budget-compute = Policz wyniki
budget-results-computed = Wyniki policzone i zapisane.
budget-not-computed = Wyniki tej puli nie zostały jeszcze policzone.
budget-spent = Wydane
budget-turnout = { $count ->
    [one] { $count } głosujący
    [few] { $count } głosujących
   *[many] { $count } głosujących
}
budget-chart-title = Głosy na projekty w puli { $pool }
budget-project = Projekt
budget-votes = Głosy
budget-outcome = Wynik
budget-why = Dlaczego
budget-funded = wybrany
budget-not-funded = niewybrany
budget-download-pb = Pobierz głosy (.pb, do przeliczenia dowolnym narzędziem)
budget-download-csv = Pobierz wyniki (CSV)
nav-budget = Budżet obywatelski
error-budget-import_unreadable = Plik .pb nie daje się odczytać.
error-budget-import_unsupported = Tego rodzaju głosowania nie da się zaimportować.
budget-table = Tabela wyników
error-budget-unknown_code = Nie ma takiego kodu do głosowania w tej edycji.
budget-code-lead = Nie masz konta? Zagłosuj kodem z kartki otrzymanej w urzędzie: wpisz go przy każdej puli.
budget-field-code = Kod do głosowania (z kartki)
error-budget-paper_same_staff = Drugi raz tę kartę musi wprowadzić inna osoba.
error-budget-paper_already_entered = Ta karta została już wprowadzona dwa razy.
error-budget-paper_not_mismatch = Ta karta nie czeka na rozstrzygnięcie.
budget-paper-title = Karty papierowe
budget-paper-lead = Każdą kartę wprowadzają dwie różne osoby. Karta liczy się, gdy oba wpisy się zgadzają; rozbieżności rozstrzyga administrator, patrząc na kartę.
budget-paper-sheet = Numer karty
budget-paper-enter = Wprowadź kartę
budget-paper-sheets = Wprowadzone karty
budget-paper-resolve = Rozstrzygnij kartę
budget-paper-pending = wprowadzona raz, czeka na drugi wpis
budget-paper-counted = zgodna, policzona
budget-paper-mismatch = rozbieżna, niepoliczona
budget-paper-resolved = rozstrzygnięta, policzona
budget-paper-entered-once = Karta wprowadzona. Teraz druga osoba wprowadza ją jeszcze raz.
budget-paper-entered-counted = Oba wpisy się zgadzają: karta policzona.
budget-paper-entered-mismatch = Wpisy się różnią: karta oznaczona do rozstrzygnięcia i niepoliczona.
budget-paper-link = Karty papierowe
budget-meter-projects = Wybrano %n z %max
budget-meter-points = Rozdano %n z %max punktów
budget-meter-money = wybrane projekty: %cost z budżetu %budget
budget-why-funded = wybrany jako { $position }. w kolejności (liczba głosów: { $score }); kosztuje { $cost }, potem zostało { $left }
budget-why-skipped = pominięty: kosztuje { $cost }, a zostało tylko { $left } (liczba głosów: { $score })
budget-why-did-not-fit = nie zmieścił się: kosztuje { $cost }, zostało { $left } (liczba głosów: { $score }); tu liczenie się kończy
budget-why-not-reached = niewybrany (liczba głosów: { $score }): liczenie zakończyło się wcześniej
budget-why-below-threshold = poniżej progu: liczba głosów { $score }, wymagane co najmniej { $threshold }
error-budget-image_too_large = Zdjęcie jest za duże (najwyżej 2 MB).
error-budget-image_type = Dodaj zdjęcie w formacie PNG, JPEG albo WebP.
error-budget-image_too_many = Ten projekt ma już tyle zdjęć, ile może mieć.
error-budget-too_many_proposals = W tej edycji zgłoszono już z tego konta tyle projektów, ile jedna osoba może zgłosić.
budget-images = Zdjęcia
budget-add-image = Dodaj zdjęcie
budget-field-image = Plik (PNG, JPEG albo WebP, do 2 MB)
budget-field-alt = Opis zdjęcia dla osób, które go nie widzą
budget-image-added = Zdjęcie dodane.
error-budget-unknown_district = Wybierz dzielnicę z listy.
budget-field-districts = Dzielnice (po jednej w wierszu; nieobowiązkowe — do frekwencji według dzielnic)
budget-field-district = Dzielnica
budget-turnout-districts = Frekwencja według dzielnic
budget-district-unknown = bez dzielnicy (kody, karty papierowe)
budget-voters = Głosujący
budget-edit-proposal = Popraw projekt
budget-save-proposal = Zapisz zmiany
budget-proposal-saved = Zmiany zapisane.
budget-why-shares-funded = wybrany w { $round }. rundzie: { $payers } popierających zapłaciło { $cost } ze swoich równych udziałów, nikt więcej niż { $max }
budget-why-shares-free = wybrany: nic nie kosztuje i ma poparcie
budget-why-shares-not-funded = niewybrany metodą równych udziałów: jego { $supporters } popierającym zostało tylko { $left } z udziałów, a kosztuje { $cost }
budget-why-no-supporters = niewybrany: nikt na niego nie zagłosował
budget-why-completed = { $first }; potem uzupełnienie większością głosów: { $then }
budget-codes-title = Kody do głosowania
budget-codes-lead = Dla mieszkańców bez konta: każdy kod pozwala oddać jeden głos w każdej puli tej edycji. Wydrukuj je od razu — pokażemy je tylko raz.
budget-codes-count = Ile kodów
budget-codes-issue = Wydaj kody
budget-codes-once = Kody są widoczne tylko teraz: wydrukuj tę stronę. Przechowujemy wyłącznie ich odciski, więc zgubionego kodu nie da się odtworzyć.

pager-label = Strony listy
pager-prev = Poprzednia strona
pager-next = Następna strona
pager-current = Strona { $page }
pager-beyond = Na tej stronie nie ma już pozycji.
pager-first = Wróć do pierwszej strony
