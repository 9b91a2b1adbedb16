//! The refusals of the cooperative's rules, each with a stable code (also its
//! translation id) and whether it clashes with what already happened.

macro_rules! coop_errors {
    ($( $variant:ident => $code:literal, $conflict:literal; )*) => {
        /// A rule of the cooperative (the law or its statute) refused the request.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
        pub enum CoopError {
            $( #[error($code)] $variant, )*
        }

        impl CoopError {
            pub const CODES: &'static [&'static str] = &[$($code),*];

            pub fn code(self) -> &'static str {
                match self { $( CoopError::$variant => $code, )* }
            }

            /// True when the request clashes with the current state (HTTP 409);
            /// otherwise the request itself is not acceptable (HTTP 422).
            pub fn is_conflict(self) -> bool {
                match self { $( CoopError::$variant => $conflict, )* }
            }
        }
    };
}

coop_errors! {
    BadSettings => "coop.bad_settings", false;
    SharesTooFew => "coop.shares_too_few", false;
    SharesTooMany => "coop.shares_too_many", false;
    LegalPersonsExcluded => "coop.legal_persons_excluded", false;
    NotRepresentative => "coop.not_representative", false;
    AlreadyMember => "coop.already_member", true;
    DeclarationPending => "coop.declaration_pending", true;
    NotPending => "coop.not_pending", true;
    ReasonsRequired => "coop.reasons_required", false;
    NotRefused => "coop.not_refused", true;
    AppealTooLate => "coop.appeal_too_late", true;
    NoAppeal => "coop.no_appeal", true;
    AmountNotPositive => "coop.amount_not_positive", false;
    BeyondDeclared => "coop.beyond_declared", false;
    EntryFeeMismatch => "coop.entry_fee_mismatch", false;
    EntryFeePaid => "coop.entry_fee_paid", true;
    NotAMember => "coop.not_a_member", true;
    AlreadyLeaving => "coop.already_leaving", true;
    AlreadyEnded => "coop.already_ended", true;
    StatementsNotApproved => "coop.statements_not_approved", true;
    NothingToRefund => "coop.nothing_to_refund", true;
    RefundExceedsDue => "coop.refund_exceeds_due", false;
    NotStillMember => "coop.not_still_member", true;
    WrongStage => "coop.wrong_stage", true;
    TooFewFounders => "coop.too_few_founders", true;
    BadKrs => "coop.bad_krs", false;
    ExclusionNeedsResolution => "coop.exclusion_needs_resolution", false;
    RegisterIsAppendOnly => "coop.register_append_only", true;
    UnknownEntry => "coop.unknown_entry", false;
    UnknownPerson => "coop.unknown_person", false;
    NotALegalPerson => "coop.not_a_legal_person", false;
    StatuteNotAccepted => "coop.statute_not_accepted", false;
    BadShares => "coop.bad_shares", false;
    BadScan => "coop.bad_scan", false;
    TooPrecise => "coop.too_precise", false;
    BadAmount => "coop.bad_amount", false;
    StatementsRecorded => "coop.statements_recorded", true;
    BelowMinimum => "coop.below_minimum", false;
    BadDate => "coop.bad_date", false;
    UnknownModel => "coop.unknown_model", false;
    PledgeExceeded => "coop.pledge_exceeded", false;
    SurplusNegative => "coop.surplus_negative", false;
    MilestoneReached => "coop.milestone_reached", true;
    BadUse => "coop.bad_use", false;
}
