//! Participatory budgets: the pabulib `.pb` format and the counting rules (greedy variants,
//! the Method of Equal Shares with and without Add1 completion), all in exact arithmetic.
//!
//! ```
//! use wspolnota_domain::pb::{parse_str, count, Rule};
//! let text = "META\nkey;value\nbudget;100\nvote_type;approval\n\
//!             PROJECTS\nproject_id;cost;name\n1;60;Ławki\n2;50;Drzewa\n3;40;Lampy\n\
//!             VOTES\nvoter_id;vote\nv1;1,3\nv2;1\nv3;2,3\n";
//! let inst = parse_str(text).unwrap();
//! let out = count(&inst, Rule::Greedy).unwrap();
//! assert_eq!(out.winner_ids(&inst), vec!["1", "3"]);
//! ```

mod count;
mod error;
mod greedy;
mod instance;
mod mes;
mod money;
mod outcome;
mod parse;
mod write;

pub use count::{count, count_file_rule, mes_audit, MesAudit, Satisfaction};
pub use error::{ParseError, ParseErrorKind, RuleError};
pub use instance::{ballot_points, Ballot, Limits, PbInstance, Project, VoteType};
pub use money::{group_thousands, Money, MoneyParseError};
pub use outcome::{sort_ids, Explanation, Outcome, Reason, Rule, Tie, TieBreak, TieRule, TieValue};
pub use parse::{
    parse_bytes, parse_bytes_with, parse_str, parse_str_with, split_fields, ParseOptions,
    MAX_LINE_BYTES,
};
pub use write::write;
