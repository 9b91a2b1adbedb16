//! Modules of a space: the capabilities a space switches on or off.
//!
//! A space is one civic institution; what it *does* comes from its modules. Each
//! kind of space starts with the modules such an institution usually needs
//! ([`default_modules`]); a space admin may then switch any implemented module on or
//! off. A space keeps only its departures from the defaults, so a kind's defaults can
//! grow with new modules without rewriting stored spaces.
//!
//! Every coming capability is declared here already, so the defaults say the whole
//! plan; [`Module::implemented`] says which ones the platform can run today.

use crate::space::SpaceKind;

/// One capability of a space. Its [`code`](Module::code) is the one word the module
/// carries in every crate and in the `space_modules` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Module {
    /// Participatory budget: rounds, proposals, voting, results.
    Budget,
    /// Public consultations.
    Consultations,
    /// Places and their bookings.
    Places,
    /// A cooperative's register of members.
    Register,
    /// Members' shares in a cooperative.
    Shares,
    /// General assemblies and the bodies they elect.
    Assemblies,
    /// Group decisions: motions, polls, consent.
    Decisions,
    /// Joint investments and projects.
    Investments,
    /// Events and their calendar.
    Events,
    /// A shared knowledge base.
    Knowledge,
    /// Working groups.
    Groups,
    /// Shared resources lent between members.
    Resources,
    /// Small grants given by the space.
    Grants,
    /// A register of risks and how the community meets them.
    Resilience,
}

impl Module {
    /// Every declared module, in the order pages list them.
    pub const ALL: [Module; 14] = [
        Module::Budget,
        Module::Consultations,
        Module::Places,
        Module::Register,
        Module::Shares,
        Module::Assemblies,
        Module::Decisions,
        Module::Investments,
        Module::Events,
        Module::Knowledge,
        Module::Groups,
        Module::Resources,
        Module::Grants,
        Module::Resilience,
    ];

    /// The stable word stored in the database and used in forms and translation ids.
    pub fn code(self) -> &'static str {
        match self {
            Module::Budget => "budget",
            Module::Consultations => "consultations",
            Module::Places => "places",
            Module::Register => "register",
            Module::Shares => "shares",
            Module::Assemblies => "assemblies",
            Module::Decisions => "decisions",
            Module::Investments => "investments",
            Module::Events => "events",
            Module::Knowledge => "knowledge",
            Module::Groups => "groups",
            Module::Resources => "resources",
            Module::Grants => "grants",
            Module::Resilience => "resilience",
        }
    }

    /// The module a code names; `None` for a word that names none.
    pub fn parse(code: &str) -> Option<Module> {
        Module::ALL.into_iter().find(|m| m.code() == code)
    }

    /// Whether the platform runs this module yet. Only implemented modules are offered
    /// to admins and shown to visitors; the others are declared so that their defaults
    /// are already decided.
    pub fn implemented(self) -> bool {
        matches!(
            self,
            Module::Budget | Module::Register | Module::Assemblies | Module::Groups
        )
    }

    /// The implemented modules, in the order of [`Module::ALL`].
    pub fn implemented_all() -> Vec<Module> {
        Module::ALL
            .into_iter()
            .filter(|m| m.implemented())
            .collect()
    }
}

/// The modules a new space of `kind` has switched on, before any admin changes them.
///
/// The participatory budget belongs to cities and development cooperatives (which run
/// one for their members' investments); coalitions, networks and movements switch it
/// on when they want one.
pub fn default_modules(kind: SpaceKind) -> Vec<Module> {
    use Module::*;
    match kind {
        SpaceKind::City => vec![Budget, Consultations, Places],
        SpaceKind::DevelopmentCooperative => {
            vec![Budget, Register, Shares, Assemblies, Decisions, Investments]
        }
        SpaceKind::Coalition | SpaceKind::CityNetwork => {
            vec![Decisions, Events, Knowledge, Groups, Places, Resources]
        }
        SpaceKind::Movement => vec![Events, Knowledge, Grants, Resilience],
    }
}

/// Whether `module` is on in a space of `kind`, given the admins' stored `choice`
/// for it, if any: a choice wins; without one the kind's default holds.
pub fn resolve(kind: SpaceKind, module: Module, choice: Option<bool>) -> bool {
    choice.unwrap_or_else(|| default_modules(kind).contains(&module))
}

/// Whether `module` is on in a space of `kind` whose admins chose `choices` (the
/// space's stored departures from its defaults; a module not in them follows the kind).
pub fn is_enabled(kind: SpaceKind, choices: &[(Module, bool)], module: Module) -> bool {
    let choice = choices
        .iter()
        .find(|(m, _)| *m == module)
        .map(|(_, on)| *on);
    resolve(kind, module, choice)
}

/// Every declared module with whether it is on, in the order of [`Module::ALL`].
pub fn effective(kind: SpaceKind, choices: &[(Module, bool)]) -> Vec<(Module, bool)> {
    Module::ALL
        .into_iter()
        .map(|m| (m, is_enabled(kind, choices, m)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_distinct() {
        for m in Module::ALL {
            assert_eq!(Module::parse(m.code()), Some(m));
        }
        let mut codes: Vec<_> = Module::ALL.iter().map(|m| m.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Module::ALL.len());
        assert_eq!(Module::parse("Budget"), None);
        assert_eq!(Module::parse(""), None);
    }

    #[test]
    fn the_modules_implemented_today() {
        assert_eq!(
            Module::implemented_all(),
            vec![
                Module::Budget,
                Module::Register,
                Module::Assemblies,
                Module::Groups
            ]
        );
        assert!(!Module::Knowledge.implemented());
    }

    #[test]
    fn the_budget_is_on_for_cities_and_cooperatives_only() {
        let on: Vec<SpaceKind> = SpaceKind::ALL
            .into_iter()
            .filter(|k| default_modules(*k).contains(&Module::Budget))
            .collect();
        assert_eq!(on, vec![SpaceKind::DevelopmentCooperative, SpaceKind::City]);
    }

    #[test]
    fn each_kind_has_its_plan() {
        use Module::*;
        assert_eq!(
            default_modules(SpaceKind::City),
            vec![Budget, Consultations, Places]
        );
        assert!(default_modules(SpaceKind::DevelopmentCooperative).contains(&Shares));
        assert_eq!(
            default_modules(SpaceKind::Coalition),
            default_modules(SpaceKind::CityNetwork)
        );
        assert_eq!(
            default_modules(SpaceKind::Movement),
            vec![Events, Knowledge, Grants, Resilience]
        );
    }

    #[test]
    fn a_choice_overrides_the_default_and_nothing_else() {
        let kind = SpaceKind::Coalition;
        assert!(!is_enabled(kind, &[], Module::Budget));
        let choices = [(Module::Budget, true), (Module::Events, false)];
        assert!(is_enabled(kind, &choices, Module::Budget));
        assert!(!is_enabled(kind, &choices, Module::Events));
        assert!(is_enabled(kind, &choices, Module::Knowledge));
        assert!(!is_enabled(
            SpaceKind::City,
            &[(Module::Budget, false)],
            Module::Budget
        ));
        let all = effective(kind, &choices);
        assert_eq!(all.len(), Module::ALL.len());
        assert_eq!(all[0], (Module::Budget, true));
    }
}
