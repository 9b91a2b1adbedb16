//! Properties: results never depend on ballot order, PB selections never exceed the budget,
//! MES never makes a voter pay more than their share, and writing then reading a `.pb`
//! instance gives it back; an assembly counts one vote per member whatever their shares,
//! in any order.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use wspolnota_domain::assembly::resolution::{
    count_resolution, distinct_choices, CastVote, ResolutionKind,
};
use wspolnota_domain::coop::settings::CoopSettings;
use wspolnota_domain::pb::{self, count, mes_audit, parse_str, write, Rule, Satisfaction};
use wspolnota_domain::vote;

#[derive(Debug, Clone)]
struct Pb {
    vote_type: &'static str,
    budget_grosze: i64,
    costs: Vec<i64>,
    ballots: Vec<Vec<(usize, i64)>>,
}

fn pb_strategy() -> impl Strategy<Value = Pb> {
    (
        prop_oneof![
            Just("approval"),
            Just("choose-1"),
            Just("cumulative"),
            Just("scoring"),
            Just("ordinal")
        ],
        1usize..7,
        0i64..40_000,
    )
        .prop_flat_map(|(vt, n, budget)| {
            let costs = proptest::collection::vec(
                prop_oneof![0i64..20_000, (0i64..200).prop_map(|z| z * 100)],
                n,
            );
            let ballot = proptest::collection::btree_map(0..n, 1i64..4, 0..=n)
                .prop_map(|m| m.into_iter().collect::<Vec<_>>())
                .prop_shuffle();
            let ballots = proptest::collection::vec(ballot, 0..25);
            (Just(vt), Just(budget), costs, ballots)
        })
        .prop_map(|(vote_type, budget_grosze, costs, ballots)| Pb {
            vote_type,
            budget_grosze,
            costs,
            ballots,
        })
}

fn money(g: i64) -> String {
    pb::Money(g).to_plain()
}

fn render(p: &Pb, order: &[usize]) -> String {
    let mut s = format!(
        "META\nkey;value\nbudget;{}\nvote_type;{}\nPROJECTS\nproject_id;cost;name\n",
        money(p.budget_grosze),
        p.vote_type
    );
    for (i, c) in p.costs.iter().enumerate() {
        s.push_str(&format!("p{i};{};Project {i}\n", money(*c)));
    }
    let points = matches!(p.vote_type, "cumulative" | "scoring");
    if points {
        s.push_str("VOTES\nvoter_id;vote;points\n");
    } else {
        s.push_str("VOTES\nvoter_id;vote\n");
    }
    for &v in order {
        let b = &p.ballots[v];
        let ids: Vec<String> = b.iter().map(|(i, _)| format!("p{i}")).collect();
        if points {
            let pts: Vec<String> = b.iter().map(|(_, x)| x.to_string()).collect();
            s.push_str(&format!("v{v};{};{}\n", ids.join(","), pts.join(",")));
        } else {
            s.push_str(&format!("v{v};{}\n", ids.join(",")));
        }
    }
    s
}

fn rules_for(vt: &str) -> Vec<Rule> {
    Rule::ALL
        .into_iter()
        .filter(|&r| r != Rule::GreedyThreshold)
        .filter(|&r| {
            vt != "ordinal" || matches!(r, Rule::Greedy | Rule::GreedyCard | Rule::MesCard)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn pb_never_exceeds_budget_and_ignores_ballot_order(
        p in pb_strategy(),
        seed in any::<u64>(),
    ) {
        let n = p.ballots.len();
        let order: Vec<usize> = (0..n).collect();
        let mut shuffled = order.clone();
        // a deterministic permutation from the seed
        let mut x = seed | 1;
        for i in (1..n).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let a = parse_str(&render(&p, &order)).unwrap();
        let b = parse_str(&render(&p, &shuffled)).unwrap();
        for rule in rules_for(p.vote_type) {
            let oa = count(&a, rule).unwrap();
            let ob = count(&b, rule).unwrap();
            prop_assert!(oa.total_cost <= oa.budget, "{rule}");
            prop_assert_eq!(oa.winner_ids(&a), ob.winner_ids(&b), "{}", rule);
            let sum: i64 = oa.selected.iter().map(|&i| a.projects[i as usize].cost.grosze()).sum();
            prop_assert_eq!(sum, oa.total_cost.grosze());
        }
    }

    #[test]
    fn mes_never_charges_more_than_the_share(p in pb_strategy()) {
        let order: Vec<usize> = (0..p.ballots.len()).collect();
        let inst = parse_str(&render(&p, &order)).unwrap();
        for sat in [Satisfaction::Cost, Satisfaction::Card] {
            let audit = mes_audit(&inst, sat);
            prop_assert!(audit.payments_match_costs, "{audit:?}");
            prop_assert!(audit.budgets_within_share, "{audit:?}");
            prop_assert!(audit.max_payment_within_share, "{audit:?}");
        }
    }

    #[test]
    fn write_then_read_is_identity(p in pb_strategy(), extra in "[a-zA-Z0-9 ;\"ąęł,.]{0,12}") {
        let order: Vec<usize> = (0..p.ballots.len()).collect();
        let mut inst = parse_str(&render(&p, &order)).unwrap();
        // an extra column with awkward text must survive
        inst.project_header.push("note".to_string());
        for pr in inst.projects.iter_mut() {
            pr.fields.push(extra.trim().to_string());
        }
        inst.meta.push(("comment".to_string(), extra.trim().to_string()));
        let back = parse_str(&write(&inst)).unwrap();
        prop_assert_eq!(back, inst);
    }

    #[test]
    fn ranked_methods_ignore_ballot_order(
        ballots in proptest::collection::vec(
            proptest::collection::btree_set(0usize..5, 0..5)
                .prop_map(|s| s.into_iter().collect::<Vec<_>>())
                .prop_shuffle(),
            0..30,
        ),
        seats in 1usize..4,
    ) {
        let mut rev = ballots.clone();
        rev.reverse();
        let mut rot = ballots.clone();
        if !rot.is_empty() { rot.rotate_left(ballots.len() / 2); }
        for other in [&rev, &rot] {
            prop_assert_eq!(
                vote::instant_runoff(5, &ballots).unwrap().winner,
                vote::instant_runoff(5, other).unwrap().winner
            );
            prop_assert_eq!(
                vote::single_transferable_vote(5, seats, &ballots).unwrap().elected,
                vote::single_transferable_vote(5, seats, other).unwrap().elected
            );
            prop_assert_eq!(
                vote::schulze(5, &ballots).unwrap().winners,
                vote::schulze(5, other).unwrap().winners
            );
            prop_assert_eq!(
                vote::approval(5, &ballots, None).unwrap().totals,
                vote::approval(5, other, None).unwrap().totals
            );
        }
        let stv = vote::single_transferable_vote(5, seats, &ballots).unwrap();
        prop_assert_eq!(stv.elected.len(), seats);
    }

    #[test]
    fn motions_ignore_vote_order(
        votes in proptest::collection::vec(
            prop_oneof![Just(vote::Choice::Yes), Just(vote::Choice::No), Just(vote::Choice::Abstain)],
            0..40,
        ),
        extra in 0u64..20,
    ) {
        let entitled = votes.len() as u64 + extra;
        let mut rev = votes.clone();
        rev.reverse();
        for majority in [vote::Majority::Simple, vote::Majority::Absolute, vote::Majority::TwoThirds, vote::Majority::ThreeQuarters] {
            let rules = vote::MotionRules { majority, ..vote::MotionRules::default() };
            let a = vote::count_motion(&votes, entitled, &rules).unwrap();
            let b = vote::count_motion(&rev, entitled, &rules).unwrap();
            prop_assert_eq!(a.outcome, b.outcome);
            // passing needs at least yes_needed yes votes
            if a.outcome == vote::MotionOutcome::Passed {
                prop_assert!(a.yes >= a.yes_needed);
            }
        }
    }

    /// Members hold from 1 to 1,000 shares; the count is the same as if each held one,
    /// does not change with the order the votes came in, and a member who appears twice
    /// is refused.
    #[test]
    fn one_member_one_vote_in_any_order(
        members in prop::collection::vec((1u32..1000, 0u8..3), 1..60),
        kind in 0usize..4,
        absent in 0u64..40,
        seed in any::<u64>(),
    ) {
        let kind = ResolutionKind::ALL[kind];
        let settings = CoopSettings::default();
        let votes: Vec<CastVote> = members
            .iter()
            .enumerate()
            .map(|(i, (_shares, c))| CastVote {
                member: i as i64 + 1,
                choice: [vote::Choice::Yes, vote::Choice::No, vote::Choice::Abstain][*c as usize],
            })
            .collect();
        let present = votes.len() as u64;
        let entitled = present + absent;
        let counted = count_resolution(kind, &settings, &distinct_choices(&votes).unwrap(), present, entitled).unwrap();
        let yes = members.iter().filter(|(_, c)| *c == 0).count() as u64;
        prop_assert_eq!(counted.yes, yes);
        prop_assert_eq!(counted.yes + counted.no + counted.abstain, present);
        let mut shuffled = votes.clone();
        let mut state = seed;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        let again = count_resolution(kind, &settings, &distinct_choices(&shuffled).unwrap(), present, entitled).unwrap();
        prop_assert_eq!(again, counted);
        let mut twice = votes.clone();
        twice.push(votes[(seed as usize) % votes.len()]);
        prop_assert!(distinct_choices(&twice).is_err());
    }
}
