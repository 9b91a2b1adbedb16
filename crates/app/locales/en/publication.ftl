## What the body running the site publishes: the accessibility statement and the
## privacy notice, and what a person may see and take away: their own data.

publication-example = These are example values. The administrator of this installation has not yet filled in the [publication] section of the configuration file.
privacy-link = Personal data protection

## Accessibility statement

a11y-title = Accessibility statement
a11y-intro = is committed to making its website accessible in accordance with the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies.
a11y-scope = This accessibility statement applies to the website
a11y-dates = Dates of publication and update
a11y-published = Date the website was published:
a11y-updated = Date of its last significant update:
a11y-status-heading = Compliance status
a11y-status-before = The website is
a11y-status-full = fully compliant
a11y-status-partial = partially compliant
a11y-status-none = not compliant
a11y-status-after = with the Act on the digital accessibility of websites and mobile applications of public bodies
a11y-status-reasons = because of the non-compliances or exemptions listed below.
a11y-non-accessible = Non-accessible content
a11y-none-listed = The body has not yet listed the content that is not accessible.
a11y-content = Content
a11y-reason = Reason
a11y-preparation = Preparation of this statement
a11y-prepared = This statement was prepared on:
a11y-reviewed = It was last reviewed on:
a11y-self-assessment = The statement was prepared on the basis of a self-assessment by the public body.
a11y-assessed-by = The statement was prepared on the basis of an assessment carried out by
a11y-features = Accessibility features
a11y-feature-skip = Every page begins with a "Skip to content" link that jumps over the menu.
a11y-feature-keyboard = The site works without JavaScript; all of it can be used with a keyboard, including the browser's standard shortcuts.
a11y-feature-zoom = Text can be enlarged to 200% without loss of content, and the layout adapts to the width of the screen.
a11y-feature-languages = The site is available in Polish and in English; the button in the header switches the language.
a11y-contact = Feedback and contact information
a11y-contact-lead = If you have a problem with the accessibility of this website, please contact us.
a11y-contact-person = Contact person
a11y-contact-email = E-mail address
a11y-contact-phone = Telephone
a11y-contact-same = The same way you may request information that is not accessible and complain about a lack of accessibility.
a11y-procedure = Requests and complaints about accessibility
a11y-procedure-right = Everyone has the right to request that a website or part of it be made digitally accessible. You may also ask for information to be provided in an alternative way, for example by reading out a document that is not accessible or describing the content of a picture.
a11y-procedure-request = The request should give the details of the person making it, the website or part of it concerned, and how to reach you. If you need the information in an alternative form, say which form suits you.
a11y-procedure-deadline = The public body fulfils the request without delay and no later than 7 days after it was made. If it cannot meet that deadline, it tells the person who made the request without delay when the request will be fulfilled, no later than 2 months after it was made. If accessibility cannot be ensured, the body may offer an alternative way of accessing the information.
a11y-procedure-complaint = If the public body refuses to ensure accessibility or an alternative way of access, or misses the deadline, the person who made the request may file a complaint about the lack of digital accessibility.
a11y-procedure-ombudsman = When this procedure has been exhausted, you may apply to the Commissioner for Human Rights (Rzecznik Praw Obywatelskich):
a11y-ombudsman = Commissioner for Human Rights
a11y-building = Architectural accessibility
a11y-apps = Mobile applications
a11y-no-apps = The body offers no mobile applications.

## Privacy notice (art. 13 GDPR)

privacy-title = How we process personal data
privacy-lead = Under Article 13 of Regulation (EU) 2016/679 of the European Parliament and of the Council (GDPR) we tell you who processes your personal data on this website, for what purposes, and what your rights are.
privacy-controller = Controller
privacy-controller-lead = The controller of your personal data is:
privacy-dpo = Data protection officer
privacy-dpo-lead = You can contact the data protection officer about anything concerning the processing of your data:
privacy-no-dpo = The controller has not appointed a data protection officer. About your data, write to
privacy-purposes = Purposes, legal bases and how long data is kept
privacy-col-purpose = Purpose and data
privacy-col-basis = Legal basis
privacy-col-retention = How long we keep it
privacy-purpose-account = Your account: e-mail address, name, town, a hash of your password and your chosen language.
privacy-basis-account = Art. 6(1)(b) GDPR: the electronic service you ask for by opening an account.
privacy-retention-account = Until you delete the account; deleting it erases these data at once.
privacy-purpose-listing = Showing your name on the public lists of allies of spaces.
privacy-basis-listing = Art. 6(1)(a) GDPR: your consent.
privacy-retention-listing = Until you withdraw your consent, which you can do at any time on the "My data" page.
privacy-purpose-signatures = Signing the declarations and founding documents of spaces: who signed, on whose behalf, which version of the document and when.
privacy-basis-signatures = Art. 6(1)(b) GDPR: joining a space on the terms of its document.
privacy-retention-signatures = For as long as the space exists, because the signatures record who joined it. When you delete your account, your signatures are withdrawn and your name removed.
privacy-purpose-budget = Participatory budget: submitting and supporting proposals, declaring your name and address (and, where the council's resolution requires it, your PESEL number, stored only as a keyed hash) and the register of who voted, so that everyone votes only once.
privacy-basis-budget = Art. 6(1)(c) and (e) GDPR together with Article 5a of the Polish Municipal Self-Government Act and the council's resolution on the participatory budget.
privacy-retention-budget = { $years } after the budget round ends.
privacy-purpose-consultations = Public consultations (where a space has them switched on): the comments and answers of participants.
privacy-basis-consultations = Art. 6(1)(e) GDPR together with Article 5a of the Polish Municipal Self-Government Act.
privacy-retention-consultations = { $years } after the consultation ends.
privacy-purpose-mail = E-mails about your account and what you do on the platform: confirming your address, changing your password, notifications.
privacy-basis-mail = Art. 6(1)(b) GDPR.
privacy-retention-mail = Copies of sent messages: { $days }.
privacy-purpose-security = Security and accountability: login sessions, counters of failed logins and the log of changes (who changed what, and when).
privacy-basis-security = Art. 6(1)(c) GDPR together with Articles 5(2) and 32 GDPR.
privacy-retention-security = Sessions: until you log out, at most { $sessions }. Counters of failed logins: until the next successful login (they block logging in for at most { $minutes }). Log of changes: { $years }.
privacy-years = { $count ->
    [one] { $count } year
   *[other] { $count } years
}
privacy-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
privacy-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
privacy-ballots = Voting in the participatory budget is secret. A ballot is encrypted for the election committee before it is stored and, once the votes are counted, kept apart, with nothing that links it to you. The register says only that you voted in a pool, never how.
privacy-recipients = Recipients
privacy-recipients-lead = Your data are processed on the controller's behalf by:
privacy-no-processors = The controller does not entrust the processing of your data to anyone else.
privacy-recipients-law = Data may also be disclosed to bodies entitled to them by law.
privacy-public = Public are: the names of people who agreed to be shown on a list of allies, the names of organisations that signed declarations, and the content of proposals submitted to the participatory budget.
privacy-transfers = Transfers outside the European Economic Area
privacy-no-transfers = We do not transfer your data outside the European Economic Area.
privacy-rights = Your rights
privacy-rights-lead = You have the right to:
privacy-right-access = access your data and receive a copy (Article 15 GDPR);
privacy-right-rectification = have your data corrected (Article 16 GDPR);
privacy-right-erasure = have your data erased (Article 17 GDPR);
privacy-right-restriction = restrict processing (Article 18 GDPR);
privacy-right-portability = data portability for data processed on the basis of consent or a contract (Article 20 GDPR);
privacy-right-objection = object to processing based on Article 6(1)(e) GDPR (Article 21 GDPR);
privacy-right-withdraw = withdraw your consent at any time, without affecting the lawfulness of processing before the withdrawal;
privacy-right-complaint = lodge a complaint with the President of the Personal Data Protection Office (Prezes UODO, ul. Stawki 2, 00-193 Warszawa) if you believe we process your data unlawfully.
privacy-self-service = Once logged in, you can exercise some of these rights without writing to us:
privacy-self-my-data = see all your data, download it as a JSON file and withdraw your consent;
privacy-self-profile = correct your data and delete your account.
privacy-rights-contact = For anything else, write to the controller or the data protection officer.
privacy-requirement = Do you have to give us your data
privacy-requirement-text = Giving your data is voluntary. Without an e-mail address and your name, however, you cannot open an account, and without your name and address you cannot vote in the participatory budget: the council's resolution requires them to check the right to vote and that everyone votes once. Your town and the consent to be shown on the list of allies are optional.
privacy-automated = Automated decision-making
privacy-automated-text = We take no decisions about you based solely on automated processing, including profiling (Article 22 GDPR). The results of the participatory budget are counted by rules announced before the vote, and anyone can recount them.
privacy-cookies = Cookies
privacy-cookies-text = The site stores only the cookies it needs to work: your login session (wsp_session), protection of forms against forgery (wsp_csrf) and your chosen language (wsp_lang). We use no cookies for tracking or statistics.

## A person's own data

profile-my-data = My data: everything the platform holds about you, and your consents
my-data-title = My data
my-data-lead = Here you see everything the platform holds about you. Only you can see this page.
my-data-download = Download my data (JSON)
my-data-ballots = Your ballots are not here: voting is secret, ballots are encrypted for the election committee and, once counted, kept apart, with nothing that links them to you.
my-data-privacy-link = How and why we process your data
my-data-account = Account
my-data-edit-profile = Correct your data in your profile
my-data-language = Language
my-data-language-pl = Polish
my-data-language-en = English
my-data-created = Account opened
my-data-confirmed = E-mail address confirmed
my-data-platform-admin = Platform administrator
my-data-yes = yes
my-data-no = no
my-data-none = None.
my-data-consents = Consents
my-data-consent-list_publicly = Consent to show your name on public lists of allies
my-data-consent-given = given
my-data-consent-not-given = not given
my-data-consent-withdraw = Withdraw consent
my-data-consent-give = You can give or change your consent on the page
my-data-consent-withdrawn = Consent withdrawn.
my-data-organisations = Organisations you represent (or did)
my-data-spaces = Spaces you administer
my-data-signatures = Signatures
my-data-proposals = Proposals submitted to the participatory budget
my-data-supports = Proposals you supported
my-data-declarations = Declarations for voting in the participatory budget
my-data-register = Register of voters
my-data-register-lead = The register says only that you voted in a pool, and through which channel, never how.
my-data-official = Budget rounds in which you verify proposals
my-data-sessions = Login sessions
my-data-sessions-count = { $count ->
    [one] { $count } session
   *[other] { $count } sessions
}
my-data-links = Links sent by e-mail
my-data-mail = E-mails to you
my-data-failed-logins = Failed logins
my-data-failed-logins-count = { $count ->
    [one] We recorded { $count } failed login for your address; the counters are cleared by a successful login.
   *[other] We recorded { $count } failed logins for your address; the counters are cleared by a successful login.
}
my-data-actions = What you did, in the log of changes
my-data-actions-more = Showing the latest { $shown } of { $total } entries; all of them are in the JSON file.
my-data-col-organisation = Organisation
my-data-col-role = Role
my-data-col-from = From
my-data-col-until = Until
my-data-col-space = Space
my-data-col-document = Document
my-data-col-on-behalf = On behalf of
my-data-col-signed-as = Signed as
my-data-col-status = Status
my-data-col-signed-at = Signed
my-data-col-ended-at = Ended
my-data-col-round = Round
my-data-col-title = Title
my-data-col-cost = Cost
my-data-col-submitted = Submitted
my-data-col-address = Address
my-data-col-district = District
my-data-col-pool = Pool
my-data-col-channel = Voted by
my-data-col-started = Started
my-data-col-expires = Expires
my-data-col-purpose = Purpose
my-data-col-valid-until = Valid until
my-data-col-used = Used
my-data-col-subject = Subject
my-data-col-queued = Queued
my-data-col-sent = Sent
my-data-col-when = When
my-data-col-action = What
my-data-col-where = Where
my-data-col-before = Before
my-data-col-after = After
my-data-document-version = { $title }, version { $version }
my-data-own-name = in your own name
my-data-channel-account = with your account
my-data-channel-desk_code = with a code issued at a desk
my-data-channel-bulk_code = with a code printed before voting
my-data-channel-paper = on paper
my-data-vote-counted = vote counts
my-data-vote-void = vote void, because the same person voted more than once
my-data-link-confirm = confirming your e-mail address
my-data-link-reset = changing your password
