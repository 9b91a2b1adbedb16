//! Dividing the year's surplus (nadwyżka bilansowa) as the statute requires: first
//! the reserve fund (at least 5% until it equals the paid-in obligatory shares), the
//! rest among members by their paid-in shares or their use of the cooperative; each
//! member's part first pays their unpaid declared shares. Exact in grosze: the parts
//! always add up to the surplus.

use super::settings::{CoopSettings, SurplusRule};
use super::CoopError;
use crate::pb::Money;
use serde::{Deserialize, Serialize};

/// One member's claim on the rest of the surplus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub member: i64,
    /// Paid-in shares (interest on shares) or the value of use (by use), in grosze.
    pub weight: i64,
    /// Declared shares not yet paid, which the member's part pays first.
    pub unpaid: Money,
}

/// The figures the division starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurplusInput {
    pub surplus: Money,
    pub reserve_fund: Money,
    pub paid_in_obligatory: Money,
    pub claims: Vec<Claim>,
}

/// One member's part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub member: i64,
    pub amount: Money,
    /// Of `amount`, what pays the member's unpaid declared shares.
    pub to_shares: Money,
    /// Of `amount`, what is paid out to the member.
    pub payable: Money,
}

/// The proposed division, a draft resolution for the general assembly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Division {
    pub rule: SurplusRule,
    pub to_reserve: Money,
    pub to_members: Money,
    /// Left for the assembly to decide when no member has a claim (all weights zero).
    pub undivided: Money,
    pub parts: Vec<Part>,
}

/// Proposes the division of `input.surplus` under `settings`.
pub fn divide(settings: &CoopSettings, input: &SurplusInput) -> Result<Division, CoopError> {
    let surplus = input.surplus.0;
    if surplus < 0 || input.claims.iter().any(|c| c.weight < 0 || c.unpaid.0 < 0) {
        return Err(CoopError::SurplusNegative);
    }
    let gap = (input.paid_in_obligatory.0 - input.reserve_fund.0).max(0);
    // The percentage, rounded up to the grosz so the reserve never gets less than the law asks.
    let share = (i128::from(surplus) * i128::from(settings.reserve_percent) + 99) / 100;
    let to_reserve = i64::try_from(share)
        .unwrap_or(i64::MAX)
        .min(gap)
        .min(surplus);
    let rest = surplus - to_reserve;
    let total_weight: i128 = input.claims.iter().map(|c| i128::from(c.weight)).sum();
    if total_weight == 0 || rest == 0 {
        return Ok(Division {
            rule: settings.surplus_rule,
            to_reserve: Money(to_reserve),
            to_members: Money::ZERO,
            undivided: Money(rest),
            parts: Vec::new(),
        });
    }
    // Largest remainder: everyone gets the floor of their exact share, the grosze left
    // go one each to the largest remainders (ties to the lower member id).
    let mut floors: Vec<(usize, i64, i128)> = input
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let exact = i128::from(rest) * i128::from(c.weight);
            let floor = exact / total_weight;
            (i, i64::try_from(floor).unwrap_or(0), exact % total_weight)
        })
        .collect();
    let given: i64 = floors.iter().map(|(_, f, _)| *f).sum();
    let mut left = rest - given;
    let mut order: Vec<usize> = (0..floors.len()).collect();
    order.sort_by(|&a, &b| {
        floors[b]
            .2
            .cmp(&floors[a].2)
            .then(input.claims[a].member.cmp(&input.claims[b].member))
    });
    for i in order {
        if left == 0 {
            break;
        }
        floors[i].1 += 1;
        left -= 1;
    }
    let parts = floors
        .iter()
        .map(|&(i, amount, _)| {
            let c = &input.claims[i];
            let to_shares = amount.min(c.unpaid.0);
            Part {
                member: c.member,
                amount: Money(amount),
                to_shares: Money(to_shares),
                payable: Money(amount - to_shares),
            }
        })
        .collect();
    Ok(Division {
        rule: settings.surplus_rule,
        to_reserve: Money(to_reserve),
        to_members: Money(rest),
        undivided: Money::ZERO,
        parts,
    })
}

/// Most lines one record of members' use may hold.
pub const USE_LINES_MAX: usize = 20_000;

/// Reads members' use of the cooperative in a year, one member per line: the member
/// number and the value in złoty, separated by a semicolon or a tab (`12; 350,00`).
/// Blank lines are skipped; any other line that does not read, a negative value, or a
/// member twice refuses the whole record.
pub fn parse_use(text: &str) -> Result<Vec<(i64, Money)>, CoopError> {
    let mut out: Vec<(i64, Money)> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if out.len() == USE_LINES_MAX {
            return Err(CoopError::BadUse);
        }
        let (number, value) = line.split_once([';', '\t']).ok_or(CoopError::BadUse)?;
        let number = number.trim();
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CoopError::BadUse);
        }
        let number: i64 = number.parse().map_err(|_| CoopError::BadUse)?;
        let value = Money::parse(value).map_err(|_| CoopError::BadUse)?;
        if value.0 < 0 || out.iter().any(|(n, _)| *n == number) {
            return Err(CoopError::BadUse);
        }
        out.push((number, value));
    }
    if out.is_empty() {
        return Err(CoopError::BadUse);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn use_is_read_line_by_line_or_refused_whole() {
        assert_eq!(
            parse_use("1; 350,00\n\n2\t12.5\n 3 ;0"),
            Ok(vec![(1, Money(35_000)), (2, Money(1_250)), (3, Money(0))])
        );
        for bad in [
            "",
            "1 350",
            "x; 10",
            "-1; 10",
            "1; -10",
            "1; 10,001",
            "1; 10\n1; 20",
        ] {
            assert_eq!(parse_use(bad), Err(CoopError::BadUse), "{bad:?}");
        }
    }

    fn claim(member: i64, weight: i64, unpaid: i64) -> Claim {
        Claim {
            member,
            weight,
            unpaid: Money(unpaid),
        }
    }

    #[test]
    fn hand_computed_division() {
        // Surplus 10,000.00 zł; reserve 2,000 zł of 50,000 zł obligatory shares: 5% = 500 zł
        // to the reserve. 9,500 zł among members with paid-in 1,000, 3,000 and 6,000 zł.
        let s = CoopSettings::default();
        let input = SurplusInput {
            surplus: Money(1_000_000),
            reserve_fund: Money(200_000),
            paid_in_obligatory: Money(5_000_000),
            claims: vec![
                claim(1, 100_000, 0),
                claim(2, 300_000, 20_000),
                claim(3, 600_000, 0),
            ],
        };
        let d = divide(&s, &input).unwrap();
        assert_eq!(d.to_reserve, Money(50_000));
        assert_eq!(d.to_members, Money(950_000));
        let amounts: Vec<i64> = d.parts.iter().map(|p| p.amount.0).collect();
        assert_eq!(amounts, vec![95_000, 285_000, 570_000]);
        // Member 2 owes 200 zł for declared shares: that is paid first.
        assert_eq!(d.parts[1].to_shares, Money(20_000));
        assert_eq!(d.parts[1].payable, Money(265_000));
    }

    #[test]
    fn the_reserve_stops_when_it_equals_the_obligatory_shares() {
        let s = CoopSettings::default();
        let input = SurplusInput {
            surplus: Money(1_000_000),
            reserve_fund: Money(4_990_000),
            paid_in_obligatory: Money(5_000_000),
            claims: vec![claim(1, 1, 0)],
        };
        assert_eq!(divide(&s, &input).unwrap().to_reserve, Money(10_000));
        let full = SurplusInput {
            reserve_fund: Money(5_000_000),
            ..input
        };
        assert_eq!(divide(&s, &full).unwrap().to_reserve, Money::ZERO);
    }

    #[test]
    fn odd_grosze_go_to_the_largest_remainders() {
        let s = CoopSettings::default();
        let input = SurplusInput {
            surplus: Money(100),
            reserve_fund: Money(0),
            paid_in_obligatory: Money(0),
            claims: vec![claim(7, 1, 0), claim(3, 1, 0), claim(5, 1, 0)],
        };
        let d = divide(&s, &input).unwrap();
        let by_member: Vec<(i64, i64)> = d.parts.iter().map(|p| (p.member, p.amount.0)).collect();
        // 100 / 3 = 33 each and one grosz left, to the lowest id among equal remainders.
        assert_eq!(by_member, vec![(7, 33), (3, 34), (5, 33)]);
        assert_eq!(
            divide(
                &s,
                &SurplusInput {
                    surplus: Money(-1),
                    ..input
                }
            ),
            Err(CoopError::SurplusNegative)
        );
    }

    proptest! {
        #[test]
        fn parts_add_up_exactly(
            surplus in 0i64..10_000_000_000,
            reserve in 0i64..1_000_000_000,
            obligatory in 0i64..1_000_000_000,
            weights in proptest::collection::vec((0i64..10_000_000, 0i64..100_000), 0..30),
        ) {
            let claims = weights.iter().enumerate().map(|(i, (w, u))| claim(i as i64, *w, *u)).collect();
            let input = SurplusInput { surplus: Money(surplus), reserve_fund: Money(reserve), paid_in_obligatory: Money(obligatory), claims };
            let d = divide(&CoopSettings::default(), &input).unwrap();
            let parts: i64 = d.parts.iter().map(|p| p.amount.0).sum();
            prop_assert_eq!(d.to_reserve.0 + parts + d.undivided.0, surplus);
            prop_assert!(d.to_reserve.0 <= (obligatory - reserve).max(0));
            for p in &d.parts {
                prop_assert_eq!(p.to_shares.0 + p.payable.0, p.amount.0);
                prop_assert!(p.payable.0 >= 0);
            }
        }
    }
}
