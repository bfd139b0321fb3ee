//! Stage 2 of the pipeline: the document model and the Markdown → model parser.
//! Nothing after this stage sees Markdown or HTML strings.

pub mod marker;
pub mod model;
pub mod parse;
pub mod typography;

pub use model::{is_language_tag, Block, Document, Footnote, Inline, List, Metadata, Paper};
