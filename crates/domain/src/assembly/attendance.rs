//! The attendance register of a general assembly (Prawo spółdzielcze art. 36 §3): who
//! takes part, how (in person, remotely, or through a proxy with a written power of
//! attorney), and who is present at the moment of each vote. A legal person takes part
//! through the representative it named; that is presence in person, not a proxy.
//!
//! The register is a list of arrivals and departures, so the quorum can be checked at
//! every vote against who was in the room (or connected) at that moment.

use super::AssemblyError;

/// How a member takes part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Presence {
    /// In the room, checked in by staff (for a legal person: its representative).
    InPerson,
    /// Connected remotely, voting from their own device.
    Remote,
    /// Represented by a proxy holding a written power of attorney.
    Proxy,
}

impl Presence {
    pub const ALL: [Presence; 3] = [Presence::InPerson, Presence::Remote, Presence::Proxy];

    pub fn code(self) -> &'static str {
        match self {
            Presence::InPerson => "in_person",
            Presence::Remote => "remote",
            Presence::Proxy => "proxy",
        }
    }

    pub fn parse(text: &str) -> Option<Presence> {
        Presence::ALL.into_iter().find(|p| p.code() == text)
    }
}

/// What the statute and the cooperative's size say about proxies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProxyRules {
    pub allowed: bool,
    /// Members of the cooperative on the day of the assembly.
    pub members: u64,
}

/// Up to this many members a board member may act as a proxy (art. 36 §3).
pub const SMALL_COOPERATIVE: u64 = 10;

/// One arrival in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    /// The member (their number in the cooperative's register).
    pub member: i64,
    pub presence: Presence,
    /// The proxy's name, when `presence` is [`Presence::Proxy`].
    pub proxy: Option<ProxyHolder>,
}

/// Who holds a power of attorney: a person (an account, when they have one) or a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyHolder {
    /// The same key for the same person, so one proxy for two members is caught
    /// (an account id as text, or the name as written on the power of attorney, folded).
    pub key: String,
    pub sits_on_board: bool,
    /// Whether the signed power of attorney was attached.
    pub has_document: bool,
}

/// The register's state: who is present now, and every proxy given during the assembly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Register {
    present: Vec<Arrival>,
    /// (member, proxy key) of every proxy shown at this assembly, kept after departure:
    /// a member who left keeps their one proxy, and a proxy stays tied to one member.
    proxies: Vec<(i64, String)>,
}

impl Register {
    /// Checks an arrival against the register and the proxy rules, and records it.
    pub fn arrive(&mut self, arrival: Arrival, rules: ProxyRules) -> Result<(), AssemblyError> {
        if self.is_present(arrival.member) {
            return Err(AssemblyError::AlreadyPresent);
        }
        match (&arrival.presence, &arrival.proxy) {
            (Presence::Proxy, Some(holder)) => {
                if !rules.allowed {
                    return Err(AssemblyError::ProxiesExcluded);
                }
                if !holder.has_document {
                    return Err(AssemblyError::PowerOfAttorneyMissing);
                }
                if holder.sits_on_board && rules.members > SMALL_COOPERATIVE {
                    return Err(AssemblyError::BoardMemberAsProxy);
                }
                for (member, key) in &self.proxies {
                    if *member == arrival.member && *key != holder.key {
                        return Err(AssemblyError::SecondProxy);
                    }
                    if *key == holder.key && *member != arrival.member {
                        return Err(AssemblyError::ProxyForTwo);
                    }
                }
                self.proxies.push((arrival.member, holder.key.clone()));
            }
            (Presence::Proxy, None) => return Err(AssemblyError::PowerOfAttorneyMissing),
            (_, Some(_)) => return Err(AssemblyError::UnexpectedProxy),
            (_, None) => {}
        }
        self.present.push(arrival);
        Ok(())
    }

    /// Records that `member` (or their proxy) left the assembly.
    pub fn leave(&mut self, member: i64) -> Result<(), AssemblyError> {
        let before = self.present.len();
        self.present.retain(|a| a.member != member);
        if self.present.len() == before {
            Err(AssemblyError::NotPresent)
        } else {
            Ok(())
        }
    }

    pub fn is_present(&self, member: i64) -> bool {
        self.present.iter().any(|a| a.member == member)
    }

    /// Members present now, each once, however they take part.
    pub fn present_count(&self) -> u64 {
        self.present.len() as u64
    }

    /// Members present now by the way they take part.
    pub fn count_by(&self, presence: Presence) -> u64 {
        self.present
            .iter()
            .filter(|a| a.presence == presence)
            .count() as u64
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const RULES: ProxyRules = ProxyRules {
        allowed: true,
        members: 30,
    };

    fn in_person(member: i64) -> Arrival {
        Arrival {
            member,
            presence: Presence::InPerson,
            proxy: None,
        }
    }

    fn by_proxy(member: i64, key: &str) -> Arrival {
        Arrival {
            member,
            presence: Presence::Proxy,
            proxy: Some(ProxyHolder {
                key: key.into(),
                sits_on_board: false,
                has_document: true,
            }),
        }
    }

    #[test]
    fn every_member_is_present_once() {
        let mut r = Register::default();
        r.arrive(in_person(1), RULES).unwrap();
        assert_eq!(
            r.arrive(in_person(1), RULES),
            Err(AssemblyError::AlreadyPresent)
        );
        // The member is in the room, so a proxy for them is refused too.
        assert_eq!(
            r.arrive(by_proxy(1, "anna"), RULES),
            Err(AssemblyError::AlreadyPresent)
        );
        r.arrive(by_proxy(2, "anna"), RULES).unwrap();
        assert_eq!(r.present_count(), 2);
        assert_eq!(r.count_by(Presence::Proxy), 1);
        r.leave(1).unwrap();
        assert_eq!(r.leave(1), Err(AssemblyError::NotPresent));
        assert_eq!(r.present_count(), 1);
        // Who left may come back.
        r.arrive(in_person(1), RULES).unwrap();
        assert_eq!(r.present_count(), 2);
    }

    #[test]
    fn one_proxy_one_member() {
        let mut r = Register::default();
        r.arrive(by_proxy(2, "anna"), RULES).unwrap();
        // Anna cannot also represent member 3.
        assert_eq!(
            r.arrive(by_proxy(3, "anna"), RULES),
            Err(AssemblyError::ProxyForTwo)
        );
        // Member 2 leaves and comes back with someone else: a second proxy.
        r.leave(2).unwrap();
        assert_eq!(
            r.arrive(by_proxy(2, "jan"), RULES),
            Err(AssemblyError::SecondProxy)
        );
        // With Anna again it is the same proxy.
        r.arrive(by_proxy(2, "anna"), RULES).unwrap();
        // Even after member 2 left, Anna stays theirs.
        r.leave(2).unwrap();
        assert_eq!(
            r.arrive(by_proxy(3, "anna"), RULES),
            Err(AssemblyError::ProxyForTwo)
        );
    }

    #[test]
    fn proxies_follow_the_statute_and_the_size() {
        let mut r = Register::default();
        let no_proxies = ProxyRules {
            allowed: false,
            ..RULES
        };
        assert_eq!(
            r.arrive(by_proxy(2, "anna"), no_proxies),
            Err(AssemblyError::ProxiesExcluded)
        );
        let mut board = by_proxy(2, "zarzad");
        if let Some(h) = board.proxy.as_mut() {
            h.sits_on_board = true;
        }
        assert_eq!(
            r.arrive(board.clone(), RULES),
            Err(AssemblyError::BoardMemberAsProxy)
        );
        let small = ProxyRules {
            allowed: true,
            members: 10,
        };
        r.arrive(board, small).unwrap();
        let mut paperless = by_proxy(3, "ewa");
        if let Some(h) = paperless.proxy.as_mut() {
            h.has_document = false;
        }
        assert_eq!(
            r.arrive(paperless, RULES),
            Err(AssemblyError::PowerOfAttorneyMissing)
        );
        let odd = Arrival {
            presence: Presence::Remote,
            ..by_proxy(4, "ewa")
        };
        assert_eq!(r.arrive(odd, RULES), Err(AssemblyError::UnexpectedProxy));
        assert_eq!(r.present_count(), 1);
    }
}
