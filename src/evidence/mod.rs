//! The evidence feature: the shared library of sources and claims, and the
//! citation notes drafted from it.

#[cfg(feature = "ssr")]
pub mod csl;
#[cfg(feature = "ssr")]
pub mod import;
pub mod library;
#[cfg(feature = "ssr")]
pub mod verbatim;

#[cfg(feature = "ssr")]
pub use csl::{format_notes, full_citation, Citation, CitationError, CitationStyle, DEFAULT_STYLE};
pub use library::{Claim, EvidenceError, Library, Quote, Source, SourceType};
