## What the body running the site publishes: the accessibility statement and the
## privacy notice, and what a person may see and take away: their own data.

publication-example = To są przykładowe dane. Administrator tej instalacji nie uzupełnił jeszcze ustawień w sekcji [publication] pliku konfiguracyjnego.
privacy-link = Ochrona danych osobowych

## Accessibility statement

a11y-title = Deklaracja dostępności
a11y-intro = zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.
a11y-scope = Deklaracja dostępności dotyczy strony internetowej
a11y-dates = Daty publikacji i aktualizacji
a11y-published = Data publikacji strony internetowej:
a11y-updated = Data ostatniej istotnej aktualizacji:
a11y-status-heading = Status pod względem zgodności z ustawą
a11y-status-before = Strona internetowa jest
a11y-status-full = zgodna
a11y-status-partial = częściowo zgodna
a11y-status-none = niezgodna
a11y-status-after = z ustawą o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych
a11y-status-reasons = z powodu niezgodności lub wyłączeń wymienionych poniżej.
a11y-non-accessible = Treści niedostępne
a11y-none-listed = Podmiot nie wskazał jeszcze treści niedostępnych.
a11y-content = Treść
a11y-reason = Powód
a11y-preparation = Przygotowanie deklaracji dostępności
a11y-prepared = Deklarację sporządzono dnia:
a11y-reviewed = Deklarację ostatnio poddano przeglądowi dnia:
a11y-self-assessment = Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.
a11y-assessed-by = Deklarację sporządzono na podstawie badania przeprowadzonego przez
a11y-features = Ułatwienia na stronie
a11y-feature-skip = Na początku każdej strony jest odnośnik „Przejdź do treści”, który pozwala ominąć menu.
a11y-feature-keyboard = Strona działa bez JavaScriptu; całą można obsłużyć klawiaturą, także standardowymi skrótami przeglądarki.
a11y-feature-zoom = Tekst można powiększyć do 200% bez utraty treści, a układ dopasowuje się do szerokości ekranu.
a11y-feature-languages = Strona jest dostępna po polsku i po angielsku; język zmienia się przyciskiem w nagłówku.
a11y-contact = Informacje zwrotne i dane kontaktowe
a11y-contact-lead = Jeśli masz problem z dostępnością tej strony, skontaktuj się z nami.
a11y-contact-person = Osoba kontaktowa
a11y-contact-email = Adres e-mail
a11y-contact-phone = Telefon
a11y-contact-same = Tą samą drogą można złożyć wniosek o udostępnienie informacji niedostępnej oraz skargę na brak zapewnienia dostępności.
a11y-procedure = Obsługa wniosków i skarg związanych z dostępnością
a11y-procedure-right = Każdy ma prawo zażądać zapewnienia dostępności cyfrowej strony internetowej lub jej elementu. Można też zażądać udostępnienia informacji w inny, alternatywny sposób, na przykład przez odczytanie niedostępnego dokumentu albo opisanie zawartości zdjęcia.
a11y-procedure-request = Żądanie powinno zawierać dane osoby, która je składa, wskazanie strony lub jej elementu, którego dotyczy, oraz sposób kontaktu. Jeśli potrzebujesz informacji w alternatywnej formie, napisz, jaka forma jest dla Ciebie dogodna.
a11y-procedure-deadline = Podmiot publiczny realizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia jego złożenia. Jeśli nie może dotrzymać tego terminu, niezwłocznie informuje o tym osobę, która złożyła żądanie, i podaje, kiedy je zrealizuje — nie później niż w ciągu 2 miesięcy od dnia złożenia żądania. Jeśli zapewnienie dostępności nie jest możliwe, podmiot może zaproponować alternatywny sposób dostępu do informacji.
a11y-procedure-complaint = Jeśli podmiot publiczny odmówi zapewnienia dostępności lub alternatywnego sposobu dostępu do informacji albo nie dotrzyma terminu, osoba, która złożyła żądanie, może złożyć skargę na brak zapewnienia dostępności cyfrowej.
a11y-procedure-ombudsman = Po wyczerpaniu tej procedury można złożyć wniosek do Rzecznika Praw Obywatelskich:
a11y-ombudsman = Rzecznik Praw Obywatelskich
a11y-building = Dostępność architektoniczna
a11y-apps = Aplikacje mobilne
a11y-no-apps = Podmiot nie udostępnia aplikacji mobilnych.

## Privacy notice (art. 13 GDPR)

privacy-title = Informacja o przetwarzaniu danych osobowych
privacy-lead = Zgodnie z art. 13 rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679 (RODO) informujemy, kto i w jakim celu przetwarza Twoje dane osobowe na tej stronie oraz jakie masz prawa.
privacy-controller = Administrator danych
privacy-controller-lead = Administratorem Twoich danych osobowych jest:
privacy-dpo = Inspektor ochrony danych
privacy-dpo-lead = Z inspektorem ochrony danych skontaktujesz się we wszystkich sprawach dotyczących przetwarzania Twoich danych:
privacy-no-dpo = Administrator nie wyznaczył inspektora ochrony danych. W sprawach dotyczących Twoich danych napisz na adres
privacy-purposes = Cele, podstawy prawne i okres przechowywania danych
privacy-col-purpose = Cel i dane
privacy-col-basis = Podstawa prawna
privacy-col-retention = Jak długo przechowujemy dane
privacy-purpose-account = Prowadzenie konta: adres e-mail, imię i nazwisko, miejscowość, skrót hasła i wybrany język.
privacy-basis-account = Art. 6 ust. 1 lit. b RODO: świadczenie usługi drogą elektroniczną, o które prosisz, zakładając konto.
privacy-retention-account = Do usunięcia konta; usunięcie kasuje te dane od razu.
privacy-purpose-listing = Wymienienie Twojego imienia i nazwiska na publicznych listach sojuszników wspólnot.
privacy-basis-listing = Art. 6 ust. 1 lit. a RODO: Twoja zgoda.
privacy-retention-listing = Do wycofania zgody, co możesz zrobić w każdej chwili na stronie „Moje dane”.
privacy-purpose-signatures = Podpisywanie deklaracji i dokumentów założycielskich wspólnot: kto podpisał, w czyim imieniu, którą wersję dokumentu i kiedy.
privacy-basis-signatures = Art. 6 ust. 1 lit. b RODO: przystąpienie do wspólnoty na zasadach jej dokumentu.
privacy-retention-signatures = Przez czas działania wspólnoty, bo podpisy dokumentują, kto do niej przystąpił. Po usunięciu konta Twoje podpisy są wycofywane, a imię i nazwisko usuwane.
privacy-purpose-budget = Budżet obywatelski: zgłaszanie i popieranie projektów oraz deklaracja imienia, nazwiska i adresu (a gdy wymaga tego uchwała rady — numeru PESEL, przechowywanego wyłącznie jako skrót z tajnym kluczem) i rejestr osób, które głosowały, aby każdy głosował tylko raz.
privacy-basis-budget = Art. 6 ust. 1 lit. c i e RODO w związku z art. 5a ustawy o samorządzie gminnym i uchwałą rady w sprawie budżetu obywatelskiego.
privacy-retention-budget = { $years } od zakończenia edycji budżetu.
privacy-purpose-consultations = Konsultacje społeczne (gdy wspólnota ma je włączone): uwagi i odpowiedzi uczestników.
privacy-basis-consultations = Art. 6 ust. 1 lit. e RODO w związku z art. 5a ustawy o samorządzie gminnym.
privacy-retention-consultations = { $years } od zakończenia konsultacji.
privacy-purpose-mail = Wiadomości e-mail związane z kontem i działaniami na platformie: potwierdzenie adresu, zmiana hasła, powiadomienia.
privacy-basis-mail = Art. 6 ust. 1 lit. b RODO.
privacy-retention-mail = Kopie wysłanych wiadomości: { $days }.
privacy-purpose-security = Bezpieczeństwo i rozliczalność: sesje logowania, liczniki nieudanych logowań i dziennik zmian (kto i kiedy coś zmienił).
privacy-basis-security = Art. 6 ust. 1 lit. c RODO w związku z art. 5 ust. 2 i art. 32 RODO.
privacy-retention-security = Sesje: do wylogowania, najdłużej { $sessions }. Liczniki nieudanych logowań: do najbliższego udanego logowania (blokują logowanie najwyżej na { $minutes }). Dziennik zmian: { $years }.
privacy-years = { $count ->
    [one] { $count } rok
    [few] { $count } lata
   *[many] { $count } lat
}
privacy-days = { $count ->
    [one] { $count } dzień
   *[many] { $count } dni
}
privacy-minutes = { $count ->
    [one] { $count } minutę
    [few] { $count } minuty
   *[many] { $count } minut
}
privacy-ballots = Głosowanie w budżecie obywatelskim jest tajne. Karta jest szyfrowana dla komisji wyborczej, zanim zostanie zapisana, a po przeliczeniu głosów przechowywana osobno, bez niczego, co łączyłoby ją z Tobą. Rejestr mówi tylko, że w danej puli oddano Twój głos — nigdy, na co.
privacy-recipients = Odbiorcy danych
privacy-recipients-lead = Twoje dane przetwarzają na zlecenie administratora:
privacy-no-processors = Administrator nie powierza przetwarzania Twoich danych innym podmiotom.
privacy-recipients-law = Dane mogą też otrzymać podmioty uprawnione na podstawie przepisów prawa.
privacy-public = Publiczne są: imiona i nazwiska osób, które zgodziły się na wymienienie na liście sojuszników, nazwy organizacji, które podpisały deklaracje, oraz treść projektów zgłoszonych do budżetu obywatelskiego.
privacy-transfers = Przekazywanie danych poza Europejski Obszar Gospodarczy
privacy-no-transfers = Nie przekazujemy Twoich danych poza Europejski Obszar Gospodarczy.
privacy-rights = Twoje prawa
privacy-rights-lead = Masz prawo do:
privacy-right-access = dostępu do swoich danych i otrzymania ich kopii (art. 15 RODO);
privacy-right-rectification = sprostowania danych (art. 16 RODO);
privacy-right-erasure = usunięcia danych (art. 17 RODO);
privacy-right-restriction = ograniczenia przetwarzania (art. 18 RODO);
privacy-right-portability = przeniesienia danych, które przetwarzamy na podstawie zgody lub umowy (art. 20 RODO);
privacy-right-objection = sprzeciwu wobec przetwarzania na podstawie art. 6 ust. 1 lit. e RODO (art. 21 RODO);
privacy-right-withdraw = wycofania zgody w dowolnym momencie, bez wpływu na zgodność z prawem przetwarzania, którego dokonano przed jej wycofaniem;
privacy-right-complaint = wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa), jeśli uważasz, że przetwarzamy Twoje dane niezgodnie z prawem.
privacy-self-service = Po zalogowaniu część tych praw wykonasz bez pisania do nas:
privacy-self-my-data = przegląd wszystkich Twoich danych, pobranie ich w pliku JSON i wycofanie zgody;
privacy-self-profile = poprawienie danych i usunięcie konta.
privacy-rights-contact = W pozostałych sprawach napisz do administratora albo do inspektora ochrony danych.
privacy-requirement = Czy musisz podać dane
privacy-requirement-text = Podanie danych jest dobrowolne. Bez adresu e-mail oraz imienia i nazwiska nie założysz jednak konta, a bez imienia, nazwiska i adresu nie zagłosujesz w budżecie obywatelskim: tych danych wymaga uchwała rady, aby sprawdzić prawo do głosowania i to, że każdy głosuje raz. Miejscowość i zgoda na wymienienie na liście sojuszników są nieobowiązkowe.
privacy-automated = Zautomatyzowane podejmowanie decyzji
privacy-automated-text = Nie podejmujemy wobec Ciebie decyzji opartych wyłącznie na zautomatyzowanym przetwarzaniu, w tym profilowaniu (art. 22 RODO). Wyniki budżetu obywatelskiego liczy się według reguł ogłoszonych przed głosowaniem i każdy może je przeliczyć sam.
privacy-cookies = Pliki cookie
privacy-cookies-text = Strona zapisuje w przeglądarce tylko pliki cookie niezbędne do działania: sesję logowania (wsp_session), zabezpieczenie formularzy przed podszyciem (wsp_csrf) i wybrany język (wsp_lang). Nie używamy plików cookie do śledzenia ani do statystyk.

## A person's own data

profile-my-data = Moje dane: wszystko, co platforma o Tobie przechowuje, i Twoje zgody
my-data-title = Moje dane
my-data-lead = Tu widzisz wszystko, co platforma przechowuje o Tobie. Tę stronę widzisz tylko Ty.
my-data-download = Pobierz moje dane (JSON)
my-data-ballots = Nie ma tu Twoich kart do głosowania: głosowanie jest tajne, karty są zaszyfrowane dla komisji wyborczej, a po przeliczeniu przechowywane osobno, bez niczego, co łączyłoby je z Tobą.
my-data-privacy-link = Jak i dlaczego przetwarzamy Twoje dane
my-data-account = Konto
my-data-edit-profile = Popraw swoje dane w profilu
my-data-language = Język
my-data-language-pl = polski
my-data-language-en = angielski
my-data-created = Konto założone
my-data-confirmed = Adres e-mail potwierdzony
my-data-platform-admin = Administrator platformy
my-data-yes = tak
my-data-no = nie
my-data-none = Brak.
my-data-consents = Zgody
my-data-consent-list_publicly = Zgoda na wymienienie imienia i nazwiska na publicznych listach sojuszników
my-data-consent-given = udzielona
my-data-consent-not-given = nieudzielona
my-data-consent-withdraw = Wycofaj zgodę
my-data-consent-give = Zgodę wyrazisz lub zmienisz na stronie
my-data-consent-withdrawn = Zgoda wycofana.
my-data-organisations = Organizacje, które reprezentujesz (także w przeszłości)
my-data-spaces = Wspólnoty, którymi administrujesz
my-data-signatures = Podpisy
my-data-proposals = Projekty zgłoszone do budżetu obywatelskiego
my-data-supports = Poparte przez Ciebie projekty
my-data-declarations = Deklaracje do głosowania w budżecie obywatelskim
my-data-register = Rejestr głosujących
my-data-register-lead = Rejestr mówi tylko, że w danej puli oddano Twój głos i którą drogą — nigdy, na co.
my-data-official = Edycje budżetu, w których weryfikujesz projekty
my-data-sessions = Sesje logowania
my-data-sessions-count = { $count ->
    [one] { $count } sesja
    [few] { $count } sesje
   *[many] { $count } sesji
}
my-data-links = Linki wysłane e-mailem
my-data-mail = Wiadomości e-mail do Ciebie
my-data-failed-logins = Nieudane logowania
my-data-failed-logins-count = { $count ->
    [one] Zapisaliśmy { $count } nieudane logowanie na Twój adres; liczniki znikają po udanym logowaniu.
    [few] Zapisaliśmy { $count } nieudane logowania na Twój adres; liczniki znikają po udanym logowaniu.
   *[many] Zapisaliśmy { $count } nieudanych logowań na Twój adres; liczniki znikają po udanym logowaniu.
}
my-data-actions = Twoje działania w dzienniku zmian
my-data-actions-more = Pokazujemy { $shown } najnowszych z { $total } wpisów; wszystkie są w pliku JSON.
my-data-col-organisation = Organizacja
my-data-col-role = Rola
my-data-col-from = Od
my-data-col-until = Do
my-data-col-space = Wspólnota
my-data-col-document = Dokument
my-data-col-on-behalf = W czyim imieniu
my-data-col-signed-as = Podpisano jako
my-data-col-status = Stan
my-data-col-signed-at = Podpisano
my-data-col-ended-at = Zakończono
my-data-col-round = Edycja
my-data-col-title = Tytuł
my-data-col-cost = Koszt
my-data-col-submitted = Zgłoszono
my-data-col-address = Adres
my-data-col-district = Okręg
my-data-col-pool = Pula
my-data-col-channel = Sposób oddania głosu
my-data-col-started = Rozpoczęta
my-data-col-expires = Wygasa
my-data-col-purpose = Cel
my-data-col-valid-until = Ważny do
my-data-col-used = Użyty
my-data-col-subject = Temat
my-data-col-queued = Zapisano
my-data-col-sent = Wysłano
my-data-col-when = Kiedy
my-data-col-action = Co
my-data-col-where = Gdzie
my-data-col-before = Przed
my-data-col-after = Po
my-data-document-version = { $title }, wersja { $version }
my-data-own-name = we własnym imieniu
my-data-channel-account = przez konto
my-data-channel-desk_code = kodem wydanym w punkcie
my-data-channel-bulk_code = kodem z puli wydrukowanej przed głosowaniem
my-data-channel-paper = na papierze
my-data-vote-counted = głos ważny
my-data-vote-void = głos unieważniony, bo ta sama osoba głosowała więcej niż raz
my-data-link-confirm = potwierdzenie adresu e-mail
my-data-link-reset = zmiana hasła
