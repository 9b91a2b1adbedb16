# Tajność głosowania, komisja wyborcza, rejestr głosujących, karty papierowe i liczenie.

budget-phase-counting = Liczenie głosów
budget-field-voting-ends = Koniec głosowania (początek liczenia)
budget-field-name = Imię i nazwisko
budget-field-pesel = PESEL
budget-field-identification = Jak rozpoznajemy głosujących
budget-identification-name_address = Imię, nazwisko i adres
budget-identification-pesel = PESEL (tylko gdy wymaga go uchwała rady)
budget-field-duplicates = Gdy ktoś zagłosuje dwa razy
budget-duplicates-first_counts = Liczy się pierwszy głos, późniejszy jest nieważny
budget-duplicates-all_void = Wszystkie głosy tej osoby są nieważne
budget-field-receipts = Potwierdzenia głosów
budget-receipts-hint = Publikowanie potwierdzeń obok wyborów pozwala każdemu sprawdzić swój głos, ale też pokazać go komuś, kto za głos płaci. Bezpieczniej publikować je osobno.
budget-receipts-inclusion = Osobno: każdy sprawdzi, że jego głos policzono (bezpieczniej)
budget-receipts-with_choices = Obok wyborów: każdy sprawdzi, jak policzono jego głos
budget-field-min-public = Najmniej głosujących, by opublikować karty i frekwencję dzielnicy

budget-committee-title = Komisja wyborcza
budget-committee-explain = Głosy są zapieczętowane kluczem komisji: nikt, także administrator bazy danych, nie odczyta ich przed liczeniem. Serwer zna tylko publiczną część klucza. Prywatną dzielimy na części dla członków komisji; do policzenia głosów potrzeba ich tylu, ile ustalicie.
budget-committee-members = Liczba członków komisji
budget-committee-threshold = Ilu członków potrzeba do policzenia głosów
budget-committee-public-key = Albo klucz publiczny przygotowany przez komisję (wspolnota budget keygen)
budget-committee-create = Utwórz klucz komisji
budget-committee-set = Klucz komisji ustawiony, odcisk:
budget-committee-once = Pokazujemy te części tylko raz i nie zapisujemy ich. Wydrukuj je teraz i przekaż każdemu członkowi komisji jego część.
budget-committee-lead = Komisja liczy { $members } os.; do policzenia głosów potrzeba { $threshold } części.
budget-committee-fingerprint = Odcisk klucza (sprawdź, że jest taki sam na każdej części)
budget-committee-member = Członek komisji
budget-committee-key-saved = Klucz komisji zapisany.

budget-codes-issued = Wydane kody: { $bulk } hurtem przed głosowaniem, { $desk } w punktach obsługi.
budget-desk-title = Punkt obsługi: kod dla osoby bez konta
budget-desk-lead = Sprawdź tożsamość, wpisz dane z dokumentu i wydaj kod. Kod głosuje jako ta osoba, więc nie zagłosuje ona drugi raz kontem ani na papierze. Zapisujemy, kto i komu wydał kod — samego kodu nie.
budget-desk-person = Osoba (jak w dokumencie tożsamości)
budget-desk-issue = Wydaj kod
budget-desk-issued = Kod wydany.
budget-desk-code-lead = Kod dla tej osoby (pokazujemy go tylko raz):

budget-sheets-title = Wydane karty papierowe
budget-sheets-numbers = Numery kart, po jednym w wierszu albo zakresami, np. K-001..K-250
budget-sheets-register = Zarejestruj karty
budget-sheets-registered = Karty zarejestrowane.
budget-sheets-count = Zarejestrowane karty papierowe: { $count }.
budget-paper-voter = Głosujący (jak na karcie)
budget-paper-void = nieważna (ta osoba już głosowała)
budget-paper-entered-duplicate = Ta osoba już głosowała w tej puli: karta trafiła na listę dla komisji i nie została policzona dwa razy.
budget-near-duplicates = Możliwe podwójne głosy: ten sam adres i prawie to samo nazwisko (do sprawdzenia przez komisję)
budget-duplicates = Osoby, które głosowały więcej niż raz

budget-count-title = Liczenie głosów przez komisję
budget-count-lead = Głosowanie się zakończyło. Członkowie komisji wpisują swoje części klucza (każdą w osobnym wierszu). Zapieczętowane głosy zostaną otwarte, wymieszane i policzone, a wyniki opublikowane; potem nie można już wprowadzać kart.
budget-count-shares = Części klucza komisji
budget-count = Otwórz głosy i policz
budget-round-counted = Głosy policzone, wyniki opublikowane.

budget-ballots-aggregate = Za mało głosujących, by opublikować pojedyncze karty; podajemy tylko sumy
budget-district-small = Dzielnice z mniejszą liczbą głosujących (razem)
budget-download-receipts = Pobierz potwierdzenia
budget-voided-duplicate-later = Nieważne głosy osób, które już głosowały: { $count }.
budget-voided-duplicate-earlier = Unieważnione pierwsze głosy osób, które głosowały dwa razy: { $count }.

budget-receipt-recorded = Zapisaliśmy Twój wybór:
budget-receipt-check-title = Sprawdź swój głos
budget-receipt-check-lead = Wpisz kod potwierdzenia, który dostałeś po oddaniu głosu. Sprawdzimy, czy Twój głos został policzony.
budget-receipt-check = Sprawdź potwierdzenie
budget-receipt-counted = Twój głos został policzony.
budget-receipt-not-found = Nie ma policzonego głosu z tym kodem w tej puli. Sprawdź, czy kod jest wpisany dokładnie.
budget-receipt-not-yet = Głosy nie zostały jeszcze policzone. Sprawdź po publikacji wyników.

budget-tie-greedy = Remis: { $tied } miały { $value }. Rozstrzygnięto według numeru projektu; sfinansowano: { $funded }.
budget-tie-on-score = tyle samo głosów ({ $score })
budget-tie-on-score-per-cost = tyle samo głosów na złotówkę ({ $score } głosów przy koszcie { $cost })
budget-tie-shares = Remis w rundzie { $round } metody równych udziałów: { $chosen } i { $others } były równie opłacalne; rozstrzygnięto według numeru projektu na korzyść: { $chosen }.

error-budget-no_committee_key = Ta edycja nie ma jeszcze klucza komisji wyborczej, więc nie można w niej głosować.
error-budget-committee_key_set = Klucz komisji jest już ustawiony.
error-budget-already_tallied = Głosy tej edycji zostały już policzone.
error-budget-not_tallied = Wyniki pojawią się, gdy komisja policzy głosy.
error-budget-paper_unsettled = Nie wszystkie karty papierowe są rozstrzygnięte: każda musi mieć dwa zgodne wpisy albo decyzję administratora.
error-budget-unknown_sheet = Nie ma takiego numeru wśród wydanych kart.
error-budget-invalid_pesel = Ten PESEL jest niepoprawny (sprawdź cyfry).
error-budget-bulk_codes_closed = Kody hurtem wydaje się tylko przed głosowaniem; w trakcie wydaje je punkt obsługi.
error-budget-results_need_count = Wyniki publikuje liczenie głosów przez komisję.
error-budget-bad_committee_key = To nie jest klucz publiczny komisji (zaczyna się od wsp-pk1-).
error-budget-bad_key_share = To nie jest poprawna część klucza komisji (zaczyna się od wsp-share1-); sprawdź, czy nie ma literówki.
error-budget-wrong_key_shares = Te części klucza nie otwierają głosów tej edycji: są z innej komisji albo jest ich za mało.
error-budget-sealed_unreadable = Zapieczętowanego głosu nie da się otworzyć; liczenie przerwano, nic nie zapisano.
error-budget-ballot_too_large = Karta nie mieści się w zapieczętowanej kopercie.
error-budget-bad_committee = Liczba członków komisji musi wynosić od 1 do 20, a potrzebnych części od 1 do liczby członków.
