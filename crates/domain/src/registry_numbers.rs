//! Polish registry numbers of organisations: NIP (tax id), REGON (statistical
//! number, 9 or 14 digits) and KRS (court register). NIP and REGON carry a
//! weighted mod-11 check digit; a KRS number has no check digit, so only its
//! form (ten digits, not all zero) can be checked.

use crate::DomainError;

fn digits(value: &str) -> Option<Vec<u32>> {
    // People write NIP as 123-456-78-90 or with spaces; the separators carry no meaning.
    let cleaned: String = value.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(cleaned.chars().filter_map(|c| c.to_digit(10)).collect())
}

fn weighted_mod11(d: &[u32], weights: &[u32]) -> u32 {
    d.iter().zip(weights).map(|(a, b)| a * b).sum::<u32>() % 11
}

/// Validates a NIP and returns its ten digits.
pub fn nip(value: &str) -> Result<String, DomainError> {
    let d = digits(value).ok_or(DomainError::InvalidNip)?;
    if d.len() != 10 {
        return Err(DomainError::InvalidNip);
    }
    let check = weighted_mod11(&d, &[6, 5, 7, 2, 3, 4, 5, 6, 7]);
    // A remainder of 10 is never issued as a NIP.
    if check == 10 || check != d[9] {
        return Err(DomainError::InvalidNip);
    }
    Ok(d.iter().map(|x| char::from(b'0' + *x as u8)).collect())
}

/// Validates a 9- or 14-digit REGON and returns its digits.
pub fn regon(value: &str) -> Result<String, DomainError> {
    let d = digits(value).ok_or(DomainError::InvalidRegon)?;
    let weights: &[u32] = match d.len() {
        9 => &[8, 9, 2, 3, 4, 5, 6, 7],
        14 => &[2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8],
        _ => return Err(DomainError::InvalidRegon),
    };
    let check = weighted_mod11(&d, weights) % 10;
    if check != d[d.len() - 1] {
        return Err(DomainError::InvalidRegon);
    }
    Ok(d.iter().map(|x| char::from(b'0' + *x as u8)).collect())
}

/// Validates the form of a KRS number: exactly ten digits, not all zero.
pub fn krs(value: &str) -> Result<String, DomainError> {
    let d = digits(value).ok_or(DomainError::InvalidKrs)?;
    if d.len() != 10 || d.iter().all(|x| *x == 0) {
        return Err(DomainError::InvalidKrs);
    }
    Ok(d.iter().map(|x| char::from(b'0' + *x as u8)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nip_check_digit() {
        // 526-000-12-46: weights give 6*5+5*2+7*6+0+0+0+5*1+6*2+7*4 = 127, 127 mod 11 = 6.
        assert_eq!(nip("526-000-12-46").unwrap(), "5260001246");
        assert_eq!(nip("5260001247"), Err(DomainError::InvalidNip));
        assert_eq!(nip("526000124"), Err(DomainError::InvalidNip));
        assert_eq!(nip("52600012AB"), Err(DomainError::InvalidNip));
        assert_eq!(nip(""), Err(DomainError::InvalidNip));
    }

    #[test]
    fn regon_nine_and_fourteen_digits() {
        // 1,2,3,4,5,6,7,8 weighted by 8,9,2,3,4,5,6,7: 8+18+6+12+20+30+42+56 = 192, mod 11 = 5.
        assert_eq!(regon("123456785").unwrap(), "123456785");
        assert_eq!(regon("123456786"), Err(DomainError::InvalidRegon));
        // 12345678512347: weights 2,4,8,5,0,9,7,3,6,1,2,4,8 over 1234567851234 give
        // 2+8+24+20+0+54+49+24+30+1+4+12+32 = 260, 260 mod 11 = 7.
        assert_eq!(regon("12345678512347").unwrap(), "12345678512347");
        assert_eq!(regon("12345678512340"), Err(DomainError::InvalidRegon));
        assert_eq!(regon("12345"), Err(DomainError::InvalidRegon));
    }

    #[test]
    fn krs_form() {
        assert_eq!(krs("0000123456").unwrap(), "0000123456");
        assert_eq!(krs("0000000000"), Err(DomainError::InvalidKrs));
        assert_eq!(krs("123"), Err(DomainError::InvalidKrs));
    }
}
