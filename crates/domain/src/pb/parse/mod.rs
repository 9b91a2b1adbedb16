//! Reader for the pabulib `.pb` format: `;`-separated META / PROJECTS / VOTES sections.
//!
//! One pass over the lines. `Reader` follows the section order and hands each line to the
//! module that reads its section (`meta`, `projects`, `votes`).

mod fields;
mod limits;
mod meta;
mod projects;
mod votes;

pub use fields::split_fields;

use super::error::{ParseError, ParseErrorKind};
use super::instance::{Limits, PbInstance, VoteType};
use super::money::Money;
use fields::{check_header, section_of, Section};
use meta::{finish_meta, MetaState};
use projects::Projects;
use votes::{BallotRules, Votes};

/// Longest line accepted, in bytes.
pub const MAX_LINE_BYTES: usize = 1 << 20;

fn err(line: usize, kind: ParseErrorKind) -> ParseError {
    ParseError { line, kind }
}

/// How strictly to read a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ParseOptions {
    /// Reject a ballot that breaks the file's own META limits (`min_length`, `max_length`,
    /// `max_sum_points`, `max_sum_cost`, …). When false (the default) such ballots are kept
    /// and listed in [`PbInstance::limit_violations`], because published pabulib files do
    /// contain them (e.g. Warszawa 2018 Gocław, line 1575, over `max_sum_cost`).
    pub strict_limits: bool,
}

/// Parses a `.pb` file given as bytes (checks UTF-8, reporting the line of the first bad byte).
pub fn parse_bytes(bytes: &[u8]) -> Result<PbInstance, ParseError> {
    parse_bytes_with(bytes, ParseOptions::default())
}

/// Parses a `.pb` file given as bytes with options.
pub fn parse_bytes_with(bytes: &[u8], opts: ParseOptions) -> Result<PbInstance, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => parse_str_with(s, opts),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Err(err(line, ParseErrorKind::NotUtf8))
        }
    }
}

/// Parses a `.pb` file given as text; ballots breaking the file's limits are listed in
/// [`PbInstance::limit_violations`], not rejected (see [`ParseOptions`]).
pub fn parse_str(text: &str) -> Result<PbInstance, ParseError> {
    parse_str_with(text, ParseOptions::default())
}

/// Parses a `.pb` file given as text with options.
pub fn parse_str_with(text: &str, opts: ParseOptions) -> Result<PbInstance, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::new(opts);
    for (idx, raw) in text.split('\n').enumerate() {
        let line_no = idx + 1;
        if raw.len() > MAX_LINE_BYTES {
            return Err(err(
                line_no,
                ParseErrorKind::LineTooLong {
                    len: raw.len(),
                    max: MAX_LINE_BYTES,
                },
            ));
        }
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        reader.last_nonblank = line_no;
        reader.line(line, line_no)?;
    }
    reader.finish()
}

/// What has been read so far, and where in the file the reader is.
struct Reader {
    opts: ParseOptions,
    section: Section,
    /// The next non-blank line is the current section's header.
    need_header: bool,
    /// Which of META, PROJECTS, VOTES have begun.
    seen: [bool; 3],
    last_nonblank: usize,
    meta: MetaState,
    /// Read from META when PROJECTS begins, since the rest of the file depends on them.
    vote_type: VoteType,
    budget: Money,
    limits: Limits,
    projects: Projects,
    votes: Votes,
}

impl Reader {
    fn new(opts: ParseOptions) -> Self {
        Reader {
            opts,
            section: Section::None,
            need_header: false,
            seen: [false; 3],
            last_nonblank: 0,
            meta: MetaState::default(),
            vote_type: VoteType::Approval,
            budget: Money::ZERO,
            limits: Limits::default(),
            projects: Projects::default(),
            votes: Votes::default(),
        }
    }

    /// Reads one non-blank line.
    fn line(&mut self, line: &str, line_no: usize) -> Result<(), ParseError> {
        if let Some(s) = section_of(line) {
            return self.begin(s, line_no);
        }
        let fields = split_fields(line).map_err(|k| err(line_no, k))?;
        if self.section == Section::None {
            return Err(err(line_no, ParseErrorKind::NoSection));
        }
        if self.need_header {
            self.need_header = false;
            check_header(&fields, line_no)?;
            return match self.section {
                Section::Meta | Section::None => Ok(()),
                Section::Projects => self.projects.header(fields, line_no),
                Section::Votes => self.votes.header(fields, self.vote_type, line_no),
            };
        }
        match self.section {
            Section::Meta => self.meta.row(fields, line_no),
            Section::Projects => self.projects.row(fields, line_no),
            Section::Votes => {
                let rules = BallotRules {
                    vote_type: self.vote_type,
                    limits: &self.limits,
                    projects: &self.projects,
                    strict: self.opts.strict_limits,
                };
                self.votes.row(fields, line_no, &rules)
            }
            Section::None => Ok(()),
        }
    }

    /// A section line: sections come once each, in the order META, PROJECTS, VOTES.
    fn begin(&mut self, s: Section, line_no: usize) -> Result<(), ParseError> {
        let expected = match self.section {
            Section::None => Section::Meta,
            Section::Meta => Section::Projects,
            Section::Projects => Section::Votes,
            Section::Votes => Section::Votes,
        };
        if s != expected || self.seen[(s as usize) - 1] {
            return Err(err(
                line_no,
                ParseErrorKind::SectionOrder {
                    found: s.name(),
                    expected: if self.section == Section::Votes {
                        "end of file"
                    } else {
                        expected.name()
                    },
                },
            ));
        }
        if self.need_header {
            return Err(err(
                line_no,
                ParseErrorKind::MissingHeader(self.section.name()),
            ));
        }
        if s == Section::Projects {
            // META is complete: read the settings the rest of the file depends on.
            finish_meta(
                &self.meta,
                &mut self.vote_type,
                &mut self.budget,
                &mut self.limits,
                line_no,
            )?;
        }
        if s == Section::Votes && self.projects.list.is_empty() {
            return Err(err(line_no, ParseErrorKind::NoProjects));
        }
        self.seen[(s as usize) - 1] = true;
        self.section = s;
        self.need_header = true;
        Ok(())
    }

    /// The end of the file: every section present, with its header, and some projects.
    fn finish(self) -> Result<PbInstance, ParseError> {
        let end = self.last_nonblank.max(1);
        if self.need_header {
            return Err(err(end, ParseErrorKind::MissingHeader(self.section.name())));
        }
        for (i, s) in [Section::Meta, Section::Projects, Section::Votes]
            .into_iter()
            .enumerate()
        {
            if !self.seen[i] {
                return Err(err(end, ParseErrorKind::MissingSection(s.name())));
            }
        }
        if self.projects.list.is_empty() {
            return Err(err(end, ParseErrorKind::NoProjects));
        }
        Ok(PbInstance {
            meta: self.meta.entries,
            vote_type: self.vote_type,
            budget: self.budget,
            limits: self.limits,
            project_header: self.projects.header,
            projects: self.projects.list,
            vote_header: self.votes.header,
            ballots: self.votes.ballots,
            limit_violations: self.votes.violations,
        })
    }
}
