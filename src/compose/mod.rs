//! Stage 1 of the pipeline: a template, a draft's answers and the evidence
//! library become Markdown with citation markers.
//!
//! Only [`fields`] (the questions and the checking of answers) and
//! [`changes`] are also built for the browser, so the wizard validates as the user types with the same
//! code the server uses.

pub mod changes;
pub mod fields;
pub use fields::{AnswerProblem, Field, FieldType, Step};

#[cfg(feature = "ssr")]
pub mod diagnostic;
#[cfg(feature = "ssr")]
pub mod engine;
#[cfg(feature = "ssr")]
pub mod field_text;
#[cfg(feature = "ssr")]
pub mod filters;
#[cfg(feature = "ssr")]
pub mod lint;
#[cfg(feature = "ssr")]
mod pipeline;
#[cfg(feature = "ssr")]
pub mod template;
#[cfg(feature = "ssr")]
pub mod yaml;

#[cfg(feature = "ssr")]
pub use diagnostic::Diagnostic;
#[cfg(feature = "ssr")]
pub use pipeline::{compose, compose_preview, ComposeError, Composed, ComposedPreview};
#[cfg(feature = "ssr")]
pub use template::{DocumentKind, FrontMatter, Template, TemplateError};
