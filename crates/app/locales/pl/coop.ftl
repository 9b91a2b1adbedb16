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
error-coop-surplus_negative = Nadwyżka i podstawy podziału nie mogą być ujemne.
error-coop-statute_not_accepted = Aby złożyć deklarację, przyjmij statut spółdzielni.
error-coop-bad_scan = Dołącz skan podpisanej deklaracji (PDF, PNG lub JPEG, do 2 MB).
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
