//! The limits a ballot must respect, as declared in META.

use crate::pb::error::ParseErrorKind;
use crate::pb::instance::{Limits, VoteType};
use crate::pb::money::Money;

/// Checks one ballot against the META limits.
pub(crate) fn check_limits(
    limits: &Limits,
    vote_type: VoteType,
    projects: &[u32],
    points: &[i64],
    costs: &[Money],
) -> Result<(), ParseErrorKind> {
    let n = projects.len();
    if let Some(min) = limits.min_length {
        if n < min {
            return Err(ParseErrorKind::LimitViolated {
                limit: "min_length",
                detail: format!("{n} projects, at least {min} required"),
            });
        }
    }
    if let Some(max) = limits.max_length {
        if n > max {
            return Err(ParseErrorKind::LimitViolated {
                limit: "max_length",
                detail: format!("{n} projects, at most {max} allowed"),
            });
        }
    }
    if vote_type.has_points() {
        let sum: i128 = points.iter().map(|&p| i128::from(p)).sum();
        if let Some(min) = limits.min_sum_points {
            if sum < i128::from(min) {
                return Err(ParseErrorKind::LimitViolated {
                    limit: "min_sum_points",
                    detail: format!("{sum} points, at least {min} required"),
                });
            }
        }
        if let Some(max) = limits.max_sum_points {
            if sum > i128::from(max) {
                return Err(ParseErrorKind::LimitViolated {
                    limit: "max_sum_points",
                    detail: format!("{sum} points, at most {max} allowed"),
                });
            }
        }
        for &p in points {
            if let Some(min) = limits.min_points {
                if p < min {
                    return Err(ParseErrorKind::LimitViolated {
                        limit: "min_points",
                        detail: format!("{p} points to one project, at least {min} required"),
                    });
                }
            }
            if let Some(max) = limits.max_points {
                if p > max {
                    return Err(ParseErrorKind::LimitViolated {
                        limit: "max_points",
                        detail: format!("{p} points to one project, at most {max} allowed"),
                    });
                }
            }
        }
    }
    if limits.min_sum_cost.is_some() || limits.max_sum_cost.is_some() {
        let total: i128 = projects
            .iter()
            .map(|&p| i128::from(costs.get(p as usize).map(|c| c.0).unwrap_or(0)))
            .sum();
        if let Some(min) = limits.min_sum_cost {
            if total < i128::from(min.0) {
                return Err(ParseErrorKind::LimitViolated {
                    limit: "min_sum_cost",
                    detail: format!(
                        "projects cost {} in total, at least {} required",
                        Money(total as i64),
                        min
                    ),
                });
            }
        }
        if let Some(max) = limits.max_sum_cost {
            if total > i128::from(max.0) {
                return Err(ParseErrorKind::LimitViolated {
                    limit: "max_sum_cost",
                    detail: format!(
                        "projects cost {} in total, at most {} allowed",
                        Money(i64::try_from(total).unwrap_or(i64::MAX)),
                        max
                    ),
                });
            }
        }
    }
    Ok(())
}
