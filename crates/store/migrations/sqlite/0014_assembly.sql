-- Bodies of a space (the general assembly, the supervisory board, the board, working
-- groups, a coalition's coordinating team) and the seats people hold in them. A seat
-- is never deleted: it ends, once, with its date and reason, so the history of who
-- sat where stays.
CREATE TABLE assembly_bodies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id),
    UNIQUE (space_id, name)
);

CREATE TABLE assembly_seats (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id INTEGER NOT NULL REFERENCES assembly_bodies(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    position TEXT NOT NULL,
    term_from TEXT NOT NULL,
    term_until TEXT,
    ended_on TEXT,
    end_reason TEXT,
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id)
);
CREATE INDEX assembly_seats_body ON assembly_seats(body_id, id);
CREATE INDEX assembly_seats_user ON assembly_seats(user_id, body_id);

-- A seat's person, position and term are fixed; only its end may be written, once.
CREATE TRIGGER assembly_seats_fixed BEFORE UPDATE ON assembly_seats
WHEN NEW.body_id IS NOT OLD.body_id OR NEW.user_id IS NOT OLD.user_id
  OR NEW.position IS NOT OLD.position OR NEW.term_from IS NOT OLD.term_from
  OR NEW.term_until IS NOT OLD.term_until OR OLD.ended_on IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'append-only: assembly_seats');
END;
CREATE TRIGGER assembly_seats_kept BEFORE DELETE ON assembly_seats
BEGIN
    SELECT RAISE(ABORT, 'append-only: assembly_seats');
END;

-- General assemblies: who convened them (and on whose demand), when and where, and
-- when the notice went out. The notice is sent once.
CREATE TABLE assembly_meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    body_id INTEGER NOT NULL REFERENCES assembly_bodies(id),
    title TEXT NOT NULL,
    convener TEXT NOT NULL,
    demand_signatures INTEGER,
    demanded_on TEXT,
    held_on TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    place TEXT NOT NULL,
    remote INTEGER NOT NULL DEFAULT 0,
    notice_sent_on TEXT,
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id)
);
CREATE INDEX assembly_meetings_space ON assembly_meetings(space_id, held_on);

-- The agenda: items are added, never changed or removed, so what the notice announced
-- stays what it announced; an item added after the notice says so.
CREATE TABLE assembly_agenda (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES assembly_meetings(id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    resolution_kind TEXT,
    description TEXT NOT NULL DEFAULT '',
    after_notice INTEGER NOT NULL DEFAULT 0,
    added_at INTEGER NOT NULL,
    added_by INTEGER REFERENCES users(id),
    UNIQUE (meeting_id, position)
);
CREATE TRIGGER assembly_agenda_no_update BEFORE UPDATE ON assembly_agenda
BEGIN SELECT RAISE(ABORT, 'append-only: assembly_agenda'); END;
CREATE TRIGGER assembly_agenda_no_delete BEFORE DELETE ON assembly_agenda
BEGIN SELECT RAISE(ABORT, 'append-only: assembly_agenda'); END;

-- Documents for the members before the assembly: draft resolutions, the financial
-- statements, the board's report; each a stored file with its title.
CREATE TABLE assembly_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES assembly_meetings(id),
    file_id INTEGER NOT NULL REFERENCES files(id),
    title TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    added_by INTEGER REFERENCES users(id)
);
CREATE INDEX assembly_documents_meeting ON assembly_documents(meeting_id, id);

-- Who runs an assembly: its chair (elected at its start) and the tellers who check
-- members in and enter the votes from the room.
CREATE TABLE assembly_officers (
    meeting_id INTEGER NOT NULL REFERENCES assembly_meetings(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    named_at INTEGER NOT NULL,
    named_by INTEGER REFERENCES users(id),
    PRIMARY KEY (meeting_id, user_id, role)
);

-- The attendance register, attached to the minutes: one row per arrival of a member
-- (in person, remotely, or through a proxy with the power of attorney's scan); a
-- departure closes the row, so the quorum at each vote is who was there then.
CREATE TABLE assembly_attendance (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES assembly_meetings(id),
    member_number INTEGER NOT NULL,
    presence TEXT NOT NULL,
    proxy_name TEXT,
    proxy_key TEXT,
    proxy_on_board INTEGER NOT NULL DEFAULT 0,
    power_of_attorney INTEGER REFERENCES files(id),
    arrived_at INTEGER NOT NULL,
    left_at INTEGER,
    recorded_by INTEGER REFERENCES users(id)
);
CREATE INDEX assembly_attendance_meeting ON assembly_attendance(meeting_id, member_number);

-- Open votes on the agenda's resolutions. Closing a vote writes the count with the
-- quorum as it stood at that moment; without quorum the outcome is no_quorum and the
-- resolution does not exist.
CREATE TABLE assembly_votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES assembly_meetings(id),
    item_id INTEGER NOT NULL REFERENCES assembly_agenda(id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    closed_at INTEGER,
    present INTEGER,
    entitled INTEGER,
    yes INTEGER,
    no INTEGER,
    abstain INTEGER,
    outcome TEXT,
    explanation TEXT,
    -- The rules the count used, so it can be recounted after the statute changes:
    -- the majority (`simple` or a fraction such as `2/3`), the quorum's fraction, and
    -- whether abstentions counted.
    majority TEXT,
    quorum TEXT,
    abstentions_counted INTEGER
);
CREATE INDEX assembly_votes_meeting ON assembly_votes(meeting_id, id);

-- One member, one vote: a choice per member and vote, from the room or remotely.
CREATE TABLE assembly_ballots (
    vote_id INTEGER NOT NULL REFERENCES assembly_votes(id),
    member_number INTEGER NOT NULL,
    choice TEXT NOT NULL,
    via TEXT NOT NULL,
    cast_at INTEGER NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    PRIMARY KEY (vote_id, member_number)
);
CREATE TRIGGER assembly_ballots_no_update BEFORE UPDATE ON assembly_ballots
BEGIN SELECT RAISE(ABORT, 'append-only: assembly_ballots'); END;
CREATE TRIGGER assembly_ballots_no_delete BEFORE DELETE ON assembly_ballots
BEGIN SELECT RAISE(ABORT, 'append-only: assembly_ballots'); END;

-- The minutes' signatures: the chair and the minute-taker each confirm once, or the
-- board attaches the scan of the signed paper. After the chair signs, the session is
-- closed: nothing more is recorded at it.
CREATE TABLE assembly_signatures (
    meeting_id INTEGER NOT NULL REFERENCES assembly_meetings(id),
    role TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    scan_file_id INTEGER REFERENCES files(id),
    signed_at INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, role)
);
CREATE TRIGGER assembly_signatures_no_update BEFORE UPDATE ON assembly_signatures
BEGIN SELECT RAISE(ABORT, 'append-only: assembly_signatures'); END;
CREATE TRIGGER assembly_signatures_no_delete BEFORE DELETE ON assembly_signatures
BEGIN SELECT RAISE(ABORT, 'append-only: assembly_signatures'); END;
-- A vote's count is written once, at its close, and kept.
CREATE TRIGGER assembly_votes_closed BEFORE UPDATE ON assembly_votes
WHEN OLD.closed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'append-only: assembly_votes'); END;
CREATE TRIGGER assembly_votes_kept BEFORE DELETE ON assembly_votes
BEGIN SELECT RAISE(ABORT, 'append-only: assembly_votes'); END;
