//! The templates feature: the built-in template catalog (`templates/`,
//! each template beside its sample answers) and the check the template
//! editor runs on the text being edited.

#[cfg(feature = "ssr")]
mod catalog;
pub mod editor_check;
pub mod summary;

#[cfg(feature = "ssr")]
pub use catalog::*;
