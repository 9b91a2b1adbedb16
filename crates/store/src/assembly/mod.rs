//! Bodies of a space and the seats people hold in them (seats are never deleted; a
//! seat ends once, and the database refuses any other change), and general assemblies
//! with their agenda; what happens at one is in [`sitting`].

pub mod sitting;

use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{SpaceId, UserId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub id: i64,
    pub space_id: i64,
    pub kind: String,
    pub name: String,
    pub purpose: String,
}

fn body_from_row(r: &AnyRow) -> Result<Body, sqlx::Error> {
    Ok(Body {
        id: r.try_get("id")?,
        space_id: r.try_get("space_id")?,
        kind: r.try_get("kind")?,
        name: r.try_get("name")?,
        purpose: r.try_get("purpose")?,
    })
}

const BODY_SELECT: &str = "SELECT id, space_id, kind, name, purpose FROM assembly_bodies";

pub struct NewBody<'a> {
    pub space: SpaceId,
    pub kind: &'a str,
    pub name: &'a str,
    pub purpose: &'a str,
    pub by: Option<UserId>,
}

/// Adds a body; `None` when the space already has a body of that name.
pub async fn insert_body(
    c: &mut Conn,
    b: &NewBody<'_>,
    now: Timestamp,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO assembly_bodies (space_id, kind, name, purpose, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (space_id, name) DO NOTHING RETURNING id",
    )
    .bind(b.space.0)
    .bind(b.kind)
    .bind(b.name)
    .bind(b.purpose)
    .bind(now.0)
    .bind(b.by.map(|u| u.0))
    .fetch_optional(c)
    .await?)
}

/// The bodies of a space, statutory bodies first (in the order the kinds are given).
pub async fn bodies(c: &mut Conn, space: SpaceId) -> Result<Vec<Body>, StoreError> {
    let sql = format!("{BODY_SELECT} WHERE space_id = $1 ORDER BY id");
    let rows = sqlx::query(&sql).bind(space.0).fetch_all(c).await?;
    Ok(rows.iter().map(body_from_row).collect::<Result<_, _>>()?)
}

/// One body of a space; `NotFound` when it is another space's or does not exist.
pub async fn body(c: &mut Conn, space: SpaceId, id: i64) -> Result<Body, StoreError> {
    let sql = format!("{BODY_SELECT} WHERE space_id = $1 AND id = $2");
    let row = sqlx::query(&sql)
        .bind(space.0)
        .bind(id)
        .fetch_optional(c)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(body_from_row(&row)?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatRow {
    pub id: i64,
    pub body_id: i64,
    pub body_kind: String,
    pub user_id: i64,
    pub name: String,
    pub position: String,
    pub term_from: String,
    pub term_until: Option<String>,
    pub ended_on: Option<String>,
    pub end_reason: Option<String>,
}

const SEAT_SELECT: &str = "SELECT s.id, s.body_id, b.kind AS body_kind, s.user_id, u.display_name, \
     s.position, s.term_from, s.term_until, s.ended_on, s.end_reason \
     FROM assembly_seats s JOIN assembly_bodies b ON b.id = s.body_id JOIN users u ON u.id = s.user_id";

fn seat_from_row(r: &AnyRow) -> Result<SeatRow, sqlx::Error> {
    Ok(SeatRow {
        id: r.try_get("id")?,
        body_id: r.try_get("body_id")?,
        body_kind: r.try_get("body_kind")?,
        user_id: r.try_get("user_id")?,
        name: r.try_get("display_name")?,
        position: r.try_get("position")?,
        term_from: r.try_get("term_from")?,
        term_until: r.try_get("term_until")?,
        ended_on: r.try_get("ended_on")?,
        end_reason: r.try_get("end_reason")?,
    })
}

/// Every seat ever held in the space's bodies, oldest first.
pub async fn seats(c: &mut Conn, space: SpaceId) -> Result<Vec<SeatRow>, StoreError> {
    let sql = format!("{SEAT_SELECT} WHERE b.space_id = $1 ORDER BY s.body_id, s.term_from, s.id");
    let rows = sqlx::query(&sql).bind(space.0).fetch_all(c).await?;
    Ok(rows.iter().map(seat_from_row).collect::<Result<_, _>>()?)
}

/// The seats `user` has ever held in the space's bodies.
pub async fn seats_of(
    c: &mut Conn,
    space: SpaceId,
    user: UserId,
) -> Result<Vec<SeatRow>, StoreError> {
    let sql = format!("{SEAT_SELECT} WHERE b.space_id = $1 AND s.user_id = $2 ORDER BY s.id");
    let rows = sqlx::query(&sql)
        .bind(space.0)
        .bind(user.0)
        .fetch_all(c)
        .await?;
    Ok(rows.iter().map(seat_from_row).collect::<Result<_, _>>()?)
}

pub struct NewSeat<'a> {
    pub body: i64,
    pub user: UserId,
    pub position: &'a str,
    pub term_from: &'a str,
    pub term_until: Option<&'a str>,
    pub by: Option<UserId>,
}

pub async fn insert_seat(c: &mut Conn, s: &NewSeat<'_>, now: Timestamp) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO assembly_seats (body_id, user_id, position, term_from, term_until, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(s.body)
    .bind(s.user.0)
    .bind(s.position)
    .bind(s.term_from)
    .bind(s.term_until)
    .bind(now.0)
    .bind(s.by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}

/// Ends a seat of the space; false when it has already ended (or is not the space's).
pub async fn end_seat(
    c: &mut Conn,
    space: SpaceId,
    seat: i64,
    ended_on: &str,
    reason: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE assembly_seats SET ended_on = $3, end_reason = $4 WHERE id = $2 AND ended_on IS NULL \
         AND body_id IN (SELECT id FROM assembly_bodies WHERE space_id = $1)",
    )
    .bind(space.0)
    .bind(seat)
    .bind(ended_on)
    .bind(reason)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A general assembly as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: i64,
    pub space_id: i64,
    pub body_id: i64,
    pub title: String,
    pub convener: String,
    pub demand_signatures: Option<i64>,
    pub demanded_on: Option<String>,
    pub held_on: String,
    pub starts_at: String,
    pub place: String,
    pub remote: bool,
    pub notice_sent_on: Option<String>,
}

const MEETING_SELECT: &str =
    "SELECT id, space_id, body_id, title, convener, demand_signatures, demanded_on, \
     held_on, starts_at, place, remote, notice_sent_on FROM assembly_meetings";

fn meeting_from_row(r: &AnyRow) -> Result<Meeting, sqlx::Error> {
    Ok(Meeting {
        id: r.try_get("id")?,
        space_id: r.try_get("space_id")?,
        body_id: r.try_get("body_id")?,
        title: r.try_get("title")?,
        convener: r.try_get("convener")?,
        demand_signatures: r.try_get("demand_signatures")?,
        demanded_on: r.try_get("demanded_on")?,
        held_on: r.try_get("held_on")?,
        starts_at: r.try_get("starts_at")?,
        place: r.try_get("place")?,
        remote: r.try_get::<i64, _>("remote")? != 0,
        notice_sent_on: r.try_get("notice_sent_on")?,
    })
}

pub struct NewMeeting<'a> {
    pub space: SpaceId,
    pub body: i64,
    pub title: &'a str,
    pub convener: &'a str,
    pub demand_signatures: Option<i64>,
    pub demanded_on: Option<&'a str>,
    pub held_on: &'a str,
    pub starts_at: &'a str,
    pub place: &'a str,
    pub remote: bool,
    pub by: Option<UserId>,
}

pub async fn insert_meeting(
    c: &mut Conn,
    m: &NewMeeting<'_>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO assembly_meetings (space_id, body_id, title, convener, demand_signatures, demanded_on, \
         held_on, starts_at, place, remote, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(m.space.0)
    .bind(m.body)
    .bind(m.title)
    .bind(m.convener)
    .bind(m.demand_signatures)
    .bind(m.demanded_on)
    .bind(m.held_on)
    .bind(m.starts_at)
    .bind(m.place)
    .bind(i64::from(m.remote))
    .bind(now.0)
    .bind(m.by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}

/// The space's assemblies, the latest first.
pub async fn meetings(c: &mut Conn, space: SpaceId) -> Result<Vec<Meeting>, StoreError> {
    let sql = format!("{MEETING_SELECT} WHERE space_id = $1 ORDER BY held_on DESC, id DESC");
    let rows = sqlx::query(&sql).bind(space.0).fetch_all(c).await?;
    Ok(rows
        .iter()
        .map(meeting_from_row)
        .collect::<Result<_, _>>()?)
}

/// One assembly of the space; `NotFound` when it is another space's.
pub async fn meeting(c: &mut Conn, space: SpaceId, id: i64) -> Result<Meeting, StoreError> {
    let sql = format!("{MEETING_SELECT} WHERE space_id = $1 AND id = $2");
    let row = sqlx::query(&sql)
        .bind(space.0)
        .bind(id)
        .fetch_optional(c)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(meeting_from_row(&row)?)
}

/// Records the day the notice went out; false when it already had.
pub async fn mark_noticed(c: &mut Conn, meeting: i64, on: &str) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE assembly_meetings SET notice_sent_on = $2 WHERE id = $1 AND notice_sent_on IS NULL",
    )
    .bind(meeting)
    .bind(on)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub id: i64,
    pub position: i64,
    pub title: String,
    /// The kind of resolution the item asks for; `None`: a report or a discussion.
    pub resolution_kind: Option<String>,
    pub description: String,
    pub after_notice: bool,
}

pub async fn agenda(c: &mut Conn, meeting: i64) -> Result<Vec<AgendaItem>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, position, title, resolution_kind, description, after_notice FROM assembly_agenda \
         WHERE meeting_id = $1 ORDER BY position",
    )
    .bind(meeting)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AgendaItem {
                id: r.try_get("id")?,
                position: r.try_get("position")?,
                title: r.try_get("title")?,
                resolution_kind: r.try_get("resolution_kind")?,
                description: r.try_get("description")?,
                after_notice: r.try_get::<i64, _>("after_notice")? != 0,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

pub struct NewItem<'a> {
    pub meeting: i64,
    pub title: &'a str,
    pub resolution_kind: Option<&'a str>,
    pub description: &'a str,
    pub after_notice: bool,
    pub by: Option<UserId>,
}

/// Appends an item at the end of the agenda.
pub async fn add_item(c: &mut Conn, i: &NewItem<'_>, now: Timestamp) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO assembly_agenda (meeting_id, position, title, resolution_kind, description, after_notice, added_at, added_by) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM assembly_agenda WHERE meeting_id = $1), \
         $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(i.meeting)
    .bind(i.title)
    .bind(i.resolution_kind)
    .bind(i.description)
    .bind(i64::from(i.after_notice))
    .bind(now.0)
    .bind(i.by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}

/// Where the notice of an assembly goes: one line per address. A member in their own
/// name has their account's address; a member organisation, each of its current
/// representatives'. A member with no line gets a printed letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeAddress {
    pub number: i64,
    pub name: String,
    pub email: Option<String>,
    pub locale: Option<String>,
}

/// The current members on `today` with every address their notice goes to.
pub async fn notice_addresses(
    c: &mut Conn,
    space: SpaceId,
    today: &str,
) -> Result<Vec<NoticeAddress>, StoreError> {
    let rows = sqlx::query(
        "SELECT m.number, m.sort_name, u.email, u.locale FROM coop_members m \
         LEFT JOIN users u ON u.id = m.user_id \
         WHERE m.space_id = $1 AND m.org_id IS NULL AND (m.ends_on IS NULL OR m.ends_on > $2) \
         UNION ALL SELECT m.number, m.sort_name, u.email, u.locale FROM coop_members m \
         LEFT JOIN org_representatives r ON r.org_id = m.org_id AND r.revoked_at IS NULL \
         LEFT JOIN users u ON u.id = r.user_id \
         WHERE m.space_id = $1 AND m.org_id IS NOT NULL AND (m.ends_on IS NULL OR m.ends_on > $2) \
         ORDER BY 1",
    )
    .bind(space.0)
    .bind(today)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(NoticeAddress {
                number: r.try_get(0)?,
                name: r.try_get(1)?,
                email: r.try_get(2)?,
                locale: r.try_get(3)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingDocument {
    pub id: i64,
    pub file_id: i64,
    pub title: String,
    pub content_type: String,
    pub size: i64,
}

pub async fn add_document(
    c: &mut Conn,
    meeting: i64,
    file: i64,
    title: &str,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO assembly_documents (meeting_id, file_id, title, added_at, added_by) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(meeting)
    .bind(file)
    .bind(title)
    .bind(now.0)
    .bind(by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}

pub async fn documents(c: &mut Conn, meeting: i64) -> Result<Vec<MeetingDocument>, StoreError> {
    let rows = sqlx::query(
        "SELECT d.id, d.file_id, d.title, f.content_type, f.size FROM assembly_documents d \
         JOIN files f ON f.id = d.file_id WHERE d.meeting_id = $1 ORDER BY d.id",
    )
    .bind(meeting)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(MeetingDocument {
                id: r.try_get("id")?,
                file_id: r.try_get("file_id")?,
                title: r.try_get("title")?,
                content_type: r.try_get("content_type")?,
                size: r.try_get("size")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}
