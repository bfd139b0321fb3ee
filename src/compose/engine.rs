//! The minijinja environment templates run in, with the limits that make an
//! untrusted template safe to render: fuel (bounds work and memory),
//! recursion depth, output size; `range()` is capped by minijinja itself.
//! No loader is installed, so `include`/`import` can reach no file.

use std::cell::RefCell;
use std::collections::HashSet;
use std::io::Write;
use std::sync::LazyLock;

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior, Value};

use super::filters;
use crate::document::marker;
use crate::evidence::Citation;
use crate::i18n::{msg, Message};

/// Budgets for one render. Generous for any real letter (the built-in
/// templates use well under 1% of each), small enough to stop a runaway.
pub const FUEL: u64 = 2_000_000;
pub const RECURSION_LIMIT: usize = 64;
pub const MAX_OUTPUT_BYTES: usize = 1024 * 1024;
/// The most items `join_list` joins, and `cite()` calls one render makes.
pub const MAX_LIST_ITEMS: usize = 10_000;
pub const MAX_CITATIONS: usize = 5_000;
/// The longest pinpoint `cite()` takes (`pp. 12–14`, `para. 13`, …).
pub const MAX_PINPOINT_CHARS: usize = 500;

static ENVIRONMENT: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(RECURSION_LIMIT);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_debug(true);
    env.add_function("cite", cite);
    env.add_filter("date", |value: &str, style: Option<&str>| {
        with_render(|r| filters::date(&r.language, value, style))
    });
    env.add_filter(
        "money",
        |value: Serde<filters::MoneyValue>, currency: Option<&str>| {
            with_render(|r| filters::money(&r.language, value, currency))
        },
    );
    env.add_filter("join_list", |items: Value| {
        let items = bounded_items(&items)?;
        with_render(|r| Ok(filters::join_list(&r.language, items)))
    });
    env.add_filter("lines", |value: &str| filters::lines(value));
    env.add_filter("number", |value: f64| {
        with_render(|r| Ok(filters::number(&r.language, value)))
    });
    env
});

/// What a render needs to know and collects, beyond the template context.
///
/// minijinja functions are registered once on the shared environment and
/// cannot borrow per-render data, and a context variable could be
/// overwritten by the template itself; a render runs on one thread from
/// start to end, so the per-render state lives in a thread-local.
struct RenderState {
    language: String,
    known_sources: HashSet<String>,
    citations: Vec<Citation>,
    unknown_source: Option<String>,
}

thread_local! {
    static CURRENT: RefCell<Option<RenderState>> = const { RefCell::new(None) };
}

fn with_render<T>(f: impl FnOnce(&mut RenderState) -> Result<T, Error>) -> Result<T, Error> {
    CURRENT.with(|current| match current.borrow_mut().as_mut() {
        Some(state) => f(state),
        None => Err(Error::new(
            ErrorKind::InvalidOperation,
            "rendering outside a document render",
        )),
    })
}

/// The items of a list for `join_list`, refused when they would add up to
/// more than a render may write: minijinja charges a filter's fuel for
/// what it returns, not for what it copies on the way (`[long] * 100000`
/// is one cheap value until it is copied out).
fn bounded_items(items: &Value) -> Result<Vec<Value>, Error> {
    let too_many = || {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("join_list: the list has more than {MAX_LIST_ITEMS} items"),
        )
    };
    if items.len().is_some_and(|n| n > MAX_LIST_ITEMS) {
        return Err(too_many());
    }
    let mut bytes = 0usize;
    let mut out = Vec::new();
    for item in items.try_iter()? {
        // A string's length is known; anything else prints short or is
        // counted by its items.
        bytes += item
            .as_str()
            .map_or_else(|| item.len().unwrap_or(1), str::len);
        if bytes > MAX_OUTPUT_BYTES {
            return Err(Error::new(
                ErrorKind::InvalidOperation,
                format!(
                    "join_list: the items add up to more than {} KiB",
                    MAX_OUTPUT_BYTES / 1024
                ),
            ));
        }
        if out.len() == MAX_LIST_ITEMS {
            return Err(too_many());
        }
        out.push(item);
    }
    Ok(out)
}

fn cite(_: &State, source: &str, pinpoint: Option<Value>) -> Result<String, Error> {
    let refuse = |what: String| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("cite(\"{source}\"): {what}"),
        )
    };
    let pinpoint = pinpoint.filter(|p| !p.is_none() && !p.is_undefined());
    // Checked before it is copied: the copy is kept with the citation,
    // which no fuel pays for.
    let length = pinpoint.as_ref().map_or(0, |p| {
        p.as_str()
            .map_or_else(|| p.len().unwrap_or(1), |s| s.chars().count())
    });
    if length > MAX_PINPOINT_CHARS {
        return Err(refuse(format!(
            "the pinpoint is longer than {MAX_PINPOINT_CHARS} characters"
        )));
    }
    let pinpoint = pinpoint.map(|p| p.to_string());
    with_render(|render| {
        if render.citations.len() >= MAX_CITATIONS {
            return Err(refuse(format!(
                "a document can cite at most {MAX_CITATIONS} times"
            )));
        }
        if !render.known_sources.contains(source) {
            render.unknown_source = Some(source.to_owned());
            return Err(Error::new(
                ErrorKind::InvalidOperation,
                format!("cite(\"{source}\"): no source with this id in the evidence library"),
            ));
        }
        render.citations.push(Citation {
            source: source.to_owned(),
            pinpoint,
        });
        Ok(marker::make(render.citations.len() - 1))
    })
}

/// The outcome of one render.
pub struct Rendered {
    pub text: String,
    pub citations: Vec<Citation>,
}

/// Why a render failed, before it is placed in a file.
#[derive(Debug)]
pub enum RenderFailure {
    /// Location in the rendered source: 1-based line, byte range.
    Template {
        line: Option<usize>,
        offset: Option<usize>,
        message: String,
    },
    UnknownSource {
        id: String,
        line: Option<usize>,
        offset: Option<usize>,
    },
    OutOfFuel {
        line: Option<usize>,
    },
    TooDeep {
        line: Option<usize>,
    },
    OutputTooLarge,
}

impl RenderFailure {
    /// What went wrong, without the place.
    pub fn message(&self) -> Message {
        match self {
            // minijinja's own words, in English.
            RenderFailure::Template { message, .. } => {
                msg!("lint-engine", detail = message.as_str())
            }
            RenderFailure::UnknownSource { id, .. } => {
                msg!("lint-unknown-source", source = id.as_str())
            }
            RenderFailure::OutOfFuel { .. } => msg!("lint-out-of-fuel", steps = FUEL),
            RenderFailure::TooDeep { .. } => msg!("lint-too-deep", levels = RECURSION_LIMIT),
            RenderFailure::OutputTooLarge => {
                msg!("lint-output-too-large", kib = MAX_OUTPUT_BYTES / 1024)
            }
        }
    }
}

/// Checks the syntax of a template source without rendering it.
pub fn check_syntax(name: &str, source: &str) -> Result<(), RenderFailure> {
    ENVIRONMENT
        .template_from_named_str(name, source)
        .map(|_| ())
        .map_err(|e| classify(e, None, false))
}

/// The names a template source reads but does not set itself (fields,
/// and globals such as `cite`), or its syntax error.
pub fn used_names(name: &str, source: &str) -> Result<HashSet<String>, RenderFailure> {
    ENVIRONMENT
        .template_from_named_str(name, source)
        .map(|template| template.undeclared_variables(false))
        .map_err(|e| classify(e, None, false))
}

/// Whether templates have a filter (`is_test` false) or test of this name.
/// minijinja looks filters and tests up only when it renders, so the
/// linter asks by rendering a one-tag probe.
pub fn has_filter_or_test(name: &str, is_test: bool) -> bool {
    if !super::template::is_identifier(name) {
        return false;
    }
    let probe = if is_test {
        format!("{{{{ 1 is {name} }}}}")
    } else {
        format!("{{{{ 1 | {name} }}}}")
    };
    let missing = if is_test {
        ErrorKind::UnknownTest
    } else {
        ErrorKind::UnknownFilter
    };
    // Our own filters read per-render state, absent here: they fail with
    // another kind of error, which still proves they exist.
    match ENVIRONMENT.render_str(&probe, ()) {
        Ok(_) => true,
        Err(error) => error.kind() != missing,
    }
}

/// Functions every template may call, which are not fields.
pub const GLOBALS: [&str; 5] = ["cite", "range", "dict", "namespace", "debug"];

pub fn render(
    name: &str,
    source: &str,
    context: &Value,
    language: &str,
    known_sources: HashSet<String>,
    citations: Vec<Citation>,
) -> Result<Rendered, RenderFailure> {
    let template = ENVIRONMENT
        .template_from_named_str(name, source)
        .map_err(|e| classify(e, None, false))?;
    let previous = CURRENT.with(|c| {
        c.replace(Some(RenderState {
            language: language.to_owned(),
            known_sources,
            // Citations typed in the answers come first; cite() appends.
            citations,
            unknown_source: None,
        }))
    });
    let mut output = CappedWriter {
        bytes: Vec::new(),
        overflowed: false,
    };
    let result = template
        .render_captured_to(context, &mut output)
        .map(|_| ());
    let state = CURRENT
        .with(|c| c.replace(previous))
        .map(|s| (s.citations, s.unknown_source));
    let (citations, unknown_source) = state.unwrap_or_default();
    if let Err(err) = result {
        return Err(classify(err, unknown_source, output.overflowed));
    }
    // minijinja writes whole UTF-8 strings, so the bytes are valid UTF-8.
    let text = String::from_utf8(output.bytes).map_err(|_| RenderFailure::Template {
        line: None,
        offset: None,
        message: "the template produced text that is not UTF-8".into(),
    })?;
    Ok(Rendered { text, citations })
}

fn classify(err: Error, unknown_source: Option<String>, overflowed: bool) -> RenderFailure {
    let line = err.line();
    let offset = err.range().map(|r| r.start);
    if overflowed {
        return RenderFailure::OutputTooLarge;
    }
    if let Some(id) = unknown_source {
        return RenderFailure::UnknownSource { id, line, offset };
    }
    match err.kind() {
        ErrorKind::OutOfFuel => RenderFailure::OutOfFuel { line },
        _ if err.detail().is_some_and(|d| d.contains("recursion limit")) => {
            RenderFailure::TooDeep { line }
        }
        kind => {
            let message = match err.detail() {
                Some(detail) => format!("{kind}: {detail}"),
                None => kind.to_string(),
            };
            RenderFailure::Template {
                line,
                offset,
                message,
            }
        }
    }
}

/// Refuses output past [`MAX_OUTPUT_BYTES`], so a template cannot fill memory with text.
struct CappedWriter {
    bytes: Vec<u8>,
    overflowed: bool,
}

impl Write for CappedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT_BYTES {
            self.overflowed = true;
            return Err(std::io::Error::other("output limit reached"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
