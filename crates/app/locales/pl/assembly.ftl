## Organy przestrzeni: walne zgromadzenie, rada nadzorcza, zarząd, grupy robocze, zespół koordynujący

module-assemblies = Walne zgromadzenia i organy
module-assemblies-about = Organy spółdzielni (walne zgromadzenie, rada nadzorcza, zarząd) i grupy robocze: kto w nich zasiada, od kiedy i do kiedy.
module-groups = Grupy robocze
module-groups-about = Grupy robocze i zespół koordynujący: kto w nich działa i w jakiej roli.

error-assembly-body_not_for_space = Ten rodzaj organu nie należy do tej przestrzeni (rada nadzorcza i zarząd są organami spółdzielni, zespół koordynujący – koalicji).
error-assembly-body_name_taken = Ta przestrzeń ma już organ o tej nazwie.
error-assembly-general_assembly_exists = Ta przestrzeń ma już walne zgromadzenie.
error-assembly-person_unknown = Nie ma konta z tym adresem e-mail.
error-assembly-seat_ended = To miejsce już wygasło.
error-assembly-end_before_start = Miejsce nie może wygasnąć przed początkiem kadencji.
error-assembly-bad_date = Podaj datę w formacie RRRR-MM-DD.
error-assembly-term_order = Koniec kadencji nie może być wcześniejszy niż jej początek.
error-assembly-seat_overlaps = Ta osoba zasiada już w tym organie w tym czasie (albo w zarządzie i radzie nadzorczej naraz, czego prawo zakazuje).
error-assembly-chair_taken = Ten organ ma już przewodniczącego w tym czasie.
error-assembly-demand_too_few = Żądanie zwołania walnego zgromadzenia musi podpisać co najmniej 1/10 członków, nie mniej niż 3.
error-assembly-notice_too_short = Zawiadomienie musi wyprzedzać zgromadzenie co najmniej o tyle dni, ile mówi statut.
error-assembly-agenda_empty = Porządek obrad nie może być pusty.
error-assembly-agenda_locked = Porządek obrad jest już zamknięty: po zawiadomieniu można go uzupełniać tylko w terminie ze statutu.
error-assembly-not_on_agenda = Uchwałę można podjąć tylko w sprawie objętej porządkiem obrad.
error-assembly-proxies_excluded = Statut nie pozwala działać przez pełnomocnika.
error-assembly-proxy_for_two = Ten pełnomocnik reprezentuje już innego członka; pełnomocnik może zastępować tylko jednego.
error-assembly-second_proxy = Ten członek ma już pełnomocnika na tym zgromadzeniu.
error-assembly-board_member_as_proxy = Członek zarządu nie może być pełnomocnikiem (wolno to tylko w spółdzielni do 10 członków).
error-assembly-unexpected_proxy = Pełnomocnika podaje się tylko przy udziale przez pełnomocnika.
error-assembly-power_of_attorney_missing = Dołącz pisemne pełnomocnictwo.
error-assembly-already_present = Ten członek jest już na liście obecności.
error-assembly-not_present = Tego członka nie ma na liście obecności.
error-assembly-not_entitled = Ta osoba nie jest członkiem spółdzielni (do rady nadzorczej wybiera się członków).
error-assembly-voted_twice = Ten członek już głosował w tej sprawie.
error-assembly-vote_closed = Głosowanie jest już zamknięte.
error-assembly-vote_not_open = Głosowanie jeszcze się nie rozpoczęło.
error-assembly-election_is_secret = Wybory i odwołania członków organów odbywają się w głosowaniu tajnym.

assembly-bodies-title = Organy i grupy robocze
assembly-bodies-lead = Kto zasiada w organach tej przestrzeni dziś, a kto wcześniej. Historia zostaje: miejsce, które wygasło, widać z datą i powodem.
assembly-no-bodies = Ta przestrzeń nie ma jeszcze zapisanych organów.
assembly-no-seats = Nikt teraz nie zasiada w tym organie.
assembly-all-members = Walne zgromadzenie tworzą wszyscy członkowie spółdzielni; każdy członek ma jeden głos, bez względu na liczbę udziałów.
assembly-current = Skład
assembly-history = Wcześniejsze i przyszłe kadencje
assembly-col-person = Osoba
assembly-col-position = Funkcja
assembly-col-from = Od
assembly-col-until = Do
assembly-col-ended = Wygasło
assembly-kind-general_assembly = Walne zgromadzenie
assembly-kind-supervisory_board = Rada nadzorcza
assembly-kind-board = Zarząd
assembly-kind-working_group = Grupa robocza
assembly-kind-coordinating_team = Zespół koordynujący
assembly-position-chair = przewodniczący(-a)
assembly-position-deputy = zastępca(-czyni)
assembly-position-secretary = sekretarz
assembly-position-member = członek(-kini)
assembly-end-title = Wygaśnięcie
assembly-end-on = Data (puste: dziś)
assembly-end-reason = Powód
assembly-end-submit = Zakończ
assembly-seat-title = Nowe miejsce
assembly-seat-email = Adres e-mail konta osoby
assembly-seat-submit = Dodaj do składu
assembly-today-if-empty = (puste: dziś)
assembly-new-body = Nowy organ lub grupa
assembly-body-kind = Rodzaj
assembly-body-name = Nazwa
assembly-body-purpose = Czym się zajmuje
assembly-body-create = Utwórz
assembly-body-created = Organ utworzony.
assembly-seat-given = Osoba dodana do składu.
assembly-seat-ended = Miejsce wygasło; zostaje w historii.

error-assembly-bad_time = Podaj godzinę w formacie GG:MM, np. 17:00.
error-assembly-date_in_past = Zgromadzenie nie może się odbyć w przeszłości.
error-assembly-demand_date_missing = Podaj datę, w której wpłynęło żądanie zwołania.
error-assembly-notice_already_sent = Zawiadomienie o tym zgromadzeniu zostało już wysłane.
error-assembly-notice_not_sent = Zawiadomienie o tym zgromadzeniu nie zostało jeszcze wysłane.

mail-assembly-notice-subject = Zawiadomienie o walnym zgromadzeniu: { $coop }
mail-assembly-notice-body = Dzień dobry!

    Zarząd spółdzielni { $coop } zawiadamia o walnym zgromadzeniu: { $title }.

    Termin: { $date }, godz. { $time }
    Miejsce: { $place }

    Porządek obrad:
    { $agenda }

    Uchwały można podejmować tylko w sprawach objętych porządkiem obrad. Każdy członek ma jeden głos, bez względu na liczbę udziałów; można działać przez pełnomocnika z pisemnym pełnomocnictwem, jeśli statut na to pozwala.

    Szczegóły i dokumenty: { $link }
letter-assembly-notice-subject = Zawiadomienie o walnym zgromadzeniu: { $title }
letter-assembly-notice-body = Zarząd spółdzielni { $coop } zawiadamia o walnym zgromadzeniu: { $title }.

    Termin: { $date }, godz. { $time }
    Miejsce: { $place }

    Porządek obrad:
    { $agenda }

    Uchwały można podejmować tylko w sprawach objętych porządkiem obrad. Każdy członek ma jeden głos, bez względu na liczbę udziałów; można działać przez pełnomocnika z pisemnym pełnomocnictwem, jeśli statut na to pozwala. Dokumenty są do wglądu w siedzibie spółdzielni.

assembly-meetings-title = Walne zgromadzenia
assembly-meetings-lead = Zgromadzenia spółdzielni: termin, miejsce, porządek obrad i zawiadomienie członków. Każdy członek ma jeden głos, bez względu na liczbę udziałów.
assembly-no-meetings = Nie zwołano jeszcze żadnego zgromadzenia.
assembly-not-noticed = Zawiadomienie jeszcze nie wysłane.
assembly-noticed-on = Zawiadomienie wysłane
assembly-notice-by = Trzeba je wysłać najpóźniej
assembly-late = Po terminie: zgromadzenie zwołane na żądanie powinno się odbyć w ciągu 6 tygodni.
assembly-convene-title = Zwołaj walne zgromadzenie
assembly-meeting-title = Nazwa zgromadzenia
assembly-convener = Kto zwołuje
assembly-convener-board = Zarząd z własnej inicjatywy
assembly-convener-supervisory_board = Zarząd na żądanie rady nadzorczej
assembly-convener-members = Zarząd na żądanie { $count } członków
assembly-convener-members-choice = Zarząd na żądanie członków (co najmniej 1/10, nie mniej niż 3)
assembly-signatures = Liczba członków, którzy podpisali żądanie
assembly-for-members-demand = (przy żądaniu członków)
assembly-demanded-on = Data wpłynięcia żądania
assembly-for-a-demand = (przy żądaniu)
assembly-held-on = Termin
assembly-starts-at = Godzina rozpoczęcia
assembly-place = Miejsce
assembly-remote = zdalnie
assembly-remote-choice = Członkowie mogą uczestniczyć zdalnie
assembly-convene-submit = Zwołaj
assembly-convened = Zgromadzenie zwołane. Ustal porządek obrad i wyślij zawiadomienie.
assembly-demand-deadline = Termin wynikający z żądania
assembly-notice = Zawiadomienie członków
assembly-agenda-open-until = Porządek obrad można uzupełnić do
assembly-challenge-until = Uchwały można zaskarżyć do sądu do
assembly-agenda = Porządek obrad
assembly-agenda-empty = Porządek obrad jest pusty.
assembly-added-after-notice = (dodano po zawiadomieniu)
assembly-item-title = Dodaj punkt porządku obrad
assembly-item-name = Sprawa
assembly-item-resolution = Uchwała
assembly-item-no-resolution = bez uchwały (sprawozdanie, dyskusja)
assembly-item-description = Opis
assembly-item-submit = Dodaj punkt
assembly-item-added = Punkt dodany do porządku obrad.
assembly-notice-explained = Zawiadomienie z terminem, miejscem i porządkiem obrad trafi e-mailem do każdego członka (do organizacji: do jej przedstawicieli). Dla członków bez adresu e-mail przygotujemy listy do wydruku. Po wysłaniu porządek obrad można tylko uzupełniać, w terminie ze statutu.
assembly-notice-submit = Wyślij zawiadomienie
assembly-notice-sent = Zawiadomienie wysłane.
assembly-letters-link = Zawiadomienia do wydruku dla członków bez e-maila (PDF)
assembly-resolution-ordinary = zwykła większość
assembly-resolution-statute_change = zmiana statutu
assembly-resolution-merger = połączenie
assembly-resolution-liquidation = likwidacja
assembly-resolution-election = wybory (tajne)
assembly-resolution-dismissal = odwołanie (tajne)

error-assembly-before_the_day = Zgromadzenie jeszcze się nie zaczęło: obecność i głosowania są w dniu zgromadzenia.
error-assembly-another_vote_open = Trwa inne głosowanie; najpierw je zamknij.
error-assembly-no_resolution_on_item = Ten punkt porządku obrad nie przewiduje uchwały.
error-assembly-bad_choice = Wybierz: za, przeciw albo wstrzymuję się.
error-assembly-bad_role = Funkcja na zgromadzeniu to przewodniczący albo członek komisji skrutacyjnej.

assembly-sitting-title = Obrady
assembly-sitting-link = Obrady: lista obecności i głosowania
assembly-present = Obecni (osobiście, zdalnie i przez pełnomocników) spośród uprawnionych
assembly-officers = Prowadzący
assembly-no-officers = Nie wskazano jeszcze przewodniczącego ani komisji skrutacyjnej.
assembly-role-chair = przewodniczący(-a) zgromadzenia
assembly-role-teller = komisja skrutacyjna
assembly-officer-submit = Wskaż
assembly-officer-named = Funkcja powierzona.
assembly-attendance = Lista obecności
assembly-nobody-yet = Nikt jeszcze nie został wpisany na listę obecności.
assembly-col-presence = Udział
assembly-col-proxy = Pełnomocnik
assembly-col-here = Obecny
assembly-here = jest
assembly-left = wyszedł(-ła)
assembly-check-out = Wyjście
assembly-check-in = Wpisz na listę obecności
assembly-member-number = Numer członka w rejestrze
assembly-presence-in_person = osobiście (osoba prawna: przez przedstawiciela)
assembly-presence-remote = zdalnie
assembly-presence-proxy = przez pełnomocnika
assembly-proxy-name = Imię i nazwisko pełnomocnika
assembly-proxy-email = E-mail konta pełnomocnika
assembly-for-a-proxy = (przy pełnomocniku)
assembly-power-of-attorney = Skan pisemnego pełnomocnictwa
assembly-check-in-submit = Wpisz
assembly-checked-in = Członek wpisany na listę obecności.
assembly-checked-out = Wyjście zapisane.
assembly-votes = Głosowania
assembly-no-votes = Nie było jeszcze głosowań.
assembly-for = Za
assembly-against = Przeciw
assembly-abstaining = Wstrzymujących się
assembly-choice = Głos
assembly-vote-running = Głosowanie trwa; oddane głosy
assembly-room-vote-submit = Zapisz głos z sali
assembly-my-vote = Mój głos
assembly-my-vote-submit = Oddaj głos
assembly-vote-cast = Głos zapisany.
assembly-close-vote = Zamknij głosowanie i policz
assembly-vote-closed = Głosowanie zamknięte.
assembly-present-at-vote = obecnych przy głosowaniu / uprawnionych
assembly-open-vote = Rozpocznij głosowanie
assembly-resolution-text = Treść uchwały
assembly-open-vote-submit = Rozpocznij
assembly-vote-opened = Głosowanie rozpoczęte.
assembly-outcome-passed = Uchwała podjęta.
assembly-outcome-rejected = Uchwała nie została podjęta: zabrakło wymaganej większości.
assembly-outcome-no_quorum = Brak kworum: uchwała nie istnieje.

minutes-title = Protokół: { $title }
minutes-coop = Spółdzielnia
minutes-took-part = Członkowie na liście obecności spośród uprawnionych
minutes-resolutions = Uchwały
minutes-challenge-until = Uchwałę można zaskarżyć do sądu do { $date }.
minutes-arrived = Przybył(a)
minutes-left = Wyszedł(-ła)
minutes-signatures = Lista obecności stanowi część protokołu.

    Przewodniczący(-a) zgromadzenia: ............................    Protokolant(ka): ............................
minutes-link = Protokół
minutes-pdf = Pobierz protokół (PDF)
minutes-signed = Podpisy
minutes-scan-attached = Skan protokołu podpisanego na papierze dołączony { $when }.
minutes-sign = Podpisz protokół
minutes-sign-explained = Podpis przewodniczącego zamyka obrady: potem nie można już wpisywać obecności ani głosować.
minutes-signed-done = Protokół podpisany.
minutes-scan = Dołącz skan podpisanego protokołu
minutes-scan-file = Plik ze skanem
minutes-scan-submit = Dołącz skan
minutes-scan-attached-done = Skan dołączony.
minutes-scan-link = Skan podpisanego protokołu
assembly-role-secretary = protokolant(ka)
error-assembly-minutes_signed = Protokół jest już podpisany: obrady zostały zamknięte.
error-assembly-already_signed = Ten podpis jest już złożony.
assembly-document-added = Dokument dodany do zgromadzenia.
