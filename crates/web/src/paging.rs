//! Reading `?strona=` (pages) and `?page=&per_page=` (API), and the links to the pages
//! before and after, so every list is paged one way.

use crate::error::ApiError;
use crate::Ctx;
use wspolnota_app::error::RequestError;
use wspolnota_app::AppError;
use wspolnota_domain::paging::{Page, Paging};

/// The API's paging, or a 400 `request.bad_page` for values out of range or not numbers.
pub fn api_paging(
    ctx: &Ctx,
    page: Option<&str>,
    per_page: Option<&str>,
) -> Result<Paging, ApiError> {
    Paging::parse(page, per_page)
        .ok_or_else(|| ApiError::new(ctx.locale, AppError::Request(RequestError::BadPage)))
}

/// An address with its query, the page's own parameters first.
fn address(path: &str, params: &[(&str, &str)], paging: &[(&str, String)]) -> String {
    let mut pairs: Vec<(&str, &str)> = params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .copied()
        .collect();
    pairs.extend(paging.iter().map(|(k, v)| (*k, v.as_str())));
    match serde_urlencoded::to_string(&pairs) {
        Ok(q) if !q.is_empty() => format!("{path}?{q}"),
        _ => path.to_string(),
    }
}

/// The `Link` header of an API list page (RFC 8288): `next` and `prev` where they exist.
pub fn link_header<T>(page: &Page<T>, path: &str, params: &[(&str, &str)]) -> Option<String> {
    let per_page = page.paging.per_page.to_string();
    let link = |n: u32, rel: &str| {
        format!(
            "<{}>; rel=\"{rel}\"",
            address(
                path,
                params,
                &[("page", n.to_string()), ("per_page", per_page.clone())]
            )
        )
    };
    let links: Vec<String> = page
        .next_page()
        .map(|n| link(n, "next"))
        .into_iter()
        .chain(page.prev_page().map(|n| link(n, "prev")))
        .collect();
    (!links.is_empty()).then(|| links.join(", "))
}

/// The links of a web page's pager (`templates/pager.html`).
pub struct Pager {
    pub prev: Option<String>,
    pub next: Option<String>,
    /// "Strona 2", said between the links.
    pub current: String,
    /// A page past the end of the list: say so and link the first page.
    pub beyond: Option<String>,
}

impl Pager {
    pub fn new<T>(
        ui: &crate::ui::layout::Page,
        page: &Page<T>,
        path: &str,
        params: &[(&str, &str)],
    ) -> Pager {
        let at = |n: u32| {
            if n == 1 {
                address(path, params, &[])
            } else {
                address(path, params, &[("strona", n.to_string())])
            }
        };
        Pager {
            prev: page.prev_page().map(at),
            next: page.next_page().map(at),
            current: ui
                .locale
                .t_args("pager-current", &[("page", page.paging.page.to_string())]),
            beyond: (page.items.is_empty() && page.has_prev()).then(|| at(1)),
        }
    }

    /// Whether there is anything to show: more than one page.
    pub fn shown(&self) -> bool {
        self.prev.is_some() || self.next.is_some()
    }
}
