site-name = Wspólnota
site-tagline = Shared institutions of towns in transition: development cooperatives, coalitions, city networks and urban movements.
skip-to-content = Skip to content
nav-main = Main menu
nav-spaces = Communities
nav-organisations = Organisations
nav-login = Log in
nav-signup = Sign up
nav-logout = Log out
nav-profile = My profile
nav-outbox = Outbox
language-switch = Language
language-switch-button = Change language
footer-text = Wspólnota — open-source software. This site works without JavaScript.

home-title = The shared institutions of our towns
home-lead = Here residents, organisations and municipalities run development cooperatives, coalitions, city networks and urban movements together.
home-spaces = Communities on the platform

kind-development_cooperative = Development cooperative
kind-coalition = Coalition
kind-city_network = City network
kind-city = City
kind-movement = Urban movement / congress

org-kind-municipality = Municipality
org-kind-public_institution = Public institution
org-kind-ngo = NGO
org-kind-cooperative = Cooperative
org-kind-company = Company
org-kind-informal_group = Informal group
org-kind-person = Individuals

space-members = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
space-document = Founding document
space-document-version = Version { $version }, published { $date }
space-document-hash = Text fingerprint (SHA-256)
space-document-history = All versions of the document
space-allies = List of allies
space-sign-title = Join
space-sign-lead = By signing you join this community on the terms of the document above (version { $version }).
space-sign-as = I sign
space-sign-self = in my own name
space-sign-org = on behalf of: { $org }
space-sign-submit = Sign the declaration
space-sign-login = Log in to sign
space-requires-approval = Joining needs the approval of the community's admins.
space-your-signatures = Your signatures
space-withdraw = Withdraw signature
space-admin = Administration
space-audit = Audit log
space-pending = Signatures awaiting a decision
space-approve = Approve
space-reject = Reject
space-no-pending = No signatures are awaiting a decision.
space-new-version = New version of the document
space-publish = Publish the new version
space-signed-ok = Thank you! Your signature has been recorded.
space-signed-pending = Thank you! Your signature awaits the admins' approval.
space-withdrawn-ok = Signature withdrawn. Its history is kept.
space-decided-ok = Decision recorded.
space-published-ok = The new version of the document has been published.
space-modules = Modules of the community
space-modules-lead = Modules switched on show on the community's page. A module switched off disappears from the navigation and its pages are no longer available; its data is kept.
space-modules-legend = Modules switched on in this community
space-modules-save = Save modules
space-modules-saved = The community's modules have been saved.
module-budget = Participatory budget
module-budget-about = Budget rounds: submitting projects, verification, voting and results.

status-pending = awaiting approval
status-active = active
status-rejected = rejected
status-withdrawn = withdrawn
signed-for = for: { $org }
signed-self = in own name

allies-title = Allies: { $space }
allies-filter = Show
allies-filter-all = Everyone
allies-filter-submit = Filter
allies-count = Listed in total: { $count }
allies-unlisted = And { $count } people who signed but prefer not to be listed by name.
allies-empty = Nobody is on this list yet.
allies-name = Name
allies-kind = Kind
allies-city = Town
allies-since = Since

audit-title = Audit log: { $space }
audit-when = When
audit-who = Who
audit-what = What
audit-before = Before
audit-after = After

signup-title = Sign up
signup-lead = After you sign up we will e-mail you a link to confirm your address.
signup-submit = Sign up
signup-done = Account created. Check your e-mail and open the confirmation link.
field-email = E-mail address
field-password = Password
field-password-hint = At least 10 characters.
field-new-password = New password
field-display-name = Full name
field-city = Town
field-list-publicly = I agree to my name being shown on public lists of allies.
field-optional = (optional)
field-name = Name
field-kind = Kind
field-krs = KRS number
field-nip = NIP (tax id)
field-regon = REGON
field-role = Role
field-title = Title
field-text = Text (Markdown)

login-title = Log in
login-submit = Log in
login-forgot = Forgot your password?
logout-done = Logged out.
confirm-done = E-mail address confirmed. You can log in now.
confirm-title = Confirm your e-mail address
confirm-lead = Press the button to confirm that this e-mail address is yours.
confirm-submit = Confirm my e-mail address
reset-title = New password
reset-request-lead = Enter your account's e-mail address. If the account exists, we will send a link to set a new password.
reset-request-submit = Send the link
reset-request-done = If an account with this address exists, we have sent it a link. The link is valid for an hour.
reset-submit = Set the new password
reset-done = Password changed. Log in with your new password.

profile-title = My profile
profile-save = Save
profile-saved = Saved.
profile-orgs = Organisations you act for
profile-no-orgs = You do not act for any organisation yet.
profile-delete-title = Delete account
profile-delete-lead = We will remove your personal data. Signatures made on behalf of organisations stay, attributed to the organisation. Enter your password to confirm.
profile-delete-submit = Delete my account for good
profile-deleted = Account deleted.
role-admin = admin
role-representative = representative

orgs-title = Organisations
orgs-new = Register an organisation
orgs-new-lead = An organisation is a legal person or an informal group. KRS, NIP and REGON numbers are optional; we check their check digits.
orgs-create = Register
orgs-created = Organisation registered. You are its admin.
orgs-representatives = Representatives
orgs-grant = Invite a representative
orgs-grant-lead = We send an invitation to the e-mail address. The person accepts it logged in to the account with that address (or after creating it).
orgs-grant-submit = Send the invitation
orgs-revoke = Revoke
orgs-granted = Invitation sent. The person becomes a representative once they accept it.
orgs-invitations = Invitations waiting for an answer
orgs-invitation-expires = valid until
orgs-invite-title = Invitation to represent an organisation
orgs-invite-lead = The organisation "{ $org }" invites you to act on its behalf as: { $role }.
orgs-invite-accept = I accept the invitation
orgs-invite-login = Log in to the account with the address the invitation was sent to, and open the link again.
orgs-invite-accepted = Invitation accepted. You can act on behalf of the organisation.
error-org-invitation_invalid = This invitation does not exist.
error-org-invitation_used = This invitation has already been accepted.
error-org-invitation_expired = This invitation has expired. Ask for a new one.
error-org-invitation_for_another = This invitation is for another e-mail address. Log in to the account with that (confirmed) address.
orgs-revoked = Rights revoked.
orgs-empty = There are no organisations yet.

outbox-title = Outbox
outbox-lead = E-mails the platform has sent or will send. Without SMTP configured they stay here. The secret parts of links (address confirmation, new password) are hidden.
outbox-to = To
outbox-subject = Subject
outbox-when = When
outbox-sent = sent
outbox-queued = queued
outbox-failed = not sent (given up)
outbox-attempts = attempts
outbox-last-error = last error
outbox-queued-count = Queued
outbox-failed-count = Not sent
outbox-empty = The outbox is empty.

error-title = Something went wrong
error-back = Back to the home page
form-errors = Please correct the marked fields.
error-field = Error:

error-input-required = This field is required.
error-input-too_long = The text is too long.
error-input-too_short = The text is too short.
error-input-invalid_email = This does not look like an e-mail address.
error-input-invalid_slug = The address may contain only lower-case letters, digits and hyphens.
error-input-unknown_kind = Unknown kind.
error-input-file_type = The file must be a PDF, PNG, JPEG or WebP.
error-input-file_too_large = The file is too large (2 MB at most).
error-org-invalid_nip = Invalid NIP (wrong check digit or number of digits).
error-org-invalid_regon = Invalid REGON (wrong check digit or number of digits).
error-org-invalid_krs = A KRS number has 10 digits.
error-not_found = No such page or resource.
error-auth-login_required = Log in to do this.
error-auth-forbidden = You are not allowed to do this.
error-auth-rate_limited = Too many attempts in a short time. Please wait a while and try again; logging in on a device you used before still works.
error-auth-csrf = The form has expired or did not come from this site. Reload the page and try again.
error-service-unavailable = The database is unavailable for a moment. Try again shortly.
error-service-busy = The server is busy checking other passwords. Try again in a moment.
error-service-internal = Something failed on our side. Please try again.
error-account-bad_credentials = Wrong e-mail or password.
error-account-unconfirmed = Confirm your e-mail address first, with the link from the message.
error-account-wrong_password = Wrong password.
error-token-invalid = This link is not valid.
error-token-expired = This link has expired. Ask for a new one.
error-token-used = This link has already been used.
error-signature-already_signed = This declaration is already signed (by you, or on behalf of this organisation).
error-signature-no_document = This community has no document to sign yet.
error-signature-not_pending = This signature no longer awaits a decision.
error-signature-not_standing = This signature is no longer valid.
error-org-unknown_person = There is no account with this e-mail address.
error-org-last_admin = An organisation needs at least one admin.
error-space-slug_taken = This community address is already taken.
error-module-unknown = There is no such module.
error-space-join_by_declaration = A cooperative is joined by a membership declaration the board decides – submit it on the cooperative's page.
error-request-malformed = Malformed request.
error-request-bad_page = Invalid page number or page size: give whole numbers, a page from 1 and from 1 to 200 per page.

mail-confirm-subject = Confirm your e-mail address at Wspólnota
mail-confirm-body = Hello { $name },

    To confirm your e-mail address, open this link:
    { $link }

    The link is valid for 7 days. If you did not sign up, ignore this message.
mail-reset-subject = New password at Wspólnota
mail-reset-body = Hello { $name },

    To set a new password, open this link:
    { $link }

    The link is valid for an hour and works once. If you did not ask for this, ignore this message.

mail-invite-subject = Invitation to represent: { $org }
mail-invite-body = Hello,

    You are invited to act at Wspólnota on behalf of the organisation "{ $org }" (role: { $role }).
    To accept, log in to the account with this e-mail address (or create it) and open this link:
    { $link }

    The invitation is valid for 14 days. If you did not expect it, ignore this message.
mail-known-subject = Someone tried to sign up with your address
mail-known-body = Hello { $name },

    Someone (perhaps you) tried to sign up at Wspólnota with this e-mail address, but an account with it exists already.
    To log in, open: { $login }
    If you do not remember your password, set a new one: { $reset }

    If it was not you, ignore this message; nothing has changed.

spaces-new = New community
spaces-new-lead = A community is one institution: a development cooperative, a coalition, a city network or an urban movement. New versions of its founding document (statute or declaration of cooperation) can be published later.
spaces-create = Create the community
spaces-created = Community created. You are its admin.
field-slug = Web address
field-slug-hint = Lower-case letters, digits and hyphens; leave empty to make one from the name.
field-region = Region
field-description = Description (Markdown)
field-requires-approval = Joining needs the admins' approval
field-document-title = Title of the founding document

error-budget-calendar_out_of_order = Phase dates must follow one another.
error-budget-phase_backwards = A round can only move on to a later phase.
error-budget-ballot_empty = The ballot is empty.
error-budget-ballot_too_many = More projects are chosen than the ballot allows.
error-budget-ballot_too_few = Fewer projects are chosen than the ballot requires.
error-budget-ballot_unknown_project = That project is not on this ballot.
error-budget-ballot_duplicate = The same project is chosen twice.
error-budget-ballot_too_many_points = More points are given than the ballot allows.
error-budget-ballot_zero_points = Every chosen project needs at least one point.
error-budget-ballot_settings = The ballot's settings are not valid.
error-budget-cost_required = The cost estimate needs at least one line.
error-budget-cost_not_positive = Every line of the cost estimate must be more than zero.
error-budget-cost_too_many_items = The cost estimate has too many lines.
error-budget-cost_too_large = The cost is too large.
error-budget-proposal_wrong_state = This cannot be done with this proposal at this stage.
error-budget-bad_settings = The round's settings are not valid.
error-budget-wrong_phase = This cannot be done in the round's current phase.
error-budget-pool_budget = A pool needs a budget of more than zero.
error-budget-unknown_pool = There is no such pool in this round.
error-budget-already_supported = You have already supported this proposal.
error-budget-not_enough_supports = The proposal lacks the required supporting signatures.
error-budget-appeal_too_late = The time for an appeal has passed.
error-budget-voting_closed = Voting is not open now.
error-budget-not_a_resident = First give your address in the city.
error-budget-already_voted = You have already voted in this pool.
error-budget-change_not_allowed = Ballots cannot be changed in this round.
error-budget-unknown_receipt = No ballot has this receipt code.

budget-rounds-title = Participatory budget
budget-no-rounds = There are no rounds yet.
budget-new-round = New round
budget-create-round = Create the round
budget-round-created = Round created. Add its pools and verifying officials.
budget-field-supports = Supporting signatures required
budget-field-appeal-days = Days to appeal
budget-field-allow-change = Voters may change their ballot until voting closes
budget-phase-preparation = Preparation
budget-phase-submission = Submitting proposals
budget-phase-verification = Verification
budget-phase-appeals = Appeals
budget-phase-voting = Voting
budget-phase-results = Results
budget-phase-now = Phase
budget-phase-advanced = The round has moved to the next phase.
budget-advance = Move on to
budget-manage = Managing the round
budget-add-pool = Add a pool
budget-pool-added = Pool added.
budget-add-official = Add a verifying official
budget-official-added = Official added.
budget-pool-budget = Pool budget
budget-field-ballot = Ballot
budget-kind-approval = Tick several projects
budget-kind-points = Spread points
budget-kind-ranked = Rank projects
budget-field-max = At most projects (or points to spread)
budget-field-min = At least projects
budget-field-ranked-points = Points per rank (e.g. 3,2,1)
budget-field-rule = Counting rule
budget-field-min-votes = Fewest votes a project needs to win
budget-ballot-approval = tick { $min } to { $max } projects
budget-ballot-choose-1 = choose one project
budget-ballot-points = spread { $total } points, all to one project if you like
budget-ballot-ranked = rank projects; the ranks get { $points } points
budget-rule-greedy = by votes: projects from the most popular, while the money lasts
budget-rule-greedy-min = by votes, at least { $min } votes per project
budget-rule-mes = by the Method of Equal Shares (every voter holds an equal share of the budget)
budget-no-proposals = No proposals in this pool yet.
budget-submit-proposal = Submit a proposal
budget-submit-lead = Describe the idea and estimate its cost. You can edit it until submission closes.
budget-back-to-round = Back to the round
budget-field-pool = Pool
budget-field-description = Description (Markdown)
budget-field-place = Place
budget-cost-estimate = Cost estimate
budget-cost-hint = Each line: a label and an amount in złoty (e.g. 12 500.00). The cost is the sum of the lines.
budget-item-label = Item
budget-item-amount = Amount
budget-submit = Submit the proposal
budget-proposal-submitted = Proposal submitted. Thank you!
budget-status = Status
budget-status-submitted = submitted
budget-status-withdrawn = withdrawn
budget-status-accepted = on the ballot
budget-status-rejected = rejected
budget-status-appealed = under appeal
budget-supports = { $count ->
    [one] { $count } supporting signature
   *[other] { $count } supporting signatures
}
budget-support = I support this proposal
budget-supported = Support recorded.
budget-cost-author = Cost by the author
budget-cost-verified = Cost after verification
budget-cost-justification = Why the cost changed
budget-verification = Verification
budget-verify = Verify
budget-field-reason = Reason
budget-field-verified-cost = Changed cost (empty = unchanged)
budget-accept = Positive
budget-reject = Negative
budget-proposal-verified = Verification recorded.
budget-appeal = Appeal
budget-field-appeal = Your appeal
budget-lodge-appeal = Lodge the appeal
budget-appeal-lodged = Appeal lodged.
budget-decide-appeal = Decide the appeal
budget-uphold = Uphold
budget-dismiss = Dismiss
budget-appeal-upheld = Appeal upheld
budget-appeal-dismissed = Appeal dismissed
budget-appeal-decided = Decision recorded.
budget-withdraw = Withdraw the proposal
budget-proposal-withdrawn = Proposal withdrawn.
budget-go-vote = Vote
budget-vote-title = Voting
budget-login-to-vote = Log in to vote
budget-address-title = Your address
budget-address-lead = Residents of the city vote. Give your name and address as on a paper ballot: they tell us that everyone votes once, by account, by code or on paper.
budget-field-address = Home address
budget-save-address = Save the address
budget-address-saved = Address saved. You can vote now.
budget-rank = Rank
budget-cast = Cast the ballot
budget-voted = Ballot cast. Thank you!
budget-receipt-lead = The receipt code of your ballot in the pool
budget-receipt-keep = Keep it: only you know it. After the count you can check with it that your ballot was counted, and if the round allows it, change your ballot with this code before voting ends.
budget-already-voted = Your ballot in this pool has been cast.
budget-change-lead = Your ballot in this pool has been cast. Until voting closes you can change it with your receipt code.
budget-field-receipt = Receipt code
budget-change-ballot = Change the ballot
budget-ballot-changed = Ballot changed.
budget-see-results = See the results
budget-results-title = Results: { $round }
budget-compute = Count the results
budget-results-computed = Results counted and saved.
budget-not-computed = The results of this pool have not been counted yet.
budget-spent = Spent
budget-turnout = { $count ->
    [one] { $count } voter
   *[other] { $count } voters
}
budget-chart-title = Votes for the projects of { $pool }
budget-project = Proposal
budget-votes = Votes
budget-outcome = Outcome
budget-why = Why
budget-funded = funded
budget-not-funded = not funded
budget-download-pb = Download the ballots (.pb, to recount with any tool)
budget-download-csv = Download the results (CSV)
nav-budget = Participatory budget
error-budget-import_unreadable = The .pb file cannot be read.
error-budget-import_unsupported = This kind of vote cannot be imported.
budget-table = Results table
error-budget-unknown_code = There is no such voting code in this round.
budget-code-lead = No account? Vote with the code printed for you by the city hall: enter it at each pool.
budget-field-code = Voting code (printed)
error-budget-paper_same_staff = The second entry of a sheet must be made by someone else.
error-budget-paper_already_entered = This sheet has already been entered twice.
error-budget-paper_not_mismatch = This sheet is not awaiting a resolution.
budget-paper-title = Paper ballots
budget-paper-lead = Two different people enter each sheet. A sheet counts when both entries agree; an admin settles disagreements by looking at the paper.
budget-paper-sheet = Sheet number
budget-paper-enter = Enter the sheet
budget-paper-sheets = Sheets entered
budget-paper-resolve = Settle the sheet
budget-paper-pending = entered once, awaits the second entry
budget-paper-counted = entries agree, counted
budget-paper-mismatch = entries disagree, not counted
budget-paper-resolved = settled, counted
budget-paper-entered-once = Sheet entered. Now someone else enters it again.
budget-paper-entered-counted = Both entries agree: the sheet is counted.
budget-paper-entered-mismatch = The entries differ: the sheet is flagged and not counted.
budget-paper-link = Paper ballots
budget-meter-projects = Chosen %n of %max
budget-meter-points = Given %n of %max points
budget-meter-money = chosen projects: %cost of a %budget budget
budget-why-funded = funded as number { $position } in order (votes: { $score }); costs { $cost }, { $left } left afterwards
budget-why-skipped = skipped: costs { $cost }, only { $left } left (votes: { $score })
budget-why-did-not-fit = did not fit: costs { $cost }, { $left } left (votes: { $score }); counting stops here
budget-why-not-reached = not reached (votes: { $score }): counting had stopped before
budget-why-below-threshold = below the threshold: { $score } votes, at least { $threshold } needed
error-budget-image_too_large = The image is too large (2 MB at most).
error-budget-image_type = Add an image in PNG, JPEG or WebP format.
error-budget-image_too_many = This proposal already has as many images as it may have.
error-budget-too_many_proposals = This account has already submitted as many proposals in this round as one person may.
budget-images = Images
budget-add-image = Add an image
budget-field-image = File (PNG, JPEG or WebP, up to 2 MB)
budget-field-alt = Description of the image for people who cannot see it
budget-image-added = Image added.
error-budget-unknown_district = Choose a district from the list.
budget-field-districts = Districts (one per line; optional — for turnout by district)
budget-field-district = District
budget-turnout-districts = Turnout by district
budget-district-unknown = no district (codes, paper ballots)
budget-voters = Voters
budget-edit-proposal = Edit the proposal
budget-save-proposal = Save the changes
budget-proposal-saved = Changes saved.
budget-why-shares-funded = funded in round { $round }: { $payers } supporters paid its { $cost } from their equal shares, none more than { $max }
budget-why-shares-free = funded: costs nothing and has supporters
budget-why-shares-not-funded = not funded by equal shares: its { $supporters } supporters had only { $left } left of their shares, and it costs { $cost }
budget-why-no-supporters = not funded: nobody voted for it
budget-why-completed = { $first }; then the completion by votes: { $then }
budget-codes-title = Voting codes
budget-codes-lead = For residents without an account: each code casts one ballot in each pool of this round. Print them at once — they are shown only once.
budget-codes-count = How many codes
budget-codes-issue = Issue the codes
budget-codes-once = The codes are shown only now: print this page. Only their fingerprints are kept, so a lost code cannot be recovered.

pager-label = Pages of the list
pager-prev = Previous page
pager-next = Next page
pager-current = Page { $page }
pager-beyond = There is nothing more on this page.
pager-first = Back to the first page
