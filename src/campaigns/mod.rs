//! Campaigns: many documents at once. `campaign.rs` is a campaign and its
//! shared answers (how they reach each document's fields), `review.rs` its
//! page (documents, checks across them, the deadline), `import.rs` its
//! co-filers from a CSV or XLSX list; `rows.rs` reads one document's
//! answers per row of a CSV file (co-filers from a spreadsheet);
//! `packet.rs` renders a set of documents on every core into one
//! reproducible ZIP with a manifest (the command line's `batch`, and the
//! web app's packets); `jobs.rs` is a packet rendered in the background as
//! the pages see it (also built for the browser).

pub mod campaign;
pub mod cofilers;
#[cfg(feature = "ssr")]
pub mod import;
pub mod jobs;
#[cfg(feature = "ssr")]
pub mod packet;
#[cfg(feature = "ssr")]
pub mod review;
#[cfg(feature = "ssr")]
pub mod rows;

#[cfg(feature = "ssr")]
use serde_json::{Map, Value};

#[cfg(feature = "ssr")]
use crate::compose::Template;

#[cfg(feature = "ssr")]
/// Where a document's files go in a packet: a folder per kind of
/// document, then its number, e.g. `cofiler-letter/003`; the file name
/// goes on with who signs it and the company (see [`packet::file_stem`]).
pub fn item_prefix(template: &Template, number: usize) -> String {
    format!("{}/{number:03}", template.front.kind.as_str())
}

#[cfg(feature = "ssr")]
/// The company the answers name, for file names.
pub fn company_of(template: &Template, answers: &Map<String, Value>) -> String {
    crate::drafts::company_name(&template.front.fields, answers)
}
