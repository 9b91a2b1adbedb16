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
error-coop-surplus_negative = The surplus and the bases of its division cannot be negative.
error-coop-statute_not_accepted = To declare, accept the cooperative's statute.
error-coop-bad_scan = Attach a scan of the signed declaration (PDF, PNG or JPEG, up to 2 MB).
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
