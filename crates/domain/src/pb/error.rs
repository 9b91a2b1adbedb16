//! Errors of the pabulib reader and of the counting rules, with stable codes.

/// What is wrong with a `.pb` file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseErrorKind {
    #[error("the file is not valid UTF-8")]
    NotUtf8,
    #[error("line is {len} bytes long, more than the {max} allowed")]
    LineTooLong { len: usize, max: usize },
    #[error("expected a section header (META, PROJECTS or VOTES) before data")]
    NoSection,
    #[error("section {found} where {expected} was expected (order is META, PROJECTS, VOTES)")]
    SectionOrder {
        found: &'static str,
        expected: &'static str,
    },
    #[error("missing section {0}")]
    MissingSection(&'static str),
    #[error("missing column header after section {0}")]
    MissingHeader(&'static str),
    #[error("section {section} has no column `{column}`")]
    MissingColumn {
        section: &'static str,
        column: &'static str,
    },
    #[error("column `{0}` appears twice in the header")]
    DuplicateColumn(String),
    #[error("expected {expected} fields, found {found}")]
    FieldCount { expected: usize, found: usize },
    #[error("badly quoted field")]
    BadQuote,
    #[error("META key `{0}` appears twice")]
    DuplicateMeta(String),
    #[error("META has no `budget`")]
    MissingBudget,
    #[error("META has no `{0}`")]
    MissingMeta(&'static str),
    #[error("budget `{0}` is not a non-negative amount with at most two decimals")]
    BadBudget(String),
    #[error(
        "unknown vote type `{0}` (expected approval, choose-1, cumulative, scoring or ordinal)"
    )]
    UnknownVoteType(String),
    #[error("META `{key}` = `{value}` is not a valid number")]
    BadNumber { key: String, value: String },
    #[error("project {id}: cost `{value}` is not a number with at most two decimals")]
    BadCost { id: String, value: String },
    #[error("project {id}: negative cost {value}")]
    NegativeCost { id: String, value: String },
    #[error("empty id")]
    EmptyId,
    #[error("project id `{0}` appears twice")]
    DuplicateProject(String),
    #[error("voter id `{0}` appears twice")]
    DuplicateVoter(String),
    #[error("vote for unknown project `{0}`")]
    UnknownProject(String),
    #[error("ballot lists project `{0}` twice")]
    DuplicateInBallot(String),
    #[error("ballot lists {projects} projects but {points} points")]
    PointsMismatch { projects: usize, points: usize },
    #[error("points `{0}` are not a valid whole number")]
    BadPoints(String),
    #[error("ballot breaks the file's limit {limit}: {detail}")]
    LimitViolated { limit: &'static str, detail: String },
    #[error("the file lists no projects")]
    NoProjects,
}

impl ParseErrorKind {
    /// A stable machine-readable code such as `pb.parse.unknown_project`.
    pub fn code(&self) -> &'static str {
        match self {
            ParseErrorKind::NotUtf8 => "pb.parse.not_utf8",
            ParseErrorKind::LineTooLong { .. } => "pb.parse.line_too_long",
            ParseErrorKind::NoSection => "pb.parse.no_section",
            ParseErrorKind::SectionOrder { .. } => "pb.parse.section_order",
            ParseErrorKind::MissingSection(_) => "pb.parse.missing_section",
            ParseErrorKind::MissingHeader(_) => "pb.parse.missing_header",
            ParseErrorKind::MissingColumn { .. } => "pb.parse.missing_column",
            ParseErrorKind::DuplicateColumn(_) => "pb.parse.duplicate_column",
            ParseErrorKind::FieldCount { .. } => "pb.parse.field_count",
            ParseErrorKind::BadQuote => "pb.parse.bad_quote",
            ParseErrorKind::DuplicateMeta(_) => "pb.parse.duplicate_meta",
            ParseErrorKind::MissingBudget => "pb.parse.missing_budget",
            ParseErrorKind::MissingMeta(_) => "pb.parse.missing_meta",
            ParseErrorKind::BadBudget(_) => "pb.parse.bad_budget",
            ParseErrorKind::UnknownVoteType(_) => "pb.parse.unknown_vote_type",
            ParseErrorKind::BadNumber { .. } => "pb.parse.bad_number",
            ParseErrorKind::BadCost { .. } => "pb.parse.bad_cost",
            ParseErrorKind::NegativeCost { .. } => "pb.parse.negative_cost",
            ParseErrorKind::EmptyId => "pb.parse.empty_id",
            ParseErrorKind::DuplicateProject(_) => "pb.parse.duplicate_project",
            ParseErrorKind::DuplicateVoter(_) => "pb.parse.duplicate_voter",
            ParseErrorKind::UnknownProject(_) => "pb.parse.unknown_project",
            ParseErrorKind::DuplicateInBallot(_) => "pb.parse.duplicate_in_ballot",
            ParseErrorKind::PointsMismatch { .. } => "pb.parse.points_mismatch",
            ParseErrorKind::BadPoints(_) => "pb.parse.bad_points",
            ParseErrorKind::LimitViolated { .. } => "pb.parse.ballot_limit",
            ParseErrorKind::NoProjects => "pb.parse.no_projects",
        }
    }
}

/// A `.pb` file could not be read; `line` is 1-based.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {kind}")]
pub struct ParseError {
    /// 1-based line number where the problem is.
    pub line: usize,
    /// What is wrong.
    pub kind: ParseErrorKind,
}

impl ParseError {
    /// A stable machine-readable code such as `pb.parse.unknown_project`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

/// A rule cannot be applied to an election.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("unknown rule `{0}`")]
    UnknownRule(String),
    #[error("rule `{rule}` needs META `{key}`")]
    MissingMeta { rule: String, key: &'static str },
    #[error("rule `{rule}` does not apply to {vote_type} ballots")]
    NotApplicable {
        rule: String,
        vote_type: &'static str,
    },
    #[error("the file names no rule of its own")]
    NoFileRule,
}

impl RuleError {
    /// A stable machine-readable code such as `pb.rule.unknown`.
    pub fn code(&self) -> &'static str {
        match self {
            RuleError::UnknownRule(_) => "pb.rule.unknown",
            RuleError::MissingMeta { .. } => "pb.rule.missing_meta",
            RuleError::NotApplicable { .. } => "pb.rule.not_applicable",
            RuleError::NoFileRule => "pb.rule.no_file_rule",
        }
    }
}
