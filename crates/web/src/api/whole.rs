//! Whole numbers in JSON bodies. JSON Schema counts `3.0` as an integer, as JSON
//! itself has one number type, so the API takes any number without a fractional part
//! where its schema says integer, and refuses fractions and numbers out of range.

use serde::de::{Deserializer, Error, Visitor};
use std::fmt;

struct Whole<T>(std::marker::PhantomData<T>);

impl<'de, T: TryFrom<i64> + TryFrom<u64>> Visitor<'de> for Whole<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number in range")
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::custom("out of range"))
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::custom("out of range"))
    }

    fn visit_f64<E: Error>(self, v: f64) -> Result<T, E> {
        // Only numbers that are exactly whole and well inside i64 (beyond 2^53 a float
        // no longer says which integer it means).
        if v.fract() != 0.0 || v.abs() > 9_007_199_254_740_992.0 {
            return Err(E::custom("not a whole number"));
        }
        self.visit_i64(v as i64)
    }
}

pub fn i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    d.deserialize_any(Whole::<i64>(std::marker::PhantomData))
}

pub fn u32<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    d.deserialize_any(Whole::<u32>(std::marker::PhantomData))
}

pub fn option_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    struct Maybe;
    impl<'de> Visitor<'de> for Maybe {
        type Value = Option<i64>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a whole number or null")
        }
        fn visit_none<E: Error>(self) -> Result<Option<i64>, E> {
            Ok(None)
        }
        fn visit_unit<E: Error>(self) -> Result<Option<i64>, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<i64>, D::Error> {
            i64(d).map(Some)
        }
    }
    d.deserialize_option(Maybe)
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct T {
        #[serde(deserialize_with = "super::i64")]
        a: i64,
        #[serde(default, deserialize_with = "super::option_i64")]
        b: Option<i64>,
        #[serde(default, deserialize_with = "super::u32")]
        c: u32,
    }

    fn parse(s: &str) -> Option<(i64, Option<i64>, u32)> {
        serde_json::from_str::<T>(s).ok().map(|t| (t.a, t.b, t.c))
    }

    #[test]
    fn whole_numbers_in_any_notation_and_nothing_else() {
        assert_eq!(parse(r#"{"a": 3}"#), Some((3, None, 0)));
        assert_eq!(
            parse(r#"{"a": -3.0, "b": 7.0, "c": 2}"#),
            Some((-3, Some(7), 2))
        );
        assert_eq!(parse(r#"{"a": 1, "b": null}"#), Some((1, None, 0)));
        assert_eq!(
            parse(r#"{"a": 4071090008379778.0}"#),
            Some((4071090008379778, None, 0))
        );
        let via_value: serde_json::Value =
            serde_json::from_str(r#"{"a": 4071090008379778.0}"#).unwrap_or_default();
        assert_eq!(
            serde_json::from_value::<T>(via_value).ok().map(|t| t.a),
            Some(4071090008379778)
        );
        assert_eq!(parse(r#"{"a": 3.5}"#), None);
        assert_eq!(parse(r#"{"a": "3"}"#), None);
        assert_eq!(parse(r#"{"a": 1, "c": -1}"#), None);
        assert_eq!(parse(r#"{"a": 1, "c": 4294967296}"#), None);
        assert_eq!(parse(r#"{"a": 1e300}"#), None);
    }
}
