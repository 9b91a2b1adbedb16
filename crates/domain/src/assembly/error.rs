//! Refusals of the assemblies module, each with a stable code (the translation id of
//! its message) and whether it clashes with the current state (409) or the request
//! itself is not acceptable (422).

macro_rules! assembly_errors {
    ($( $variant:ident => $code:literal, $conflict:literal; )*) => {
        /// A rule of the law or of the statute refused the request.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
        pub enum AssemblyError {
            $( #[error($code)] $variant, )*
        }

        impl AssemblyError {
            pub const CODES: &'static [&'static str] = &[$($code),*];

            pub fn code(self) -> &'static str {
                match self { $( AssemblyError::$variant => $code, )* }
            }

            /// True when the request clashes with the current state (HTTP 409);
            /// otherwise the request itself is not acceptable (HTTP 422).
            pub fn is_conflict(self) -> bool {
                match self { $( AssemblyError::$variant => $conflict, )* }
            }
        }
    };
}

assembly_errors! {
    BodyNotForSpace => "assembly.body_not_for_space", false;
    BodyNameTaken => "assembly.body_name_taken", true;
    GeneralAssemblyExists => "assembly.general_assembly_exists", true;
    PersonUnknown => "assembly.person_unknown", false;
    SeatEnded => "assembly.seat_ended", true;
    EndBeforeStart => "assembly.end_before_start", false;
    BadDate => "assembly.bad_date", false;
    BadTime => "assembly.bad_time", false;
    DateInPast => "assembly.date_in_past", false;
    DemandDateMissing => "assembly.demand_date_missing", false;
    NoticeAlreadySent => "assembly.notice_already_sent", true;
    NoticeNotSent => "assembly.notice_not_sent", true;
    BeforeTheDay => "assembly.before_the_day", true;
    AnotherVoteOpen => "assembly.another_vote_open", true;
    NoResolutionOnItem => "assembly.no_resolution_on_item", false;
    BadChoice => "assembly.bad_choice", false;
    BadRole => "assembly.bad_role", false;
    MinutesSigned => "assembly.minutes_signed", true;
    AlreadySigned => "assembly.already_signed", true;
    TermOrder => "assembly.term_order", false;
    SeatOverlaps => "assembly.seat_overlaps", true;
    ChairTaken => "assembly.chair_taken", true;
    DemandTooFew => "assembly.demand_too_few", false;
    NoticeTooShort => "assembly.notice_too_short", false;
    AgendaEmpty => "assembly.agenda_empty", false;
    AgendaLocked => "assembly.agenda_locked", true;
    NotOnAgenda => "assembly.not_on_agenda", false;
    ProxiesExcluded => "assembly.proxies_excluded", false;
    ProxyForTwo => "assembly.proxy_for_two", true;
    SecondProxy => "assembly.second_proxy", true;
    BoardMemberAsProxy => "assembly.board_member_as_proxy", false;
    UnexpectedProxy => "assembly.unexpected_proxy", false;
    PowerOfAttorneyMissing => "assembly.power_of_attorney_missing", false;
    AlreadyPresent => "assembly.already_present", true;
    NotPresent => "assembly.not_present", true;
    NotEntitled => "assembly.not_entitled", true;
    VotedTwice => "assembly.voted_twice", true;
    VoteClosed => "assembly.vote_closed", true;
    VoteNotOpen => "assembly.vote_not_open", true;
    OpenBallotForElection => "assembly.election_is_secret", false;
}
