//! The evidence feature: the shared library of sources and claims, and the
//! citation notes drafted from it.

pub mod csl;
pub mod library;

pub use csl::{format_notes, Citation, CitationError, CitationStyle, DEFAULT_STYLE};
pub use library::{Claim, EvidenceError, Library, Quote, Source, SourceType};
