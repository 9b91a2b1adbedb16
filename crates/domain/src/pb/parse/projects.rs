//! The PROJECTS section: one line per project, with at least `project_id` and `cost`.

use super::err;
use super::fields::header_index;
use crate::pb::error::{ParseError, ParseErrorKind};
use crate::pb::instance::Project;
use crate::pb::money::Money;
use std::collections::HashMap;

/// Where the columns the reader needs are in the PROJECTS header.
#[derive(Default)]
struct Columns {
    id: usize,
    cost: usize,
    name: Option<usize>,
}

/// The projects read so far.
#[derive(Default)]
pub(super) struct Projects {
    pub(super) header: Vec<String>,
    columns: Columns,
    pub(super) list: Vec<Project>,
    /// Project id -> index in `list`, to resolve ballots.
    pub(super) ids: HashMap<String, u32>,
    /// The cost of each project, by index, for the `*_sum_cost` limits of ballots.
    pub(super) costs: Vec<Money>,
}

impl Projects {
    /// Reads the header line of the section.
    pub(super) fn header(&mut self, fields: Vec<String>, line_no: usize) -> Result<(), ParseError> {
        let id = header_index(&fields, "PROJECTS", "project_id", line_no)?;
        let cost = header_index(&fields, "PROJECTS", "cost", line_no)?;
        let name = fields.iter().position(|h| h == "name");
        self.columns = Columns { id, cost, name };
        self.header = fields;
        Ok(())
    }

    /// Reads one project line.
    pub(super) fn row(&mut self, fields: Vec<String>, line_no: usize) -> Result<(), ParseError> {
        if fields.len() != self.header.len() {
            return Err(err(
                line_no,
                ParseErrorKind::FieldCount {
                    expected: self.header.len(),
                    found: fields.len(),
                },
            ));
        }
        let id = fields[self.columns.id].clone();
        if id.is_empty() {
            return Err(err(line_no, ParseErrorKind::EmptyId));
        }
        let cost = parse_cost(&id, &fields[self.columns.cost], line_no)?;
        if self.ids.contains_key(&id) {
            return Err(err(line_no, ParseErrorKind::DuplicateProject(id)));
        }
        self.ids.insert(id.clone(), self.list.len() as u32);
        let name = self
            .columns
            .name
            .map(|c| fields[c].clone())
            .unwrap_or_default();
        self.costs.push(cost);
        self.list.push(Project {
            id,
            cost,
            name,
            fields,
        });
        Ok(())
    }
}

/// A project's cost: an exact, non-negative amount.
fn parse_cost(id: &str, text: &str, line_no: usize) -> Result<Money, ParseError> {
    match Money::parse(text) {
        Ok(c) if c.0 < 0 => Err(err(
            line_no,
            ParseErrorKind::NegativeCost {
                id: id.to_string(),
                value: text.to_string(),
            },
        )),
        Ok(c) => Ok(c),
        Err(_) => Err(err(
            line_no,
            ParseErrorKind::BadCost {
                id: id.to_string(),
                value: text.to_string(),
            },
        )),
    }
}
