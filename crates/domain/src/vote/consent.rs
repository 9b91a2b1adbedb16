//! Loomio-style proposals: agree / abstain / disagree / block.

/// A member's position on a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Position {
    Agree,
    Abstain,
    Disagree,
    /// A principled objection: under consent, one block stops the proposal.
    Block,
}

/// How the group decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionMode {
    /// Passes unless someone blocks, and unless more disagree than agree.
    Consent,
    /// Passes when more agree than disagree; a block counts as a disagreement.
    Majority,
}

/// The fate of a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalOutcome {
    Passed,
    Blocked,
    Rejected,
}

/// The count of a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalResult {
    pub agree: u64,
    pub abstain: u64,
    pub disagree: u64,
    pub block: u64,
    pub outcome: ProposalOutcome,
    pub explanation: String,
}

/// Counts a proposal.
pub fn count_proposal(positions: &[Position], mode: DecisionMode) -> ProposalResult {
    let (mut agree, mut abstain, mut disagree, mut block) = (0u64, 0u64, 0u64, 0u64);
    for p in positions {
        match p {
            Position::Agree => agree += 1,
            Position::Abstain => abstain += 1,
            Position::Disagree => disagree += 1,
            Position::Block => block += 1,
        }
    }
    let (outcome, why) = match mode {
        DecisionMode::Consent if block > 0 => (
            ProposalOutcome::Blocked,
            format!(
                "blocked: {block} {} under consent",
                if block == 1 {
                    "block stops it"
                } else {
                    "blocks stop it"
                }
            ),
        ),
        DecisionMode::Consent if disagree > agree => (
            ProposalOutcome::Rejected,
            format!("rejected: {disagree} disagree, only {agree} agree"),
        ),
        DecisionMode::Consent => (
            ProposalOutcome::Passed,
            "passed by consent: nobody blocked".to_string(),
        ),
        DecisionMode::Majority => {
            let against = disagree + block;
            if agree > against {
                (
                    ProposalOutcome::Passed,
                    format!("passed: {agree} agree, {against} disagree or block"),
                )
            } else {
                (
                    ProposalOutcome::Rejected,
                    format!("rejected: {agree} agree, {against} disagree or block"),
                )
            }
        }
    };
    ProposalResult {
        agree,
        abstain,
        disagree,
        block,
        outcome,
        explanation: format!(
            "{why} ({agree} agree, {abstain} abstain, {disagree} disagree, {block} block)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Position::*;

    #[test]
    fn one_block_stops_a_consent_decision() {
        let mut v = vec![Agree; 40];
        v.push(Block);
        let r = count_proposal(&v, DecisionMode::Consent);
        assert_eq!(r.outcome, ProposalOutcome::Blocked);
        // the same positions under majority pass
        let r = count_proposal(&v, DecisionMode::Majority);
        assert_eq!(r.outcome, ProposalOutcome::Passed);
    }

    #[test]
    fn consent_without_blocks() {
        let r = count_proposal(&[Agree, Abstain, Disagree, Agree], DecisionMode::Consent);
        assert_eq!(r.outcome, ProposalOutcome::Passed);
        let r = count_proposal(&[Agree, Disagree, Disagree], DecisionMode::Consent);
        assert_eq!(r.outcome, ProposalOutcome::Rejected);
        let r = count_proposal(&[Agree, Block, Disagree], DecisionMode::Majority);
        assert_eq!(r.outcome, ProposalOutcome::Rejected);
    }
}
