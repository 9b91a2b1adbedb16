//! The share ledger: every movement of a member's shares and money is an immutable
//! entry, and every balance is derived by summing them. Declared and paid-in shares
//! are kept apart; money beyond what was declared is never silently a share.

use super::CoopError;
use crate::pb::Money;
use serde::{Deserialize, Serialize};

/// One entry of the ledger. Amounts are positive; a correction is its own kind, with
/// a signed amount and its reason, so nothing is ever edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Movement {
    /// Shares declared (at admission, or voluntary shares later), worth `value` at the
    /// share value of the statute in force.
    Declared { shares: u32, value: Money },
    /// Voluntary shares above the minimum given back on the member's request.
    Withdrawn { shares: u32, value: Money },
    /// Money paid towards declared shares.
    Payment { amount: Money },
    /// Surplus allocated to the member that pays their unpaid declared shares.
    SurplusToShares { amount: Money },
    /// The entry fee, paid; it goes to the reserve fund and is never refunded.
    EntryFee { amount: Money },
    /// Money received beyond what was declared: owed back to the member.
    Overpayment { amount: Money },
    /// An over-payment given back.
    OverpaymentReturned { amount: Money },
    /// After leaving, once the statements are approved: paid-in shares owed back.
    RefundDue { amount: Money },
    /// A refund paid out.
    RefundPaid { amount: Money },
    /// A correction of paid-in money (a mistyped payment), signed.
    PaymentCorrection { amount: Money },
}

impl Movement {
    pub fn kind(&self) -> &'static str {
        match self {
            Movement::Declared { .. } => "declared",
            Movement::Withdrawn { .. } => "withdrawn",
            Movement::Payment { .. } => "payment",
            Movement::SurplusToShares { .. } => "surplus_to_shares",
            Movement::EntryFee { .. } => "entry_fee",
            Movement::Overpayment { .. } => "overpayment",
            Movement::OverpaymentReturned { .. } => "overpayment_returned",
            Movement::RefundDue { .. } => "refund_due",
            Movement::RefundPaid { .. } => "refund_paid",
            Movement::PaymentCorrection { .. } => "payment_correction",
        }
    }

    /// The movement's money, signed as it changes the member's paid-in shares or the
    /// amounts owed; and its shares for the declared kinds.
    pub fn amount(&self) -> Money {
        match self {
            Movement::Declared { value, .. } | Movement::Withdrawn { value, .. } => *value,
            Movement::Payment { amount }
            | Movement::SurplusToShares { amount }
            | Movement::EntryFee { amount }
            | Movement::Overpayment { amount }
            | Movement::OverpaymentReturned { amount }
            | Movement::RefundDue { amount }
            | Movement::RefundPaid { amount }
            | Movement::PaymentCorrection { amount } => *amount,
        }
    }

    pub fn shares(&self) -> u32 {
        match self {
            Movement::Declared { shares, .. } | Movement::Withdrawn { shares, .. } => *shares,
            _ => 0,
        }
    }

    /// Rebuilds a movement from its stored kind, shares and amount.
    pub fn from_parts(kind: &str, shares: u32, amount: Money) -> Option<Movement> {
        Some(match kind {
            "declared" => Movement::Declared {
                shares,
                value: amount,
            },
            "withdrawn" => Movement::Withdrawn {
                shares,
                value: amount,
            },
            "payment" => Movement::Payment { amount },
            "surplus_to_shares" => Movement::SurplusToShares { amount },
            "entry_fee" => Movement::EntryFee { amount },
            "overpayment" => Movement::Overpayment { amount },
            "overpayment_returned" => Movement::OverpaymentReturned { amount },
            "refund_due" => Movement::RefundDue { amount },
            "refund_paid" => Movement::RefundPaid { amount },
            "payment_correction" => Movement::PaymentCorrection { amount },
            _ => return None,
        })
    }
}

/// A member's position, derived from the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Balance {
    pub declared_shares: u32,
    /// What the declared shares are worth.
    pub declared: Money,
    /// Money paid in towards declared shares (payments, surplus, corrections),
    /// before refunds.
    pub paid_in: Money,
    pub entry_fee_paid: Money,
    /// Over-payments not yet returned.
    pub to_return: Money,
    /// Refunds due and not yet paid.
    pub refund_outstanding: Money,
    /// Refunds paid so far.
    pub refunded: Money,
}

impl Balance {
    /// Declared shares not yet paid for.
    pub fn unpaid(&self) -> Money {
        Money((self.declared.0 - self.paid_in.0).max(0))
    }

    /// Paid-in shares the member still holds in the cooperative.
    pub fn held(&self) -> Money {
        Money(self.paid_in.0 - self.refunded.0)
    }

    /// Adds one movement.
    pub fn apply(&mut self, m: &Movement) {
        let a = m.amount().0;
        match m {
            Movement::Declared { shares, .. } => {
                self.declared_shares = self.declared_shares.saturating_add(*shares);
                self.declared.0 += a;
            }
            Movement::Withdrawn { shares, .. } => {
                self.declared_shares = self.declared_shares.saturating_sub(*shares);
                self.declared.0 -= a;
                // Paid-in money of the withdrawn shares is owed back like a refund.
                self.paid_in.0 -= a;
                self.to_return.0 += a;
            }
            Movement::Payment { .. }
            | Movement::SurplusToShares { .. }
            | Movement::PaymentCorrection { .. } => self.paid_in.0 += a,
            Movement::EntryFee { .. } => self.entry_fee_paid.0 += a,
            Movement::Overpayment { .. } => self.to_return.0 += a,
            Movement::OverpaymentReturned { .. } => self.to_return.0 -= a,
            Movement::RefundDue { .. } => self.refund_outstanding.0 += a,
            Movement::RefundPaid { .. } => {
                self.refund_outstanding.0 -= a;
                self.refunded.0 += a;
            }
        }
    }

    /// The balance of a whole ledger.
    pub fn of<'a>(movements: impl IntoIterator<Item = &'a Movement>) -> Balance {
        let mut b = Balance::default();
        for m in movements {
            b.apply(m);
        }
        b
    }
}

/// What to do with money beyond the unpaid declared shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Excess {
    /// Refuse the payment (the default: ask the member to declare more shares first).
    Refuse,
    /// Accept it and record the excess as money to return.
    RecordToReturn,
}

/// The movements a payment of `amount` towards shares makes.
pub fn pay_shares(
    balance: &Balance,
    amount: Money,
    excess: Excess,
) -> Result<Vec<Movement>, CoopError> {
    if amount.0 <= 0 {
        return Err(CoopError::AmountNotPositive);
    }
    let unpaid = balance.unpaid();
    if amount <= unpaid {
        return Ok(vec![Movement::Payment { amount }]);
    }
    match excess {
        Excess::Refuse => Err(CoopError::BeyondDeclared),
        Excess::RecordToReturn => {
            let mut out = Vec::new();
            if unpaid.0 > 0 {
                out.push(Movement::Payment { amount: unpaid });
            }
            out.push(Movement::Overpayment {
                amount: Money(amount.0 - unpaid.0),
            });
            Ok(out)
        }
    }
}

/// The movement of paying the entry fee: exactly the fee, once.
pub fn pay_entry_fee(balance: &Balance, fee: Money, amount: Money) -> Result<Movement, CoopError> {
    if amount.0 <= 0 {
        return Err(CoopError::AmountNotPositive);
    }
    if balance.entry_fee_paid.0 >= fee.0 {
        return Err(CoopError::EntryFeePaid);
    }
    if amount.0 != fee.0 - balance.entry_fee_paid.0 {
        return Err(CoopError::EntryFeeMismatch);
    }
    Ok(Movement::EntryFee { amount })
}

/// Declaring more (voluntary) shares: the total must stay within the statute.
pub fn declare_more(
    balance: &Balance,
    settings: &super::CoopSettings,
    shares: u32,
) -> Result<Movement, CoopError> {
    if shares == 0 {
        return Err(CoopError::SharesTooFew);
    }
    let total = balance.declared_shares.saturating_add(shares);
    if settings.max_shares.is_some_and(|m| total > m) {
        return Err(CoopError::SharesTooMany);
    }
    Ok(Movement::Declared {
        shares,
        value: settings.value_of(shares),
    })
}

/// Giving back voluntary shares: never below the obligatory minimum, and only shares
/// that are fully paid (their money is owed back).
pub fn withdraw_voluntary(
    balance: &Balance,
    settings: &super::CoopSettings,
    shares: u32,
) -> Result<Movement, CoopError> {
    if shares == 0 {
        return Err(CoopError::AmountNotPositive);
    }
    if balance.declared_shares < settings.min_shares.saturating_add(shares) {
        return Err(CoopError::BelowMinimum);
    }
    // Money goes back only for fully paid shares, so the shares that stay are paid too.
    if balance.unpaid().0 > 0 {
        return Err(CoopError::BelowMinimum);
    }
    let value = settings.value_of(shares);
    Ok(Movement::Withdrawn { shares, value })
}

/// A refund paid out: never more than is due.
pub fn pay_refund(balance: &Balance, amount: Money) -> Result<Movement, CoopError> {
    if amount.0 <= 0 {
        return Err(CoopError::AmountNotPositive);
    }
    if balance.refund_outstanding.0 <= 0 {
        return Err(CoopError::NothingToRefund);
    }
    if amount > balance.refund_outstanding {
        return Err(CoopError::RefundExceedsDue);
    }
    Ok(Movement::RefundPaid { amount })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coop::CoopSettings;
    use proptest::prelude::*;

    fn zl(z: i64) -> Money {
        Money::from_zloty(z)
    }

    #[test]
    fn a_hand_computed_ledger() {
        // 3 shares of 100 zł, entry fee 50 zł; paid 120 zł, then 180 zł.
        let s = CoopSettings::default();
        let mut ledger = vec![Movement::Declared {
            shares: 3,
            value: s.value_of(3),
        }];
        let b = Balance::of(&ledger);
        ledger.push(pay_entry_fee(&b, s.entry_fee, zl(50)).unwrap());
        ledger.extend(pay_shares(&Balance::of(&ledger), zl(120), Excess::Refuse).unwrap());
        let b = Balance::of(&ledger);
        assert_eq!(b.unpaid(), zl(180));
        assert_eq!(
            pay_shares(&b, zl(181), Excess::Refuse),
            Err(CoopError::BeyondDeclared)
        );
        ledger.extend(pay_shares(&b, zl(180), Excess::Refuse).unwrap());
        let b = Balance::of(&ledger);
        assert_eq!(b.paid_in, zl(300));
        assert_eq!(b.unpaid(), Money::ZERO);
        assert_eq!(b.entry_fee_paid, zl(50));
        assert_eq!(
            pay_entry_fee(&b, s.entry_fee, zl(50)),
            Err(CoopError::EntryFeePaid)
        );
    }

    #[test]
    fn excess_is_money_to_return() {
        let b = Balance::of(&[Movement::Declared {
            shares: 1,
            value: zl(100),
        }]);
        let out = pay_shares(&b, zl(130), Excess::RecordToReturn).unwrap();
        assert_eq!(
            out,
            vec![
                Movement::Payment { amount: zl(100) },
                Movement::Overpayment { amount: zl(30) }
            ]
        );
        let after = Balance::of(
            [Movement::Declared {
                shares: 1,
                value: zl(100),
            }]
            .iter()
            .chain(out.iter()),
        );
        assert_eq!(after.paid_in, zl(100));
        assert_eq!(after.to_return, zl(30));
        assert_eq!(
            pay_shares(&b, Money(0), Excess::Refuse),
            Err(CoopError::AmountNotPositive)
        );
        assert_eq!(
            pay_shares(&b, Money(-5), Excess::Refuse),
            Err(CoopError::AmountNotPositive)
        );
    }

    #[test]
    fn entry_fee_exactly() {
        let b = Balance::default();
        assert_eq!(
            pay_entry_fee(&b, zl(50), zl(40)),
            Err(CoopError::EntryFeeMismatch)
        );
        assert_eq!(
            pay_entry_fee(&b, zl(50), zl(50)),
            Ok(Movement::EntryFee { amount: zl(50) })
        );
    }

    #[test]
    fn voluntary_shares_never_below_the_minimum() {
        let s = CoopSettings {
            min_shares: 2,
            max_shares: Some(5),
            ..CoopSettings::default()
        };
        let mut ledger = vec![Movement::Declared {
            shares: 2,
            value: s.value_of(2),
        }];
        ledger.push(declare_more(&Balance::of(&ledger), &s, 2).unwrap());
        assert_eq!(
            declare_more(&Balance::of(&ledger), &s, 2),
            Err(CoopError::SharesTooMany)
        );
        ledger.push(Movement::Payment { amount: zl(400) });
        let b = Balance::of(&ledger);
        assert_eq!(withdraw_voluntary(&b, &s, 3), Err(CoopError::BelowMinimum));
        let w = withdraw_voluntary(&b, &s, 2).unwrap();
        ledger.push(w);
        let b = Balance::of(&ledger);
        assert_eq!(b.declared_shares, 2);
        assert_eq!(b.paid_in, zl(200));
        assert_eq!(b.to_return, zl(200));
    }

    #[test]
    fn refunds_never_exceed_what_is_due() {
        let b = Balance::of(&[
            Movement::Declared {
                shares: 1,
                value: zl(100),
            },
            Movement::Payment { amount: zl(100) },
        ]);
        assert_eq!(pay_refund(&b, zl(100)), Err(CoopError::NothingToRefund));
        let due = Balance::of(&[
            Movement::Declared {
                shares: 1,
                value: zl(100),
            },
            Movement::Payment { amount: zl(100) },
            Movement::RefundDue { amount: zl(100) },
        ]);
        assert_eq!(pay_refund(&due, zl(101)), Err(CoopError::RefundExceedsDue));
        assert_eq!(
            pay_refund(&due, zl(100)),
            Ok(Movement::RefundPaid { amount: zl(100) })
        );
    }

    fn op() -> impl Strategy<Value = (u8, i64)> {
        (0u8..5, 1i64..50_000)
    }

    proptest! {
        /// Whatever the members do through the rules, the balance is the sum of the
        /// movements and paid-in money never exceeds what was declared plus the
        /// recorded over-payments.
        #[test]
        fn balances_are_sums_and_never_overpaid(ops in proptest::collection::vec(op(), 0..40)) {
            let s = CoopSettings { max_shares: Some(20), ..CoopSettings::default() };
            let mut ledger: Vec<Movement> = vec![Movement::Declared { shares: 1, value: s.value_of(1) }];
            for (kind, amount) in ops {
                let b = Balance::of(&ledger);
                let next: Result<Vec<Movement>, CoopError> = match kind {
                    0 => pay_shares(&b, Money(amount), Excess::Refuse),
                    1 => pay_shares(&b, Money(amount), Excess::RecordToReturn),
                    2 => declare_more(&b, &s, (amount % 4) as u32).map(|m| vec![m]),
                    3 => pay_entry_fee(&b, s.entry_fee, Money(amount)).map(|m| vec![m]),
                    _ => withdraw_voluntary(&b, &s, (amount % 3) as u32).map(|m| vec![m]),
                };
                if let Ok(ms) = next {
                    ledger.extend(ms);
                }
                let b = Balance::of(&ledger);
                let declared: i64 = ledger.iter().map(|m| match m {
                    Movement::Declared { value, .. } => value.0,
                    Movement::Withdrawn { value, .. } => -value.0,
                    _ => 0,
                }).sum();
                let over: i64 = ledger.iter().map(|m| match m {
                    Movement::Overpayment { amount } => amount.0,
                    _ => 0,
                }).sum();
                prop_assert_eq!(b.declared.0, declared);
                prop_assert!(b.paid_in.0 <= b.declared.0 + over);
                prop_assert!(b.paid_in.0 <= b.declared.0);
                prop_assert!(b.entry_fee_paid.0 <= s.entry_fee.0);
                prop_assert!(b.to_return.0 >= 0);
            }
        }
    }
}
