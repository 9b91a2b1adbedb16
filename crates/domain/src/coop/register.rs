//! The member register (rejestr członków, art. 30 Prawa spółdzielczego): an
//! append-only list of entries per member. A member's current state is folded from
//! the entries; a correction is a new entry naming the one it corrects and why.

use super::CoopError;
use crate::date::{self, Date};
use crate::pb::Money;
use serde::{Deserialize, Serialize};

/// A member's name and address (a legal person: its name, seat and KRS number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Details {
    pub name: String,
    pub address: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub krs: Option<String>,
}

/// Why a membership ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum EndReason {
    /// The notice period ran out.
    Exit,
    /// For fault, by a resolution with its specific reasons.
    Exclusion {
        resolution: String,
        reasons: String,
    },
    /// For a non-fault reason the statute names.
    Removal {
        reasons: String,
    },
    Death,
}

impl EndReason {
    pub fn code(&self) -> &'static str {
        match self {
            EndReason::Exit => "exit",
            EndReason::Exclusion { .. } => "exclusion",
            EndReason::Removal { .. } => "removal",
            EndReason::Death => "death",
        }
    }
}

/// One entry of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "entry", rename_all = "snake_case")]
pub enum Entry {
    /// Admission (or founding, for a founder) on a date.
    Admitted { on: Date, founder: bool },
    /// Name and address, at admission and at every change.
    Details(Details),
    /// A contribution other than shares (wkład), with its kind and value.
    Contribution { kind: String, value: Money },
    /// Written notice of exit, given on a date; membership ends on `ends_on`.
    NoticeOfExit { given_on: Date, ends_on: Date },
    /// Membership ended on a date, for a reason (other than the exit, which ends by
    /// the notice itself).
    Ended { on: Date, end: EndReason },
    /// A correction of an earlier entry: the replacement, and why.
    Correction {
        corrects: i64,
        reason: String,
        replacement: Box<Entry>,
    },
}

impl Entry {
    pub fn code(&self) -> &'static str {
        match self {
            Entry::Admitted { .. } => "admitted",
            Entry::Details(_) => "details",
            Entry::Contribution { .. } => "contribution",
            Entry::NoticeOfExit { .. } => "notice_of_exit",
            Entry::Ended { .. } => "ended",
            Entry::Correction { .. } => "correction",
        }
    }
}

/// Where a membership stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Active,
    /// Notice given; still a member until the notice period runs out.
    Leaving,
    Ended,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Active => "active",
            Standing::Leaving => "leaving",
            Standing::Ended => "ended",
        }
    }
}

/// A member's state, folded from the register's entries.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MemberState {
    pub admitted_on: Option<Date>,
    pub founder: bool,
    pub details: Details,
    pub contributions: Money,
    pub notice_given_on: Option<Date>,
    /// The day membership ends or ended.
    pub ends_on: Option<Date>,
    /// Why it ended, once an end is recorded or the notice ran out.
    pub end: Option<EndReason>,
}

impl MemberState {
    /// Folds `entries` (id, entry) in order; a correction takes the place of the entry
    /// it names (a correction of a correction replaces the replacement).
    pub fn fold(entries: &[(i64, Entry)]) -> MemberState {
        let mut effective: Vec<&Entry> = Vec::with_capacity(entries.len());
        // Which slot of `effective` each entry id stands for.
        let mut slot_of: Vec<(i64, usize)> = Vec::with_capacity(entries.len());
        for (id, e) in entries {
            match e {
                Entry::Correction {
                    corrects,
                    replacement,
                    ..
                } => {
                    if let Some(&(_, slot)) = slot_of.iter().find(|(i, _)| i == corrects) {
                        effective[slot] = replacement;
                        slot_of.push((*id, slot));
                    }
                }
                other => {
                    slot_of.push((*id, effective.len()));
                    effective.push(other);
                }
            }
        }
        let mut s = MemberState::default();
        for e in effective {
            s.apply(e);
        }
        s
    }

    fn apply(&mut self, e: &Entry) {
        match e {
            Entry::Admitted { on, founder } => {
                self.admitted_on = Some(*on);
                self.founder = *founder;
            }
            Entry::Details(d) => self.details = d.clone(),
            Entry::Contribution { value, .. } => self.contributions.0 += value.0,
            Entry::NoticeOfExit { given_on, ends_on } => {
                self.notice_given_on = Some(*given_on);
                self.ends_on = Some(*ends_on);
            }
            Entry::Ended { on, end } => {
                self.ends_on = Some(*on);
                self.end = Some(end.clone());
            }
            Entry::Correction { replacement, .. } => self.apply(replacement),
        }
    }

    /// Where the membership stands on `today`.
    pub fn standing(&self, today: Date) -> Standing {
        match (self.end.is_some(), self.ends_on) {
            (true, _) => Standing::Ended,
            (false, Some(end)) if today >= end => Standing::Ended,
            (false, Some(_)) => Standing::Leaving,
            (false, None) => Standing::Active,
        }
    }

    /// Why the membership ended by `today`, if it has: a recorded end, or the exit
    /// when the notice period has run out.
    pub fn ended_because(&self, today: Date) -> Option<EndReason> {
        match (&self.end, self.ends_on) {
            (Some(e), _) => Some(e.clone()),
            (None, Some(end)) if today >= end => Some(EndReason::Exit),
            _ => None,
        }
    }
}

/// The day membership ends after notice given on `given_on`: the day after the
/// notice period of `months` runs out.
pub fn exit_ends_on(given_on: Date, months: u32) -> Date {
    date::plus_days(date::plus_months(given_on, months), 1)
}

/// The entry of a notice of exit given on `given_on`.
pub fn give_notice(state: &MemberState, months: u32, given_on: Date) -> Result<Entry, CoopError> {
    match state.standing(given_on) {
        Standing::Ended => Err(CoopError::AlreadyEnded),
        Standing::Leaving => Err(CoopError::AlreadyLeaving),
        Standing::Active => Ok(Entry::NoticeOfExit {
            given_on,
            ends_on: exit_ends_on(given_on, months),
        }),
    }
}

/// The entry of a contribution other than shares (wkład: money, a thing brought in
/// kind, work), of a positive value, while the membership lasts.
pub fn contribution(
    state: &MemberState,
    on: Date,
    kind: String,
    value: Money,
) -> Result<Entry, CoopError> {
    if state.standing(on) == Standing::Ended {
        return Err(CoopError::NotStillMember);
    }
    if value.0 <= 0 {
        return Err(CoopError::AmountNotPositive);
    }
    Ok(Entry::Contribution { kind, value })
}

/// The entry ending a membership on `on` by exclusion, removal or death. Exclusion
/// needs a resolution and its reasons; removal needs its reasons.
pub fn end_membership(state: &MemberState, on: Date, end: EndReason) -> Result<Entry, CoopError> {
    if state.standing(on) == Standing::Ended || state.end.is_some() {
        return Err(CoopError::AlreadyEnded);
    }
    match &end {
        EndReason::Exit => return Err(CoopError::AlreadyLeaving),
        EndReason::Exclusion {
            resolution,
            reasons,
        } if resolution.trim().is_empty() || reasons.trim().is_empty() => {
            return Err(CoopError::ExclusionNeedsResolution)
        }
        EndReason::Removal { reasons } if reasons.trim().is_empty() => {
            return Err(CoopError::ReasonsRequired)
        }
        _ => {}
    }
    Ok(Entry::Ended { on, end })
}

/// The day by which an exclusion resolved on `resolved_on` must be notified in writing.
pub fn exclusion_notice_due(resolved_on: Date) -> Date {
    date::plus_days(resolved_on, 14)
}

/// The day a refund of shares falls due: `months` after the approval of the financial
/// statements of the year membership ended; refused before they are approved.
pub fn refund_due_on(approved_on: Option<Date>, months: u32) -> Result<Date, CoopError> {
    approved_on
        .map(|d| date::plus_months(d, months))
        .ok_or(CoopError::StatementsNotApproved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        date::parse(s).unwrap()
    }

    fn admitted() -> Vec<(i64, Entry)> {
        vec![
            (
                1,
                Entry::Admitted {
                    on: d("2026-01-10"),
                    founder: false,
                },
            ),
            (
                2,
                Entry::Details(Details {
                    name: "Anna Kowalska".into(),
                    address: "ul. Hutnicza 1, Dąbrowa Górnicza".into(),
                    krs: None,
                }),
            ),
        ]
    }

    #[test]
    fn notice_ends_the_day_after_the_period() {
        assert_eq!(exit_ends_on(d("2026-03-15"), 3), d("2026-06-16"));
        let s = MemberState::fold(&admitted());
        let notice = give_notice(&s, 3, d("2026-03-15")).unwrap();
        let mut entries = admitted();
        entries.push((3, notice));
        let s = MemberState::fold(&entries);
        assert_eq!(s.standing(d("2026-06-15")), Standing::Leaving);
        assert_eq!(s.standing(d("2026-06-16")), Standing::Ended);
        assert_eq!(s.ended_because(d("2026-06-16")), Some(EndReason::Exit));
        assert_eq!(
            give_notice(&s, 3, d("2026-04-01")),
            Err(CoopError::AlreadyLeaving)
        );
        assert_eq!(
            give_notice(&s, 3, d("2026-07-01")),
            Err(CoopError::AlreadyEnded)
        );
    }

    #[test]
    fn exclusion_needs_a_resolution_with_reasons() {
        let s = MemberState::fold(&admitted());
        let bare = EndReason::Exclusion {
            resolution: "".into(),
            reasons: "".into(),
        };
        assert_eq!(
            end_membership(&s, d("2026-05-01"), bare),
            Err(CoopError::ExclusionNeedsResolution)
        );
        let ok = EndReason::Exclusion {
            resolution: "Uchwała Zarządu nr 4/2026".into(),
            reasons: "Działanie na szkodę Spółdzielni".into(),
        };
        let e = end_membership(&s, d("2026-05-01"), ok).unwrap();
        let mut entries = admitted();
        entries.push((3, e));
        let s = MemberState::fold(&entries);
        assert_eq!(s.standing(d("2026-05-01")), Standing::Ended);
        assert_eq!(
            end_membership(&s, d("2026-06-01"), EndReason::Death),
            Err(CoopError::AlreadyEnded)
        );
        assert_eq!(exclusion_notice_due(d("2026-05-01")), d("2026-05-15"));
    }

    #[test]
    fn a_correction_replaces_without_erasing() {
        let mut entries = admitted();
        entries.push((
            3,
            Entry::Correction {
                corrects: 2,
                reason: "Literówka w nazwisku".into(),
                replacement: Box::new(Entry::Details(Details {
                    name: "Anna Kowalczyk".into(),
                    address: "ul. Hutnicza 1, Dąbrowa Górnicza".into(),
                    krs: None,
                })),
            },
        ));
        let s = MemberState::fold(&entries);
        assert_eq!(s.details.name, "Anna Kowalczyk");
        assert_eq!(
            entries.len(),
            3,
            "the corrected entry stays in the register"
        );
        // A correction of a contribution replaces its value instead of adding to it.
        entries.push((
            4,
            Entry::Contribution {
                kind: "praca".into(),
                value: Money(1000),
            },
        ));
        entries.push((
            5,
            Entry::Correction {
                corrects: 4,
                reason: "Błędna wartość".into(),
                replacement: Box::new(Entry::Contribution {
                    kind: "praca".into(),
                    value: Money(800),
                }),
            },
        ));
        assert_eq!(MemberState::fold(&entries).contributions, Money(800));
    }

    #[test]
    fn contributions_add_up_while_the_membership_lasts() {
        let s = MemberState::fold(&admitted());
        let e = contribution(
            &s,
            d("2026-02-01"),
            "aport: falownik".into(),
            Money(450_000),
        )
        .unwrap();
        let mut entries = admitted();
        entries.push((3, e));
        entries.push((
            4,
            contribution(&s, d("2026-03-01"), "praca".into(), Money(12_050)).unwrap(),
        ));
        let s = MemberState::fold(&entries);
        assert_eq!(s.contributions, Money(462_050));
        assert_eq!(
            contribution(&s, d("2026-03-01"), "praca".into(), Money(0)),
            Err(CoopError::AmountNotPositive)
        );
        entries.push((
            5,
            end_membership(&s, d("2026-04-01"), EndReason::Death).unwrap(),
        ));
        let s = MemberState::fold(&entries);
        assert_eq!(
            contribution(&s, d("2026-05-01"), "praca".into(), Money(100)),
            Err(CoopError::NotStillMember)
        );
    }

    #[test]
    fn refunds_wait_for_the_statements() {
        assert_eq!(
            refund_due_on(None, 1),
            Err(CoopError::StatementsNotApproved)
        );
        assert_eq!(refund_due_on(Some(d("2027-06-20")), 1), Ok(d("2027-07-20")));
    }
}
