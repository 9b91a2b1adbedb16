//! The register of who voted in a round, across every channel (account, printed code,
//! paper), and the round's rules for it: how people are identified, what happens to a
//! person found in two channels, what a receipt lets a voter check, and when numbers
//! are too small to publish. The register never says what anyone voted.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// How the round tells one person from another (the council's resolution decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identification {
    /// Full name and address, as most Polish councils require.
    NameAndAddress,
    /// A PESEL number, only where the resolution requires it; stored as a keyed hash.
    Pesel,
}

/// What happens when one person is found to have voted twice in a pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateRule {
    /// The ballot the platform recorded first counts; the later one is void.
    FirstCounts,
    /// Every ballot of that person in the pool is void.
    AllVoid,
}

/// What a receipt lets a voter check after the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptMode {
    /// The list of receipt hashes is published apart from the ballots: a voter checks
    /// that their ballot was counted, and cannot show anyone what it said. The default.
    Inclusion,
    /// Each published ballot carries its receipt hash: a voter checks what was counted,
    /// and could also prove to a vote buyer how they voted.
    WithChoices,
}

/// The way a ballot reached the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Account,
    /// A printed code issued to a person at a desk.
    DeskCode,
    /// A printed code from a batch issued before voting, to no one in particular.
    BulkCode,
    Paper,
}

macro_rules! codes {
    ($t:ty { $($v:ident => $c:literal),* $(,)? }) => {
        impl $t {
            pub fn code(self) -> &'static str {
                match self { $(<$t>::$v => $c),* }
            }
            pub fn parse(s: &str) -> Option<$t> {
                match s { $($c => Some(<$t>::$v),)* _ => None }
            }
        }
    };
}
codes!(Identification { NameAndAddress => "name_address", Pesel => "pesel" });
codes!(DuplicateRule { FirstCounts => "first_counts", AllVoid => "all_void" });
codes!(ReceiptMode { Inclusion => "inclusion", WithChoices => "with_choices" });
codes!(Channel { Account => "account", DeskCode => "desk_code", BulkCode => "bulk_code", Paper => "paper" });

/// Pools and districts with fewer voters than this publish only totals by default.
pub const DEFAULT_MIN_PUBLIC_VOTERS: i64 = 10;

/// Folds Polish letters to ASCII, lower-case, and keeps letters and digits as words.
fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    folded.split_whitespace().map(str::to_string).collect()
}

/// Words of an address that people write or leave out at will.
const ADDRESS_NOISE: &[&str] = &[
    "ul", "ulica", "al", "aleja", "aleje", "os", "osiedle", "pl", "plac", "m", "lok", "lokal",
    "mieszk", "nr",
];

/// The key that tells persons apart in the register: the same person written as
/// `Jan Kowalski, ul. Długa 5 m. 3` or `KOWALSKI Jan, Dluga 5/3` gets the same key.
/// Spelling mistakes are not caught; the committee's list shows near cases.
pub fn person_key(name: &str, address: &str) -> String {
    let mut name_words = words(name);
    name_words.sort();
    let address_words: Vec<String> = words(address)
        .into_iter()
        .filter(|w| !ADDRESS_NOISE.contains(&w.as_str()))
        .collect();
    format!("n:{}|a:{}", name_words.join(" "), address_words.join(" "))
}

/// The register key of a PESEL: a keyed hash, so the register cannot be searched for a
/// number without the instance's secret (PESELs are too few to hide behind a plain hash).
pub fn pesel_key(secret: &[u8], pesel: &str) -> String {
    // HMAC accepts keys of any length.
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(b"wspolnota pesel v1:");
    mac.update(pesel.trim().as_bytes());
    format!("p:{}", hex::encode(mac.finalize().into_bytes()))
}

/// A PESEL is 11 digits whose last one is the check digit of the weights 1-3-7-9.
pub fn valid_pesel(pesel: &str) -> bool {
    let digits: Vec<u32> = pesel
        .trim()
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect();
    if digits.len() != 11 || pesel.trim().len() != 11 {
        return false;
    }
    const W: [u32; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    let sum: u32 = digits.iter().zip(W).map(|(d, w)| d * w).sum();
    (10 - sum % 10) % 10 == digits[10]
}

/// What a sealed ballot says of its voter: a hash of the register key, which the
/// committee compares with the voided persons' keys while counting, then forgets.
pub fn voter_hash(key: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"wspolnota voter v1:");
    h.update(key.as_bytes());
    h.finalize().into()
}

/// A keyed digest of a paper sheet's entry (who and what), so the second entry can be
/// compared with the first without the choices ever being stored in readable form.
pub fn entry_digest(secret: &[u8], pool: i64, sheet: &str, key: &str, choices: &str) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    for part in [
        b"wspolnota paper v1".as_slice(),
        pool.to_string().as_bytes(),
        sheet.as_bytes(),
        key.as_bytes(),
        choices.as_bytes(),
    ] {
        mac.update(&(part.len() as u64).to_be_bytes());
        mac.update(part);
    }
    hex::encode(mac.finalize().into_bytes())
}

/// Levenshtein distance between two strings, by characters, stopping early past `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            row[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        if row.iter().min().is_some_and(|m| *m > limit) {
            return limit + 1;
        }
        prev = row;
    }
    prev[b.len()]
}

/// Pairs of register keys that may be one person written twice: the same address and
/// names at most two letters apart (`Jan Kowalski` / `Jan Kowalsky`). The register
/// cannot decide these; the committee checks them against the sheets.
pub fn near_duplicates(keys: &[String]) -> Vec<(usize, usize)> {
    let mut by_address: std::collections::BTreeMap<&str, Vec<(usize, &str)>> =
        std::collections::BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        let Some(rest) = key.strip_prefix("n:") else {
            continue;
        };
        if let Some((name, address)) = rest.split_once("|a:") {
            by_address.entry(address).or_default().push((i, name));
        }
    }
    let mut pairs = Vec::new();
    for people in by_address.values() {
        for (x, (i, a)) in people.iter().enumerate() {
            for (j, b) in &people[x + 1..] {
                if edit_distance(a, b, 2) <= 2 {
                    pairs.push((*i, *j));
                }
            }
        }
    }
    pairs
}

/// Splits counts into those shown one by one and one total of the small ones: a
/// group with fewer than `min` voters is published only inside that total.
pub fn aggregate_small<K: Clone>(counts: &[(K, i64)], min: i64) -> (Vec<(K, i64)>, i64) {
    let shown = counts.iter().filter(|(_, n)| *n >= min).cloned().collect();
    let hidden = counts
        .iter()
        .filter(|(_, n)| *n < min)
        .map(|(_, n)| n)
        .sum();
    (shown, hidden)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_person_written_two_ways() {
        assert_eq!(
            person_key("Jan Kowalski", "ul. Długa 5 m. 3"),
            person_key("KOWALSKI  Jan", "Dluga 5/3")
        );
        assert_ne!(
            person_key("Jan Kowalski", "Długa 5/3"),
            person_key("Jan Kowalski", "Długa 5/4")
        );
        assert_ne!(
            person_key("Jan Kowalski", "Długa 5"),
            person_key("Janina Kowalska", "Długa 5")
        );
    }

    #[test]
    fn pesel_check_digit() {
        assert!(valid_pesel("44051401359"));
        assert!(valid_pesel("02070803628"));
        assert!(!valid_pesel("44051401358"));
        assert!(!valid_pesel("4405140135"));
        assert!(!valid_pesel("4405140135a"));
        assert!(!valid_pesel("44051401359 1"));
    }

    #[test]
    fn keyed_hashes_need_the_secret() {
        let a = pesel_key(b"secret one", "44051401359");
        assert_eq!(a, pesel_key(b"secret one", " 44051401359 "));
        assert_ne!(a, pesel_key(b"secret two", "44051401359"));
        assert!(a.starts_with("p:"));
        let d = entry_digest(b"k", 1, "A1", "n:jan|a:x", "3:1");
        assert_eq!(d, entry_digest(b"k", 1, "A1", "n:jan|a:x", "3:1"));
        assert_ne!(d, entry_digest(b"k", 1, "A1", "n:jan|a:x", "3:1,4:1"));
        assert_ne!(d, entry_digest(b"k", 2, "A1", "n:jan|a:x", "3:1"));
    }

    #[test]
    fn near_duplicates_share_an_address_and_almost_a_name() {
        let keys: Vec<String> = [
            person_key("Jan Kowalski", "ul. Długa 5"),
            person_key("Jan Kowalsky", "Długa 5"),
            person_key("Janina Kowalska", "Długa 5"),
            person_key("Jan Kowalski", "Krótka 1"),
            pesel_key(b"k", "44051401359"),
            "code:abc".to_string(),
        ]
        .to_vec();
        assert_eq!(near_duplicates(&keys), vec![(0, 1)]);
        assert_eq!(edit_distance("kot", "kot", 2), 0);
        assert_eq!(edit_distance("kot", "kit", 2), 1);
        assert_eq!(edit_distance("a", "abcdef", 2), 3);
    }

    #[test]
    fn small_groups_only_in_total() {
        let (shown, hidden) = aggregate_small(&[("A", 12), ("B", 3), ("C", 9), ("D", 10)], 10);
        assert_eq!(shown, vec![("A", 12), ("D", 10)]);
        assert_eq!(hidden, 12);
    }

    #[test]
    fn codes_read_back() {
        for r in [DuplicateRule::FirstCounts, DuplicateRule::AllVoid] {
            assert_eq!(DuplicateRule::parse(r.code()), Some(r));
        }
        for c in [
            Channel::Account,
            Channel::DeskCode,
            Channel::BulkCode,
            Channel::Paper,
        ] {
            assert_eq!(Channel::parse(c.code()), Some(c));
        }
        assert_eq!(
            ReceiptMode::parse("inclusion"),
            Some(ReceiptMode::Inclusion)
        );
        assert_eq!(Identification::parse("x"), None);
    }
}
