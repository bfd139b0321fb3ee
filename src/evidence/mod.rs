//! The evidence feature: the shared library of sources and claims, and the
//! citation notes drafted from it.

#[cfg(feature = "ssr")]
pub mod csl;
pub mod library;

#[cfg(feature = "ssr")]
pub use csl::{format_notes, Citation, CitationError, CitationStyle, DEFAULT_STYLE};
pub use library::{Claim, EvidenceError, Library, Quote, Source, SourceType};
