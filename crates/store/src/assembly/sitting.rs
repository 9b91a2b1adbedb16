//! What happens at a general assembly: its officers (chair, tellers), the attendance
//! register, and open votes with one ballot per member.

use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::UserId;

/// Names `user` to `role` (`chair`, `teller`) at the assembly; false when already named.
pub async fn name_officer(
    c: &mut Conn,
    meeting: i64,
    user: UserId,
    role: &str,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO assembly_officers (meeting_id, user_id, role, named_at, named_by) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (meeting_id, user_id, role) DO NOTHING",
    )
    .bind(meeting)
    .bind(user.0)
    .bind(role)
    .bind(now.0)
    .bind(by.map(|u| u.0))
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The roles `user` holds at the assembly.
pub async fn roles_of(c: &mut Conn, meeting: i64, user: UserId) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT role FROM assembly_officers WHERE meeting_id = $1 AND user_id = $2 ORDER BY role",
    )
    .bind(meeting)
    .bind(user.0)
    .fetch_all(c)
    .await?)
}

/// The officers of the assembly: (name, role).
pub async fn officers(c: &mut Conn, meeting: i64) -> Result<Vec<(String, String)>, StoreError> {
    let rows = sqlx::query(
        "SELECT u.display_name, o.role FROM assembly_officers o JOIN users u ON u.id = o.user_id \
         WHERE o.meeting_id = $1 ORDER BY o.role, u.display_name",
    )
    .bind(meeting)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    pub id: i64,
    pub member_number: i64,
    pub presence: String,
    pub proxy_name: Option<String>,
    pub proxy_key: Option<String>,
    pub proxy_on_board: bool,
    pub power_of_attorney: Option<i64>,
    pub arrived_at: i64,
    pub left_at: Option<i64>,
}

fn arrival_from_row(r: &AnyRow) -> Result<Arrival, sqlx::Error> {
    Ok(Arrival {
        id: r.try_get("id")?,
        member_number: r.try_get("member_number")?,
        presence: r.try_get("presence")?,
        proxy_name: r.try_get("proxy_name")?,
        proxy_key: r.try_get("proxy_key")?,
        proxy_on_board: r.try_get::<i64, _>("proxy_on_board")? != 0,
        power_of_attorney: r.try_get("power_of_attorney")?,
        arrived_at: r.try_get("arrived_at")?,
        left_at: r.try_get("left_at")?,
    })
}

/// Every arrival at the assembly, in the order recorded.
pub async fn attendance(c: &mut Conn, meeting: i64) -> Result<Vec<Arrival>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, member_number, presence, proxy_name, proxy_key, proxy_on_board, power_of_attorney, \
         arrived_at, left_at FROM assembly_attendance WHERE meeting_id = $1 ORDER BY id",
    )
    .bind(meeting)
    .fetch_all(c)
    .await?;
    Ok(rows
        .iter()
        .map(arrival_from_row)
        .collect::<Result<_, _>>()?)
}

pub struct NewArrival<'a> {
    pub meeting: i64,
    pub member_number: i64,
    pub presence: &'a str,
    pub proxy_name: Option<&'a str>,
    pub proxy_key: Option<&'a str>,
    pub proxy_on_board: bool,
    pub power_of_attorney: Option<i64>,
    pub by: Option<UserId>,
}

pub async fn arrive(c: &mut Conn, a: &NewArrival<'_>, now: Timestamp) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO assembly_attendance (meeting_id, member_number, presence, proxy_name, proxy_key, \
         proxy_on_board, power_of_attorney, arrived_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(a.meeting)
    .bind(a.member_number)
    .bind(a.presence)
    .bind(a.proxy_name)
    .bind(a.proxy_key)
    .bind(i64::from(a.proxy_on_board))
    .bind(a.power_of_attorney)
    .bind(now.0)
    .bind(a.by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}

/// Closes the member's open arrival; false when they were not present.
pub async fn leave(
    c: &mut Conn,
    meeting: i64,
    member_number: i64,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE assembly_attendance SET left_at = $3 WHERE meeting_id = $1 AND member_number = $2 AND left_at IS NULL",
    )
    .bind(meeting)
    .bind(member_number)
    .bind(now.0)
    .execute(c)
    .await?;
    Ok(done.rows_affected() >= 1)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    pub id: i64,
    pub item_id: i64,
    pub kind: String,
    pub text: String,
    pub opened_at: i64,
    pub closed_at: Option<i64>,
    pub present: Option<i64>,
    pub entitled: Option<i64>,
    pub yes: Option<i64>,
    pub no: Option<i64>,
    pub abstain: Option<i64>,
    pub outcome: Option<String>,
    pub explanation: Option<String>,
    pub majority: Option<String>,
    pub quorum: Option<String>,
    pub abstentions_counted: Option<bool>,
}

fn vote_from_row(r: &AnyRow) -> Result<Vote, sqlx::Error> {
    Ok(Vote {
        id: r.try_get("id")?,
        item_id: r.try_get("item_id")?,
        kind: r.try_get("kind")?,
        text: r.try_get("text")?,
        opened_at: r.try_get("opened_at")?,
        closed_at: r.try_get("closed_at")?,
        present: r.try_get("present")?,
        entitled: r.try_get("entitled")?,
        yes: r.try_get("yes")?,
        no: r.try_get("no")?,
        abstain: r.try_get("abstain")?,
        outcome: r.try_get("outcome")?,
        explanation: r.try_get("explanation")?,
        majority: r.try_get("majority")?,
        quorum: r.try_get("quorum")?,
        abstentions_counted: r
            .try_get::<Option<i64>, _>("abstentions_counted")?
            .map(|a| a != 0),
    })
}

const VOTE_SELECT: &str =
    "SELECT id, item_id, kind, text, opened_at, closed_at, present, entitled, yes, no, \
     abstain, outcome, explanation, majority, quorum, abstentions_counted FROM assembly_votes";

pub async fn votes(c: &mut Conn, meeting: i64) -> Result<Vec<Vote>, StoreError> {
    let sql = format!("{VOTE_SELECT} WHERE meeting_id = $1 ORDER BY id");
    let rows = sqlx::query(&sql).bind(meeting).fetch_all(c).await?;
    Ok(rows.iter().map(vote_from_row).collect::<Result<_, _>>()?)
}

pub async fn vote(c: &mut Conn, meeting: i64, id: i64) -> Result<Vote, StoreError> {
    let sql = format!("{VOTE_SELECT} WHERE meeting_id = $1 AND id = $2");
    let row = sqlx::query(&sql)
        .bind(meeting)
        .bind(id)
        .fetch_optional(c)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(vote_from_row(&row)?)
}

pub async fn open_vote(
    c: &mut Conn,
    meeting: i64,
    item: i64,
    kind: &str,
    text: &str,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO assembly_votes (meeting_id, item_id, kind, text, opened_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(meeting)
    .bind(item)
    .bind(kind)
    .bind(text)
    .bind(now.0)
    .fetch_one(c)
    .await?)
}

/// The count written when a vote closes.
pub struct Count<'a> {
    pub present: i64,
    pub entitled: i64,
    pub yes: i64,
    pub no: i64,
    pub abstain: i64,
    pub outcome: &'a str,
    pub explanation: &'a str,
    pub majority: &'a str,
    pub quorum: &'a str,
    pub abstentions_counted: bool,
}

/// Closes an open vote with its count; false when it was already closed.
pub async fn close_vote(
    c: &mut Conn,
    vote: i64,
    count: &Count<'_>,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE assembly_votes SET closed_at = $2, present = $3, entitled = $4, yes = $5, no = $6, abstain = $7, \
         outcome = $8, explanation = $9, majority = $10, quorum = $11, abstentions_counted = $12 \
         WHERE id = $1 AND closed_at IS NULL",
    )
    .bind(vote)
    .bind(now.0)
    .bind(count.present)
    .bind(count.entitled)
    .bind(count.yes)
    .bind(count.no)
    .bind(count.abstain)
    .bind(count.outcome)
    .bind(count.explanation)
    .bind(count.majority)
    .bind(count.quorum)
    .bind(i64::from(count.abstentions_counted))
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a member's choice; false when the member has already voted.
pub async fn cast(
    c: &mut Conn,
    vote: i64,
    member_number: i64,
    choice: &str,
    via: &str,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO assembly_ballots (vote_id, member_number, choice, via, cast_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (vote_id, member_number) DO NOTHING",
    )
    .bind(vote)
    .bind(member_number)
    .bind(choice)
    .bind(via)
    .bind(now.0)
    .bind(by.map(|u| u.0))
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The ballots of a vote: (member number, choice, via).
pub async fn ballots(c: &mut Conn, vote: i64) -> Result<Vec<(i64, String, String)>, StoreError> {
    let rows = sqlx::query(
        "SELECT member_number, choice, via FROM assembly_ballots WHERE vote_id = $1 ORDER BY member_number",
    )
    .bind(vote)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

/// A signature of the minutes: `chair` or `secretary` confirming, or `scan` (the
/// signed paper attached).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub role: String,
    pub name: Option<String>,
    pub scan_file_id: Option<i64>,
    pub signed_at: i64,
}

/// Records a signature; false when that role has already signed.
pub async fn sign(
    c: &mut Conn,
    meeting: i64,
    role: &str,
    user: Option<UserId>,
    scan: Option<i64>,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO assembly_signatures (meeting_id, role, user_id, scan_file_id, signed_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (meeting_id, role) DO NOTHING",
    )
    .bind(meeting)
    .bind(role)
    .bind(user.map(|u| u.0))
    .bind(scan)
    .bind(now.0)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn signatures(c: &mut Conn, meeting: i64) -> Result<Vec<Signature>, StoreError> {
    let rows = sqlx::query(
        "SELECT s.role, u.display_name, s.scan_file_id, s.signed_at FROM assembly_signatures s \
         LEFT JOIN users u ON u.id = s.user_id WHERE s.meeting_id = $1 ORDER BY s.role",
    )
    .bind(meeting)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Signature {
                role: r.try_get(0)?,
                name: r.try_get(1)?,
                scan_file_id: r.try_get(2)?,
                signed_at: r.try_get(3)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}
