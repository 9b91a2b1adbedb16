//! Calendar dates of legal acts (admission, notice, end of membership, approval of
//! statements). They are days, not instants: a statute counts in days and months.

pub use chrono::NaiveDate as Date;
use chrono::{Datelike, Days, Months};

/// Parses `YYYY-MM-DD`; `None` for anything else.
pub fn parse(text: &str) -> Option<Date> {
    let t = text.trim();
    if t.len() != 10 {
        return None;
    }
    Date::parse_from_str(t, "%Y-%m-%d").ok()
}

/// `YYYY-MM-DD`, the form dates are stored and exchanged in.
pub fn format(date: Date) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// `date` plus `days`; saturates at the last representable day.
pub fn plus_days(date: Date, days: u32) -> Date {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(Date::MAX)
}

/// `date` plus `months`, on the same day of the month or the month's last day when it
/// is shorter (31 January + 1 month = 28 or 29 February), as periods in months run.
pub fn plus_months(date: Date, months: u32) -> Date {
    date.checked_add_months(Months::new(months))
        .unwrap_or(Date::MAX)
}

/// The calendar year of `date`.
pub fn year(date: Date) -> i32 {
    date.year()
}

/// The day a Unix timestamp falls on in Poland (UTC+1 in winter, UTC+2 in summer
/// approximated by the EU rule: last Sunday of March to last Sunday of October at 01:00 UTC).
pub fn day_in_poland(unix_seconds: i64) -> Date {
    in_poland(unix_seconds).date()
}

/// The hour and minute (`HH:MM`) a Unix timestamp shows on a Polish clock.
pub fn time_in_poland(unix_seconds: i64) -> String {
    in_poland(unix_seconds).format("%H:%M").to_string()
}

fn in_poland(unix_seconds: i64) -> chrono::NaiveDateTime {
    let utc = chrono::DateTime::from_timestamp(unix_seconds, 0)
        .unwrap_or_default()
        .naive_utc();
    let y = utc.year();
    let last_sunday = |month: u32| {
        let mut d = Date::from_ymd_opt(y, month, 31).unwrap_or(Date::MIN);
        while d.weekday() != chrono::Weekday::Sun {
            d = d.pred_opt().unwrap_or(Date::MIN);
        }
        d.and_hms_opt(1, 0, 0).unwrap_or_default()
    };
    let summer = utc >= last_sunday(3) && utc < last_sunday(10);
    let offset = if summer { 2 } else { 1 };
    utc + chrono::Duration::hours(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_clock_time() {
        // 2026-05-28 20:26:40 UTC is 22:26 in summer time; 2026-12-04 16:00 UTC is 17:00.
        assert_eq!(time_in_poland(1_780_000_000), "22:26");
        assert_eq!(time_in_poland(1_796_400_000), "17:00");
    }

    fn d(s: &str) -> Date {
        parse(s).unwrap()
    }

    #[test]
    fn months_end_on_the_corresponding_day() {
        assert_eq!(plus_months(d("2026-03-15"), 3), d("2026-06-15"));
        assert_eq!(plus_months(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(plus_months(d("2028-01-31"), 1), d("2028-02-29"));
        assert_eq!(plus_days(d("2026-12-20"), 14), d("2027-01-03"));
    }

    #[test]
    fn only_iso_dates_parse() {
        assert!(parse("2026-02-30").is_none());
        assert!(parse("1.02.2026").is_none());
        assert!(parse("2026-2-3").is_none());
        assert_eq!(format(d("2026-02-03")), "2026-02-03");
    }

    #[test]
    fn polish_days() {
        // 2026-07-01 22:30 UTC is 00:30 on 2 July in Warsaw (summer time).
        assert_eq!(day_in_poland(1_782_945_000), d("2026-07-02"));
        // 2026-01-10 22:30 UTC is 23:30 on 10 January (winter time).
        assert_eq!(day_in_poland(1_768_084_200), d("2026-01-10"));
    }
}
