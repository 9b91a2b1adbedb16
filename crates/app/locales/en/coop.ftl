## Development cooperative: member register, shares, declarations.

module-register = Member register and shares
module-register-about = Membership declarations, the member register, shares and entry fee, leaving and refunds.

error-coop-bad_settings = The statute settings break cooperative law (e.g. a share must have a positive value, and at least 5% must go to the reserve fund).
error-coop-shares_too_few = Declare at least as many shares as the statute requires.
error-coop-shares_too_many = The statute does not allow declaring that many shares.
error-coop-bad_shares = The number of shares must be a whole number, e.g. 2.
error-coop-legal_persons_excluded = This cooperative's statute does not admit legal persons.
error-coop-not_representative = An organisation's declaration is made by a person the organisation named as its representative.
error-coop-not_a_legal_person = An informal group is not a legal person; its members may declare in their own names.
error-coop-already_member = This person or organisation is already a member of the cooperative.
error-coop-declaration_pending = A declaration of this person or organisation is already waiting for the board's decision.
error-coop-not_pending = This declaration has already been decided.
error-coop-reasons_required = Give the written reasons.
error-coop-not_refused = An appeal lies only against a refusal to admit.
error-coop-appeal_too_late = The time to appeal has passed.
error-coop-no_appeal = This declaration has no appeal waiting for a decision.
error-coop-amount_not_positive = The amount must be greater than zero.
error-coop-beyond_declared = The payment is more than the unpaid part of the declared shares. Declare more shares, or record the excess as money to return.
error-coop-entry_fee_mismatch = The entry fee is paid in full, in the amount the statute sets.
error-coop-entry_fee_paid = The entry fee has already been paid.
error-coop-not_a_member = This person is not a member of the cooperative.
error-coop-already_leaving = Notice has already been given; membership ends when the notice period runs out.
error-coop-already_ended = The membership has already ended.
error-coop-statements_not_approved = Shares are refunded only after the financial statements of the year in which membership ended are approved.
error-coop-nothing_to_refund = No refund is due to this member now.
error-coop-refund_exceeds_due = The amount is more than the refund due.
error-coop-not_still_member = The membership has ended; no payment towards shares can be taken.
error-coop-wrong_stage = This cannot be done at the cooperative's current stage.
error-coop-too_few_founders = Too few founders: 10 persons, or 3 legal persons, are needed.
error-coop-bad_krs = A KRS number has 10 digits.
error-coop-exclusion_needs_resolution = An exclusion needs a resolution with specific reasons.
error-coop-register_append_only = Entries of the member register are never changed or deleted. A mistake is corrected by a new entry with its reason.
error-coop-unknown_entry = There is no such entry in the register.
error-coop-unknown_person = There is no account with this e-mail address.
error-coop-below_minimum = Only fully paid shares above the obligatory minimum can be given back.
error-coop-bad_date = Give the date as YYYY-MM-DD, not later than today.
error-coop-unknown_model = There is no such model statute.
error-coop-pledge_exceeded = The payment is more than the amount pledged.
error-coop-milestone_reached = This milestone has been reached already.
error-coop-bad_use = Each line: a member number, a semicolon and the value in złoty (e.g. 12; 350.00), each member once, no negative values; the number must be a member of the cooperative.
error-coop-surplus_negative = The surplus and the bases of its division cannot be negative.
error-coop-statute_not_accepted = To declare, accept the cooperative's statute.
error-coop-bad_scan = Attach a scan of the signed declaration (PDF, PNG, JPEG or WebP, up to 2 MB).
error-coop-too_precise = An amount has at most two digits after the decimal point (grosze).
error-coop-bad_amount = Give the amount in złoty, e.g. 120 or 120.50.
error-coop-statements_recorded = The statements of this year have already been approved.

mail-coop-admitted-subject = Admitted to { $coop }
mail-coop-admitted-body = Hello, { $name }!

    The board of { $coop } has accepted your membership declaration. You are a member of the cooperative.
    Your entry in the member register and your shares are here: { $link }

mail-coop-refused-subject = Decision on your declaration: { $coop }
mail-coop-refused-body = Hello, { $name }!

    The board of { $coop } has refused your membership declaration.

    Reasons: { $reasons }

    You may appeal until { $appeal_due } (inclusive) on the cooperative's page: { $link }

coop-col-number = No.
coop-col-kind = Kind
coop-col-name = Name
coop-col-address = Address / seat
coop-col-admitted = Admitted
coop-col-shares = Shares
coop-col-declared = Declared (zł)
coop-col-paid = Paid in (zł)
coop-col-unpaid = Unpaid (zł)
coop-col-notice = Notice
coop-col-ended = Membership ended
coop-kind-natural = natural person
coop-kind-legal = legal person
coop-end-exit = exit
coop-end-exclusion = exclusion
coop-end-removal = removal
coop-end-death = death
coop-register-title = Member register: { $coop }
coop-register-footer = Page {"{"}page{"}"} of {"{"}pages{"}"}
coop-register-as-of = As of
coop-register-members = Members
coop-register-statute = Statute version

coop-public-title = How to become a co-owner
coop-stage = Stage
coop-stage-founding = being founded
coop-stage-open = open to new members
coop-share-value = Value of one share
coop-min-shares = Fewest shares
coop-max-shares = Most shares
coop-no-limit = no limit
coop-entry-fee = Entry fee (not refunded)
coop-members-natural = Members – natural persons
coop-members-legal = Members – legal persons
coop-missing-any = { $n } more founders are needed to found the cooperative.
coop-missing-legal-or-any = { $legal } more legal persons are needed to found the cooperative (or { $any } founders if natural persons join).
coop-register-link = Member register
coop-how-title = Step by step
coop-statute-link = Read the statute
coop-own-title = Your declarations
coop-shares-unit = shares
coop-reasons = Reasons
coop-appeal-label = Appeal against the refusal
coop-appeal-until = You may appeal until { $date } (inclusive).
coop-appeal-submit = Send the appeal
coop-you-are-member = You are a member of this cooperative.
coop-declare-title = Membership declaration
coop-declare-as = I declare
coop-declare-self = in my own name
coop-field-name = Full name
coop-field-name-hint = As in your identity card; it goes into the member register.
coop-field-address = Home address (for an organisation: its seat)
coop-field-address-hint = Street, number, postcode and town.
coop-field-shares = Number of shares
coop-field-shares-hint = A whole number, at least as many as the statute requires.
coop-accept-statute = I accept the cooperative's statute (version { $version }).
coop-declare-submit = Submit the declaration
coop-login-to-declare = Log in to submit a membership declaration.
coop-declarations-title = Membership declarations
coop-overview-title = What waits for the board
coop-overview-pending = Declarations to decide
coop-overview-overdue = of which overdue
coop-overview-appeals = Appeals to decide
coop-overview-payments = Share payments overdue
coop-overview-refunds = Refunds to pay
coop-no-declarations = No declarations yet.
coop-channel-online = online
coop-channel-paper = on paper
coop-submitted = submitted
coop-due = decision due
coop-overdue = overdue
coop-decided-late = decided after the deadline
coop-appeal-text = Appeal
coop-refusal-reasons = Reasons for refusal
coop-only-for-refusal = (only when refusing)
coop-admit = Admit: { $name }
coop-refuse = Refuse
coop-appeal-reasons = Reasons for the decision on the appeal
coop-appeal-admit = Allow the appeal and admit
coop-appeal-dismiss = Dismiss the appeal
coop-roles-title = Board and supervisory board
coop-no-roles = Nobody holds a role in the cooperative's bodies yet.
coop-role = Role
coop-role-board = board member
coop-role-supervisory_board = supervisory board member
coop-grant-role = Grant the role
coop-status-pending = waiting for the board
coop-status-admitted = admitted
coop-status-refused = refused
coop-status-appealed = appeal waiting
coop-status-admitted_on_appeal = admitted on appeal
coop-status-appeal_dismissed = appeal dismissed
coop-status-withdrawn = withdrawn
coop-register-total = Members in the register: { $n }.
coop-register-no-addresses = The statute does not let members see other persons' addresses.
coop-register-csv = Download the register (CSV)
coop-register-pdf = Download the register (PDF)
coop-col-standing = Membership
coop-standing-active = active
coop-standing-leaving = in its notice period
coop-standing-ended = ended
coop-to-return = Over-payment to return
coop-refund-outstanding = Share refund to pay
coop-entries-title = Register entries
coop-ledger-title = Shares and payments
coop-col-date = Date
coop-col-entry = Entry
coop-col-reason = Reason
coop-col-movement = Movement
coop-col-amount = Amount
coop-entry-admitted = admission
coop-entry-details = name and address
coop-entry-contribution = contribution
coop-entry-notice_of_exit = notice of exit
coop-entry-ended = end of membership
coop-entry-correction = correction
coop-movement-declared = shares declared
coop-movement-withdrawn = voluntary shares given back
coop-movement-payment = payment for shares
coop-movement-surplus_to_shares = surplus towards shares
coop-movement-entry_fee = entry fee
coop-movement-overpayment = over-payment to return
coop-movement-overpayment_returned = over-payment returned
coop-movement-refund_due = share refund due
coop-movement-refund_paid = share refund paid
coop-movement-payment_correction = payment correction
coop-pay-title = Record a payment
coop-pay-purpose = For
coop-pay-shares = shares
coop-pay-amount = Amount in złoty
coop-pay-amount-hint = E.g. 120 or 120.50 – at most two decimals.
coop-pay-date = Date paid
coop-pay-method = How it was paid
coop-pay-reference = Reference or document number
coop-pay-excess = If the payment is more than the unpaid shares, record the excess as money to return
coop-pay-submit = Record the payment
coop-notice-title = Notice of exit
coop-notice-lead = The notice period is { $months } months; membership ends the day after it runs out.
coop-notice-date = Date of the notice (from the letter)
coop-notice-submit = Give notice
coop-declared = Declaration submitted. The board will decide within the statute's deadline.
coop-decided = Decision recorded.
coop-appealed = Appeal submitted.
coop-appeal-decided = Decision on the appeal recorded.
coop-role-granted = Role granted.
coop-payment-recorded = Payment recorded.
coop-notice-given = Notice recorded.

coop-investments-title = Joint investments and assets
coop-investments-lead = Members and partners – the municipality, firms, foundations – fund concrete projects together. A finished project becomes an asset the members own together.
coop-no-investments = No investments yet.
coop-paid-of-goal = Paid in
coop-pledged = Pledged
coop-milestones = Milestones
coop-milestone-open = in progress
coop-investment-planned = being prepared
coop-investment-fundraising = raising money
coop-investment-funded = funded, being carried out
coop-investment-completed = completed – now an asset of the cooperative
coop-investment-cancelled = cancelled
coop-assets-title = What we own together
coop-no-assets = The cooperative owns nothing together yet.
coop-asset-name = Name
coop-asset-kind = Kind
coop-asset-location = Where
coop-asset-acquired = Acquired on
coop-asset-value = Value (zł)
coop-asset-valued-on = Valued on
coop-asset-installation = installation
coop-asset-premises = premises
coop-asset-equipment = equipment
coop-asset-land = land
coop-asset-investment = Investment this asset completes
coop-asset-no-investment = none
coop-asset-add = Add to the assets
coop-new-asset = New asset
coop-new-investment = New investment
coop-investment-title = Name of the investment
coop-investment-summary = In one sentence
coop-investment-description = Description
coop-investment-goal = Amount needed (zł)
coop-investment-milestones = Milestones (one per line)
coop-investment-create = Create the investment
coop-pledges-title = Pledges
coop-no-pledges = Nobody has pledged yet.
coop-pledger = Who
coop-pledger-member = a member of the cooperative
coop-pledge-amount = Pledged
coop-pledge-paid = Paid
coop-pledge-record = Record a payment
coop-pledge-title = Pledge money
coop-partner = Partner (when the board enters it, e.g. the municipality)
coop-pledge-submit = Pledge
coop-investment-created = Investment created.
coop-pledged-ok = Pledge recorded.
coop-pledge-paid-ok = Payment recorded.
coop-asset-added = Asset recorded.
coop-join-lead = A cooperative is joined by a membership declaration. See what a share costs and how joining works.
coop-join-link = How to become a co-owner

coop-reports-title = The cooperative's reports
coop-reports-link = Reports: capital, members, investments
coop-chart-capital = Capital over time
coop-chart-declared = Shares declared
coop-chart-paid = Shares paid in
coop-chart-reserve = Entry fees (reserve fund)
coop-chart-members = Members over time
coop-surplus-title = Dividing the surplus
coop-surplus-link = Surplus
coop-surplus-lead = The general assembly divides the surplus. First at least 5% goes to the reserve fund until it equals the paid-in obligatory shares; the rest is divided as the statute says. A member's part first pays their unpaid shares.
coop-surplus-heading = Draft resolution on dividing the surplus of { $year }
coop-surplus-draft = A draft resolution for the general assembly, computed from the approved statements and the member register.
coop-surplus-none = No financial statements have been approved yet.
coop-surplus-approved-on = Date the statements were approved
coop-surplus-amount = Surplus (zł)
coop-surplus-reserve-before = Reserve fund at the year's end (zł)
coop-surplus-obligatory = Paid-in obligatory shares
coop-surplus-to-reserve = To the reserve fund
coop-surplus-to-members = To divide among members
coop-surplus-undivided = For the general assembly to decide
coop-surplus-rule = Rule
coop-surplus-rule-interest_on_shares = by paid-in shares
coop-surplus-rule-by_use = by use of the cooperative
coop-surplus-parts = Members' parts
coop-surplus-part = Part
coop-surplus-part-shares = Towards shares
coop-surplus-part-payable = To pay out
coop-statements-title = Approved financial statements
coop-statements-year = Financial year
coop-statements-submit = Record the approval
coop-statements-approved = Approval recorded; refunds of those who left in that year are due.
coop-refund-title = Paying the share refund
coop-refund-submit = Record the refund
coop-end-title = End of membership
coop-end-reason = Reason
coop-end-resolution = Resolution (number and date)
coop-end-for-exclusion = (for an exclusion)
coop-end-submit = Record the end of membership
coop-open-title = Registration in the KRS
coop-open-lead = Once entered in the National Court Register, the cooperative moves from its founding stage to the open stage: residents and local organisations may join.
coop-open-date = Date of the KRS entry
coop-open-submit = Record the registration and open the cooperative
coop-membership-ended = End of membership recorded.
coop-refund-paid = Refund recorded.
coop-opened = The cooperative is registered and open to new members.
coop-founding-legend = Development cooperative: its statute
coop-founding-hint = Cooperatives only. Pick a model statute and leave the text empty – the model goes in with your values; you can change it later with a new version.
coop-model = Model statute
coop-model-own = own text
coop-model-development_with_municipality = Development cooperative with the municipality as founder
coop-model-energy = Energy cooperative (renewable-energy act)
coop-document-hint = For a cooperative with a model statute it may stay empty.
coop-document-optional = (for a cooperative with a model: empty = the model)
coop-correct-title = Correcting the entry: name and address
coop-correct-lead = Entries are never changed: a correction is a new entry with its reason, and the earlier one stays in the register.
coop-correct-submit = Add the correction
coop-corrected = Correction added to the register.
coop-paper-title = A declaration made on paper
coop-paper-lead = Enter what the signed declaration says and attach its scan. The declaration is marked as made on paper.
coop-paper-date = Date on the declaration
coop-paper-scan = Scan of the signed declaration (PDF, PNG, JPEG or WebP, up to 2 MB)
coop-paper-submit = Enter the declaration
coop-paper-entered = Paper declaration entered.
coop-scan-link = Scan of the signed declaration
mail-coop-ended-subject = Your membership of { $coop } has ended
mail-coop-ended-body = Hello, { $name }!

    The board of { $coop } has recorded in the member register that your membership ended on { $on } ({ $kind }).
    Resolution: { $resolution }
    Reasons: { $reasons }

    You may appeal as the cooperative's statute provides.
coop-more-shares-title = Voluntary shares
coop-more-shares-lead = A member may declare more shares, within the statute. Record a declaration made in writing.
coop-more-shares-field = Number of additional shares
coop-more-shares-submit = Record the declaration of shares
coop-shares-declared = Declaration of shares recorded.
coop-statute-title = A new version of the statute
coop-statute-change-link = Change the statute and its settings
coop-statute-lead = A change of the statute is a new version: earlier versions and the declarations made under them stay. From the change on, the cooperative applies the new settings.
coop-statute-settings = Statute settings
coop-empty-no-limit = (empty: no limit)
coop-setting-payment-days = Days to pay the shares after admission
coop-setting-decision-days = Days for the board to decide a declaration
coop-setting-appeal-body = Body that hears appeals
coop-general-assembly = general assembly
coop-setting-appeal-days = Days to appeal
coop-setting-notice-months = Notice period (months)
coop-setting-refund-months = Refund after the statements are approved (months)
coop-setting-reserve-percent = Share of the surplus for the reserve fund (%, at least 5)
coop-setting-members-see = What members see in the register
coop-members-see-without_addresses = no addresses of natural persons
coop-members-see-everything = everything, addresses included
coop-setting-legal-persons = Legal persons may be members
coop-setting-proxies = Members may vote through a proxy
coop-statute-submit = Publish the new version of the statute
coop-statute-changed = New version of the statute published.
coop-col-contributions = Contributions (zł)
coop-contribution-title = Contribution
coop-contribution-lead = A contribution other than shares (money, a thing brought in kind, work) is recorded in the register with its kind and value.
coop-contribution-kind = Kind of contribution
coop-contribution-kind-hint = For example: in money; in kind — a 10 kW inverter; work on the renovation.
coop-contribution-value = Value (zł)
coop-contribution-submit = Record the contribution
coop-contribution-recorded = Contribution recorded in the register.
coop-milestone-reached-on = reached
coop-milestone-date = Day reached (empty: today)
coop-milestone-mark = Mark as reached
coop-milestone-reached = Milestone marked as reached.
coop-documents-title = Documents
coop-no-documents = No documents yet.
coop-document-title = Document title
coop-document-file = File
coop-document-file-hint = PDF, PNG, JPEG or WebP, up to 2 MB.
coop-document-add = Add the document
coop-document-added = Document added.
coop-pledge-as = Pledging on behalf of
coop-valuation-title = New valuation
coop-valuation-note = Note
coop-valuation-submit = Record the valuation
coop-asset-valued = Valuation recorded.
letter-coop-signature = For the Board of the cooperative:

    ………………………………………… (signature)
letter-coop-decision-subject = Decision on a membership declaration
letter-coop-ended-subject = End of membership of the cooperative
letter-coop-appeal-supervisory_board = the supervisory board
letter-coop-appeal-general_assembly = the general assembly
letter-coop-admitted-body = We are pleased to inform you that on { $on } the Board of { $coop } admitted the membership declaration submitted on { $submitted_on }.

    Number in the member register: { $number }.
    Declared shares: { $shares }, worth { $value } in total. The shares are to be paid within the time the statute sets.
letter-coop-refused-body = We inform you that on { $on } the Board of { $coop } refused the membership declaration submitted on { $submitted_on }.

    Reasons: { $reasons }

    You may appeal against this decision to { $appeal_body } until { $appeal_due } (inclusive). An appeal may be made in writing at the cooperative's seat or on its website.
letter-coop-ended-body = We inform you that the membership of { $coop } ended on { $on } ({ $kind }).

    Resolution: { $resolution }
    Reasons: { $reasons }

    You may appeal against the resolution as the cooperative's statute provides.
coop-letter-link = Printable letter (PDF)
letter-coop-appeal-admitted-body = We inform you that the appeal to { $appeal_body } against the refusal of the membership declaration submitted on { $submitted_on } was decided on { $on } and upheld: the declaration is admitted.

    Number in the member register: { $number }.
    Declared shares: { $shares }, worth { $value } in total. The shares are to be paid within the time the statute sets.

    Reasons: { $reasons }
letter-coop-appeal-dismissed-body = We inform you that the appeal to { $appeal_body } against the refusal of the membership declaration submitted on { $submitted_on } was decided on { $on } and dismissed.

    Reasons: { $reasons }
coop-general-assembly-settings = General assembly
coop-fractions-hint = A fraction, e.g. 1/2 or 2/3. The law requires at least 2/3 of the votes to change the statute or merge and 3/4 to liquidate; a statute may ask for more.
coop-setting-quorum = Quorum (share of those entitled to vote)
coop-setting-majority-statute = Majority to change the statute
coop-setting-majority-merger = Majority to merge
coop-setting-majority-liquidation = Majority to liquidate
coop-setting-abstentions = Abstentions count among the votes cast
coop-setting-notice-days = Days of notice to members before a general assembly
coop-setting-agenda-days = Up to how many days before the assembly the agenda takes additions after the notice
coop-use-title = Use of the cooperative
coop-use-lead = The statute divides the surplus by members' use of the cooperative. Enter how much each member used it in the year (e.g. the value of energy or services bought). A new record for the same member and year takes the place of the earlier one, which stays in the history.
coop-use-lines = Members and values
coop-use-lines-hint = One member per line: the member number, a semicolon, the value in złoty, e.g. 12; 350.00
coop-use-submit = Record the use
coop-use-recorded = Use of the cooperative recorded.
