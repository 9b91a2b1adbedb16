## Bodies of a space: general assembly, supervisory board, board, working groups, coordinating team

module-assemblies = General assemblies and bodies
module-assemblies-about = The cooperative's bodies (general assembly, supervisory board, board) and working groups: who sits on them, from when and until when.
module-groups = Working groups
module-groups-about = Working groups and the coordinating team: who takes part, and in which role.

error-assembly-body_not_for_space = This kind of body does not belong to this space (a supervisory board and a board belong to cooperatives, a coordinating team to coalitions).
error-assembly-body_name_taken = This space already has a body with this name.
error-assembly-general_assembly_exists = This space already has a general assembly.
error-assembly-person_unknown = There is no account with this e-mail address.
error-assembly-seat_ended = This seat has already ended.
error-assembly-end_before_start = A seat cannot end before its term starts.
error-assembly-bad_date = Give the date as YYYY-MM-DD.
error-assembly-term_order = A term cannot end before it starts.
error-assembly-seat_overlaps = This person already sits on this body at that time (or would sit on the board and the supervisory board at once, which the law forbids).
error-assembly-chair_taken = This body already has a chair at that time.
error-assembly-demand_too_few = A demand to convene the general assembly needs the signatures of at least 1/10 of the members, and no fewer than 3.
error-assembly-notice_too_short = The notice must come at least as many days before the assembly as the statute says.
error-assembly-agenda_empty = The agenda cannot be empty.
error-assembly-agenda_locked = The agenda is closed: after the notice it takes additions only within the statute's time.
error-assembly-not_on_agenda = A resolution can only be passed on an item of the announced agenda.
error-assembly-proxies_excluded = The statute does not allow acting through a proxy.
error-assembly-proxy_for_two = This proxy already represents another member; a proxy may represent only one.
error-assembly-second_proxy = This member already has a proxy at this assembly.
error-assembly-board_member_as_proxy = A member of the board may not be a proxy (allowed only in a cooperative of at most 10 members).
error-assembly-unexpected_proxy = A proxy is named only when the member takes part through one.
error-assembly-power_of_attorney_missing = Attach the written power of attorney.
error-assembly-already_present = This member is already on the attendance list.
error-assembly-not_present = This member is not on the attendance list.
error-assembly-not_entitled = This person is not a member of the cooperative (the supervisory board is elected from the members).
error-assembly-voted_twice = This member has already voted on this.
error-assembly-vote_closed = The vote is closed.
error-assembly-vote_not_open = The vote has not started yet.
error-assembly-election_is_secret = Elections and dismissals of members of the bodies are by secret ballot.

assembly-bodies-title = Bodies and working groups
assembly-bodies-lead = Who sits on the bodies of this space today, and who sat before. The history stays: a seat that ended is shown with its date and reason.
assembly-no-bodies = This space has no bodies recorded yet.
assembly-no-seats = Nobody sits on this body now.
assembly-all-members = The general assembly is all the members of the cooperative; each member has one vote, whatever their shares.
assembly-current = Members
assembly-history = Earlier and later terms
assembly-col-person = Person
assembly-col-position = Position
assembly-col-from = From
assembly-col-until = Until
assembly-col-ended = Ended
assembly-kind-general_assembly = General assembly
assembly-kind-supervisory_board = Supervisory board
assembly-kind-board = Board
assembly-kind-working_group = Working group
assembly-kind-coordinating_team = Coordinating team
assembly-position-chair = chair
assembly-position-deputy = deputy chair
assembly-position-secretary = secretary
assembly-position-member = member
assembly-end-title = End
assembly-end-on = Date (empty: today)
assembly-end-reason = Reason
assembly-end-submit = End seat
assembly-seat-title = New seat
assembly-seat-email = E-mail address of the person's account
assembly-seat-submit = Add to the body
assembly-today-if-empty = (empty: today)
assembly-new-body = New body or group
assembly-body-kind = Kind
assembly-body-name = Name
assembly-body-purpose = What it does
assembly-body-create = Create
assembly-body-created = Body created.
assembly-seat-given = Person added to the body.
assembly-seat-ended = Seat ended; it stays in the history.

error-assembly-bad_time = Give the time as HH:MM, e.g. 17:00.
error-assembly-date_in_past = An assembly cannot be held in the past.
error-assembly-demand_date_missing = Give the day the demand to convene came in.
error-assembly-notice_already_sent = The notice of this assembly has already been sent.
error-assembly-notice_not_sent = The notice of this assembly has not been sent yet.

mail-assembly-notice-subject = Notice of the general assembly: { $coop }
mail-assembly-notice-body = Hello,

    The board of { $coop } gives notice of the general assembly: { $title }.

    When: { $date }, { $time }
    Where: { $place }

    Agenda:
    { $agenda }

    Resolutions may be passed only on items of the agenda. Every member has one vote, whatever their shares; a member may act through a proxy with a written power of attorney where the statute allows it.

    Details and documents: { $link }
letter-assembly-notice-subject = Notice of the general assembly: { $title }
letter-assembly-notice-body = The board of { $coop } gives notice of the general assembly: { $title }.

    When: { $date }, { $time }
    Where: { $place }

    Agenda:
    { $agenda }

    Resolutions may be passed only on items of the agenda. Every member has one vote, whatever their shares; a member may act through a proxy with a written power of attorney where the statute allows it. The documents may be inspected at the cooperative's seat.

assembly-meetings-title = General assemblies
assembly-meetings-lead = The cooperative's assemblies: date, place, agenda and the notice to members. Every member has one vote, whatever their shares.
assembly-no-meetings = No assembly has been convened yet.
assembly-not-noticed = Notice not sent yet.
assembly-noticed-on = Notice sent on
assembly-notice-by = It must go out by
assembly-late = Late: an assembly convened on a demand should be held within 6 weeks.
assembly-convene-title = Convene a general assembly
assembly-meeting-title = Name of the assembly
assembly-convener = Convened by
assembly-convener-board = The board, of its own accord
assembly-convener-supervisory_board = The board, on the supervisory board's demand
assembly-convener-members = The board, on the demand of { $count } members
assembly-convener-members-choice = The board, on the members' demand (at least 1/10, no fewer than 3)
assembly-signatures = Members who signed the demand
assembly-for-members-demand = (for a members' demand)
assembly-demanded-on = Day the demand came in
assembly-for-a-demand = (for a demand)
assembly-held-on = Date
assembly-starts-at = Starting time
assembly-place = Place
assembly-remote = remote
assembly-remote-choice = Members may take part remotely
assembly-convene-submit = Convene
assembly-convened = Assembly convened. Set the agenda and send the notice.
assembly-demand-deadline = Deadline set by the demand
assembly-notice = Notice to members
assembly-agenda-open-until = The agenda takes additions until
assembly-challenge-until = Resolutions may be challenged in court until
assembly-agenda = Agenda
assembly-agenda-empty = The agenda is empty.
assembly-added-after-notice = (added after the notice)
assembly-item-title = Add an agenda item
assembly-item-name = Item
assembly-item-resolution = Resolution
assembly-item-no-resolution = no resolution (a report, a discussion)
assembly-item-description = Description
assembly-item-submit = Add item
assembly-item-added = Item added to the agenda.
assembly-notice-explained = The notice with the date, place and agenda goes by e-mail to every member (to an organisation: to its representatives). For members without an e-mail address letters are prepared for printing. After it, the agenda only takes additions, within the statute's time.
assembly-notice-submit = Send the notice
assembly-notice-sent = Notice sent.
assembly-letters-link = Printed notices for members without e-mail (PDF)
assembly-resolution-ordinary = simple majority
assembly-resolution-statute_change = statute change
assembly-resolution-merger = merger
assembly-resolution-liquidation = liquidation
assembly-resolution-election = election (secret)
assembly-resolution-dismissal = dismissal (secret)

error-assembly-before_the_day = The assembly has not started: attendance and votes are on its day.
error-assembly-another_vote_open = Another vote is open; close it first.
error-assembly-no_resolution_on_item = This agenda item does not ask for a resolution.
error-assembly-bad_choice = Choose: for, against or abstain.
error-assembly-bad_role = A role at the assembly is the chair or a teller.

assembly-sitting-title = Proceedings
assembly-sitting-link = Proceedings: attendance and votes
assembly-present = Present (in person, remotely and by proxy) of those entitled
assembly-officers = Officers
assembly-no-officers = No chair or tellers named yet.
assembly-role-chair = chair of the assembly
assembly-role-teller = teller
assembly-officer-submit = Name
assembly-officer-named = Role given.
assembly-attendance = Attendance register
assembly-nobody-yet = Nobody is on the attendance register yet.
assembly-col-presence = Taking part
assembly-col-proxy = Proxy
assembly-col-here = Present
assembly-here = here
assembly-left = left
assembly-check-out = Leaves
assembly-check-in = Check a member in
assembly-member-number = Member's number in the register
assembly-presence-in_person = in person (a legal person: its representative)
assembly-presence-remote = remotely
assembly-presence-proxy = through a proxy
assembly-proxy-name = Proxy's full name
assembly-proxy-email = E-mail of the proxy's account
assembly-for-a-proxy = (for a proxy)
assembly-power-of-attorney = Scan of the written power of attorney
assembly-check-in-submit = Check in
assembly-checked-in = Member checked in.
assembly-checked-out = Departure recorded.
assembly-votes = Votes
assembly-no-votes = No votes yet.
assembly-for = For
assembly-against = Against
assembly-abstaining = Abstaining
assembly-choice = Vote
assembly-vote-running = Voting is open; votes cast
assembly-room-vote-submit = Record a vote from the room
assembly-my-vote = My vote
assembly-my-vote-submit = Cast my vote
assembly-vote-cast = Vote recorded.
assembly-close-vote = Close the vote and count
assembly-vote-closed = Vote closed.
assembly-present-at-vote = present at the vote / entitled
assembly-open-vote = Open a vote
assembly-resolution-text = Text of the resolution
assembly-open-vote-submit = Open
assembly-vote-opened = Vote opened.
assembly-outcome-passed = Resolution passed.
assembly-outcome-rejected = Resolution not passed: the required majority was not reached.
assembly-outcome-no_quorum = No quorum: the resolution does not exist.

minutes-title = Minutes: { $title }
minutes-coop = Cooperative
minutes-took-part = Members on the attendance register, of those entitled
minutes-resolutions = Resolutions
minutes-challenge-until = The resolution may be challenged in court until { $date }.
minutes-arrived = Arrived
minutes-left = Left
minutes-signatures = The attendance register is part of the minutes.

    Chair of the assembly: ............................    Minute-taker: ............................
minutes-link = Minutes
minutes-pdf = Download the minutes (PDF)
minutes-signed = Signatures
minutes-scan-attached = Scan of the minutes signed on paper attached { $when }.
minutes-sign = Sign the minutes
minutes-sign-explained = The chair's signature closes the proceedings: no more attendance or votes can be recorded after it.
minutes-signed-done = Minutes signed.
minutes-scan = Attach the scan of the signed minutes
minutes-scan-file = Scan file
minutes-scan-submit = Attach the scan
minutes-scan-attached-done = Scan attached.
minutes-scan-link = Scan of the signed minutes
assembly-role-secretary = minute-taker
error-assembly-minutes_signed = The minutes are signed: the proceedings are closed.
error-assembly-already_signed = This signature has already been given.
assembly-document-added = Document added to the assembly.
