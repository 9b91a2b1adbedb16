//! Hand-computed participatory-budget examples for every rule.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wspolnota_domain::pb::{count, count_file_rule, parse_str, Rule};

/// Budget 120 zł, four voters (equal share 30 zł):
/// A (60 zł) approved by v1, v2, v3; B (40 zł) by v3, v4; C (30 zł) by v4.
const SMALL: &str = "META\nkey;value\nbudget;120\nvote_type;approval\nrule;greedy\n\
PROJECTS\nproject_id;cost;name\nA;60;Ławki\nB;40;Drzewa\nC;30;Lampy\n\
VOTES\nvoter_id;vote\nv1;A\nv2;A\nv3;A,B\nv4;B,C\n";

#[test]
fn greedy_by_votes_skips_what_does_not_fit() {
    let inst = parse_str(SMALL).unwrap();
    let out = count(&inst, Rule::Greedy).unwrap();
    assert_eq!(out.winner_ids(&inst), ["A", "B"]);
    assert_eq!(out.total_cost.grosze(), 10_000);
    assert_eq!(out.budget_left().grosze(), 2_000);
    let c = out.explanation(2).unwrap();
    assert!(!c.funded);
    assert_eq!(
        c.text, "skipped: costs 30 zł, 20 zł left (1 vote)",
        "{}",
        c.text
    );
    assert_eq!(
        count_file_rule(&inst).unwrap().winner_ids(&inst),
        ["A", "B"]
    );
}

#[test]
fn greedy_no_skip_stops_and_threshold_filters() {
    // C is cheaper and comes first by votes here: C 3 votes, A 2, B 1; budget 70
    let text = "META\nkey;value\nbudget;70\nvote_type;approval\nmin_project_score_threshold;2\n\
PROJECTS\nproject_id;cost\nA;60\nB;10\nC;30\n\
VOTES\nvoter_id;vote\n1;C,A\n2;C,A\n3;C,B\n";
    let inst = parse_str(text).unwrap();
    // skip: C (30), A does not fit (40 left), B (10)
    assert_eq!(
        count(&inst, Rule::Greedy).unwrap().winner_ids(&inst),
        ["B", "C"]
    );
    // no skip: C, then A does not fit: stop
    let ns = count(&inst, Rule::GreedyNoSkip).unwrap();
    assert_eq!(ns.winner_ids(&inst), ["C"]);
    assert!(ns.explanation(1).unwrap().text.starts_with("not reached"));
    // threshold 2: B (1 vote) is out
    let th = count(&inst, Rule::GreedyThreshold).unwrap();
    assert_eq!(th.winner_ids(&inst), ["C"]);
    assert!(th
        .explanation(1)
        .unwrap()
        .text
        .starts_with("below the threshold"));
}

#[test]
fn greedy_card_orders_by_votes_per_zloty() {
    let inst = parse_str(SMALL).unwrap();
    // A 3/60, B 2/40 (tied at 0.05 per zł; A first by id), C 1/30
    let out = count(&inst, Rule::GreedyCard).unwrap();
    assert_eq!(out.selected, [0, 1]);
    // both tied projects are funded: the order did not matter, nothing to report
    assert!(out.ties.is_empty());
}

#[test]
fn mes_cost_by_hand() {
    let inst = parse_str(SMALL).unwrap();
    let out = count(&inst, Rule::MesCost).unwrap();
    // round 1: A at 20 zł per supporter (rho 1/3); B would need 20 each (rho 1/2); C 30 (rho 1)
    // round 2: v3 has 10 zł, v4 30 zł: B costs 40 = everything they have (rho 3/4);
    // C: v4 has nothing left
    assert_eq!(out.selected, [0, 1]);
    let a = &out.explanation(0).unwrap().text;
    assert!(
        a.starts_with("funded in round 1: 3 supporters paid its 60 zł"),
        "{a}"
    );
    assert!(a.contains("at most 20 zł each"), "{a}");
    let b = &out.explanation(1).unwrap().text;
    assert!(b.contains("2 voters gave all they had left"), "{b}");
    let c = &out.explanation(2).unwrap().text;
    assert_eq!(
        c,
        "not funded: its 1 supporter had only 0 zł left of their equal shares; it costs 30 zł"
    );
}

#[test]
fn mes_add1_then_greedy_by_hand() {
    // equal share 30 zł: MES funds A and B (100 zł). C (30 zł) does not fit in the 20 zł
    // left, so the outcome is already exhaustive: pabutools' Add1 stops at once and the
    // greedy completion adds nothing.
    let inst = parse_str(SMALL).unwrap();
    let out = count(&inst, Rule::MesCostAdd1).unwrap();
    assert_eq!(out.winner_ids(&inst), ["A", "B"]);
    assert_eq!(out.first_stage.as_deref(), Some(&[0u32, 1][..]));
    assert!(out.notes[0].contains("raised 0 times"), "{:?}", out.notes);
}

#[test]
fn mes_ties_go_to_the_smaller_id_and_are_reported() {
    let text = "META\nkey;value\nbudget;50\nvote_type;approval\n\
PROJECTS\nproject_id;cost\nX2;50\nX10;50\n\
VOTES\nvoter_id;vote\n1;X2,X10\n2;X10,X2\n";
    let inst = parse_str(text).unwrap();
    let out = count(&inst, Rule::MesCost).unwrap();
    // "X10" < "X2" as strings
    assert_eq!(out.winner_ids(&inst), ["X10"]);
    assert_eq!(out.ties.len(), 1);
    let g = count(&inst, Rule::Greedy).unwrap();
    assert_eq!(g.winner_ids(&inst), ["X10"]);
    assert_eq!(g.ties.len(), 1);
}

#[test]
fn cumulative_points_and_ordinal_borda() {
    // cumulative: points, not ballots, decide greedy
    let text = "META\nkey;value\nbudget;100\nvote_type;cumulative\nmax_sum_points;3\n\
PROJECTS\nproject_id;cost\n1;100\n2;100\n\
VOTES\nvoter_id;vote;points\na;1;3\nb;2;1\nc;2;1\n";
    let inst = parse_str(text).unwrap();
    assert_eq!(count(&inst, Rule::Greedy).unwrap().winner_ids(&inst), ["1"]);
    // ordinal: Borda 2/1/0 for ballots of length 3
    let text = "META\nkey;value\nbudget;100\nvote_type;ordinal\n\
PROJECTS\nproject_id;cost\n1;100\n2;100\n3;100\n\
VOTES\nvoter_id;vote\na;1,2,3\nb;2,3,1\nc;2,1,3\n";
    let inst = parse_str(text).unwrap();
    assert_eq!(inst.point_totals(), vec![3, 5, 1]);
    assert_eq!(count(&inst, Rule::Greedy).unwrap().winner_ids(&inst), ["2"]);
    assert_eq!(
        count(&inst, Rule::MesCard).unwrap().winner_ids(&inst),
        ["2"]
    );
}

/// Greedy gives its reasons in numbers too, so an interface can say them in its own language.
#[test]
fn greedy_reasons_in_numbers() {
    use wspolnota_domain::pb::{count, parse_str, Money, Reason, Rule};
    let text = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\na;60\nb;50\nc;30\nVOTES\nvoter_id;vote\n1;a,b,c\n2;a,b\n3;a\n";
    let inst = parse_str(text).expect("parses");
    let out = count(&inst, Rule::Greedy).expect("counts");
    let reason = |id: &str| {
        let i = inst
            .projects
            .iter()
            .position(|p| p.id == id)
            .expect("project") as u32;
        out.explanation(i).expect("explained").reason.clone()
    };
    assert_eq!(
        reason("a"),
        Reason::Funded {
            position: 1,
            score: 3,
            cost: Money(6000),
            left: Money(4000)
        }
    );
    assert_eq!(
        reason("b"),
        Reason::Skipped {
            score: 2,
            cost: Money(5000),
            left: Money(4000)
        }
    );
    assert_eq!(
        reason("c"),
        Reason::Funded {
            position: 3,
            score: 1,
            cost: Money(3000),
            left: Money(1000)
        }
    );
    let no_skip = count(&inst, Rule::GreedyNoSkip).expect("counts");
    let i = inst.projects.iter().position(|p| p.id == "c").expect("c") as u32;
    assert_eq!(
        no_skip.explanation(i).expect("explained").reason,
        Reason::NotReached { score: 1 }
    );
}

#[test]
fn ties_in_numbers() {
    use wspolnota_domain::pb::{count, parse_str, Rule, Tie, TieRule, TieValue};
    // a and b both have one vote and cost 60 of 100: only the first by id fits
    let text = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\nb;60\na;60\nVOTES\nvoter_id;vote\n1;a,b\n";
    let inst = parse_str(text).expect("parses");
    let (b, a) = (0u32, 1u32);
    let greedy = count(&inst, Rule::Greedy).expect("counts");
    assert_eq!(greedy.ties.len(), 1);
    assert_eq!(greedy.ties[0].projects, vec![a, b]);
    assert_eq!(
        greedy.ties[0].tie,
        Tie::Greedy {
            on: TieValue::Score { score: 1 },
            funded: vec![a],
            broken_by: TieRule::IdAsText,
        }
    );
    let mes = count(&inst, Rule::MesCost).expect("counts");
    assert_eq!(mes.ties.len(), 1);
    assert_eq!(
        mes.ties[0].tie,
        Tie::Shares {
            round: 1,
            chosen: a,
            others: vec![b],
            broken_by: TieRule::IdAsText,
        }
    );
}
