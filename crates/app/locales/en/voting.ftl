# Ballot secrecy, the election committee, the register of voters, paper sheets and the count.

budget-phase-counting = Counting
budget-field-voting-ends = Voting ends (counting begins)
budget-field-name = Full name
budget-field-pesel = PESEL
budget-field-identification = How voters are identified
budget-identification-name_address = Name and address
budget-identification-pesel = PESEL (only where the council's resolution requires it)
budget-field-duplicates = When someone votes twice
budget-duplicates-first_counts = The first ballot counts; a later one is void
budget-duplicates-all_void = Every ballot of that person is void
budget-field-receipts = Receipts
budget-receipts-hint = Publishing receipts beside the choices lets everyone check their ballot, but also show it to someone paying for votes. Publishing them apart is safer.
budget-receipts-inclusion = Apart: everyone checks that their ballot was counted (safer)
budget-receipts-with_choices = Beside the choices: everyone checks how their ballot was counted
budget-field-min-public = Fewest voters before a pool's ballots and a district's turnout are published

budget-committee-title = Election committee
budget-committee-explain = Ballots are sealed with the committee's key: nobody, the database administrator included, can read them before the count. The server holds only the public half of the key. The private half is split among the committee's members; counting needs as many parts as you decide.
budget-committee-members = Committee members
budget-committee-threshold = Members needed to count
budget-committee-public-key = Or a public key made by the committee (wspolnota budget keygen)
budget-committee-create = Create the committee's key
budget-committee-set = The committee's key is set, fingerprint:
budget-committee-once = These parts are shown once and not stored. Print them now and give each committee member their part.
budget-committee-lead = The committee has { $members } members; counting needs { $threshold } parts.
budget-committee-fingerprint = Key fingerprint (check it is the same on every part)
budget-committee-member = Committee member
budget-committee-key-saved = The committee's key is saved.

budget-codes-issued = Codes issued: { $bulk } in bulk before voting, { $desk } at desks.
budget-desk-title = Desk: a code for a person without an account
budget-desk-lead = Check the person's identity, type in their details and issue a code. The code votes as that person, so they cannot vote again by account or on paper. Who issued a code to whom is recorded; the code is not.
budget-desk-person = The person (as in their identity document)
budget-desk-issue = Issue a code
budget-desk-issued = Code issued.
budget-desk-code-lead = The code for this person (shown once):

budget-sheets-title = Issued paper sheets
budget-sheets-numbers = Sheet numbers, one per line or as ranges, e.g. K-001..K-250
budget-sheets-register = Register the sheets
budget-sheets-registered = Sheets registered.
budget-sheets-count = Paper sheets registered: { $count }.
budget-paper-voter = The voter (as on the sheet)
budget-paper-void = void (this person had voted already)
budget-paper-entered-duplicate = This person had already voted in this pool: the sheet is listed for the committee and not counted twice.
budget-near-duplicates = Possible double votes: the same address and almost the same name (for the committee to check)
budget-duplicates = People who voted more than once

budget-count-title = The committee's count
budget-count-lead = Voting has closed. Committee members enter their parts of the key, one per line. The sealed ballots are opened, shuffled and counted, and the results published; no sheet can be entered afterwards.
budget-count-shares = Parts of the committee's key
budget-count = Open the ballots and count
budget-round-counted = Ballots counted, results published.

budget-ballots-aggregate = Too few voters to publish single ballots; only totals are shown
budget-district-small = Districts with fewer voters (together)
budget-download-receipts = Download receipts
budget-voided-duplicate-later = Void ballots of people who had voted already: { $count }.
budget-voided-duplicate-earlier = First ballots voided of people who voted twice: { $count }.

budget-receipt-recorded = We recorded your choice:
budget-receipt-check-title = Check your ballot
budget-receipt-check-lead = Enter the receipt code you got when you voted. We check whether your ballot was counted.
budget-receipt-check = Check a receipt
budget-receipt-counted = Your ballot was counted.
budget-receipt-not-found = No counted ballot in this pool has that code. Check that it is typed exactly.
budget-receipt-not-yet = The ballots are not counted yet. Check after the results are published.

budget-tie-greedy = A tie: { $tied } had { $value }. Broken by project number; funded: { $funded }.
budget-tie-on-score = the same votes ({ $score })
budget-tie-on-score-per-cost = the same votes per złoty ({ $score } votes at a cost of { $cost })
budget-tie-shares = A tie in round { $round } of Equal Shares: { $chosen } and { $others } were equally affordable; broken by project number in favour of { $chosen }.

error-budget-no_committee_key = This round has no election committee key yet, so no one can vote in it.
error-budget-committee_key_set = The committee's key is already set.
error-budget-already_tallied = The ballots of this round are already counted.
error-budget-not_tallied = Results appear once the committee has counted the ballots.
error-budget-paper_unsettled = Not every paper sheet is settled: each needs two matching entries or an admin's decision.
error-budget-unknown_sheet = There is no such number among the issued sheets.
error-budget-invalid_pesel = This PESEL is not valid (check the digits).
error-budget-bulk_codes_closed = Codes in bulk are issued only before voting; during it, desks issue them.
error-budget-results_need_count = Results are published by the committee's count.
error-budget-bad_committee_key = This is not a committee public key (it starts with wsp-pk1-).
error-budget-bad_key_share = This is not a valid part of the committee's key (it starts with wsp-share1-); check for typos.
error-budget-wrong_key_shares = These parts do not open this round's ballots: they belong to another committee, or there are too few.
error-budget-sealed_unreadable = A sealed ballot could not be opened; the count stopped and nothing was saved.
error-budget-ballot_too_large = The ballot does not fit its sealed envelope.
error-budget-bad_committee = A committee has 1 to 20 members, and needs 1 to that many parts.
