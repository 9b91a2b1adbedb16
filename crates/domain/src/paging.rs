//! Lists read a page at a time: which page, how long, and whether another follows.
//! Every list of the pages and the API uses these, so the bounds are decided once.

/// Rows of a page unless asked otherwise, and the most one request may ask for.
pub const DEFAULT_PER_PAGE: u32 = 50;
pub const MAX_PER_PAGE: u32 = 200;

/// One page of a list: its number (from 1) and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: u32,
    pub per_page: u32,
}

impl Default for Paging {
    fn default() -> Self {
        Paging {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

/// Highest page number accepted, so that the offset stays far from overflowing.
const MAX_PAGE: u32 = 1_000_000;

impl Paging {
    /// Reads `page` and `per_page` as given to the API: absent means the default;
    /// anything else must be a whole number in range, or the request is refused
    /// (`None`) rather than quietly given another page.
    pub fn parse(page: Option<&str>, per_page: Option<&str>) -> Option<Paging> {
        let number = |v: Option<&str>, default: u32, max: u32| -> Option<u32> {
            match v {
                None => Some(default),
                // Digits only: what the schema calls an integer, nothing looser.
                Some(s) if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) => None,
                Some(s) => s.parse::<u32>().ok().filter(|n| (1..=max).contains(n)),
            }
        };
        Some(Paging {
            page: number(page, 1, MAX_PAGE)?,
            per_page: number(per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)?,
        })
    }

    /// Reads the page number of a web page's `?strona=`: a person who types something
    /// odd gets the nearest sensible page (the first, or the last number accepted).
    pub fn lenient(page: Option<&str>) -> Paging {
        let page = match page.map(|s| s.trim().parse::<i64>()) {
            Some(Ok(n)) => n.clamp(1, i64::from(MAX_PAGE)) as u32,
            _ => 1,
        };
        Paging {
            page,
            per_page: DEFAULT_PER_PAGE,
        }
    }

    /// Rows to fetch: one more than the page holds, to learn whether another follows.
    pub fn fetch(self) -> i64 {
        i64::from(self.per_page) + 1
    }

    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.per_page)
    }
}

/// The rows of one page, and whether pages come before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub paging: Paging,
    pub has_next: bool,
}

impl<T> Page<T> {
    /// A page from the rows fetched with [`Paging::fetch`].
    pub fn from_fetched(mut rows: Vec<T>, paging: Paging) -> Page<T> {
        let has_next = rows.len() > paging.per_page as usize;
        rows.truncate(paging.per_page as usize);
        Page {
            items: rows,
            paging,
            has_next,
        }
    }

    pub fn has_prev(&self) -> bool {
        self.paging.page > 1
    }

    pub fn next_page(&self) -> Option<u32> {
        self.has_next.then_some(self.paging.page + 1)
    }

    pub fn prev_page(&self) -> Option<u32> {
        self.has_prev().then_some(self.paging.page - 1)
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            paging: self.paging,
            has_next: self.has_next,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_gets_what_it_asks_or_a_refusal() {
        assert_eq!(Paging::parse(None, None), Some(Paging::default()));
        assert_eq!(
            Paging::parse(Some("3"), Some("200")),
            Some(Paging {
                page: 3,
                per_page: 200
            })
        );
        for (p, n) in [
            (Some("0"), None),
            (Some("-1"), None),
            (Some("abc"), None),
            (Some(""), None),
            (Some(" 2"), None),
            (Some("+2"), None),
            (None, Some("0")),
            (None, Some("201")),
            (None, Some("1.5")),
            (Some("1000001"), None),
        ] {
            assert_eq!(Paging::parse(p, n), None, "{p:?} {n:?}");
        }
    }

    #[test]
    fn a_person_gets_a_sensible_page() {
        assert_eq!(Paging::lenient(None).page, 1);
        assert_eq!(Paging::lenient(Some("abc")).page, 1);
        assert_eq!(Paging::lenient(Some("-4")).page, 1);
        assert_eq!(Paging::lenient(Some("7")).page, 7);
        assert_eq!(Paging::lenient(Some("99999999999")).page, MAX_PAGE);
    }

    #[test]
    fn one_row_more_tells_whether_a_page_follows() {
        let p = Paging {
            page: 2,
            per_page: 2,
        };
        assert_eq!((p.fetch(), p.offset()), (3, 2));
        let page = Page::from_fetched(vec![1, 2, 3], p);
        assert_eq!(page.items, vec![1, 2]);
        assert_eq!((page.prev_page(), page.next_page()), (Some(1), Some(3)));
        let last = Page::from_fetched(vec![1], p);
        assert_eq!(last.next_page(), None);
    }
}
