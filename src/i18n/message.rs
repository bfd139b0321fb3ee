//! A message the domain gives a person, worded only when it is shown: the
//! code that finds a problem says which message and with what values; the
//! page words it in its reader's language, the command line and the logs in
//! English (its `Display`). So domain code stays free of any idea of who
//! reads it, and the same problem reads the same in every language.

use serde::{Deserialize, Serialize};

use super::{text, Args, Lang};

/// A catalogue message and its values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    pub args: Vec<(String, Arg)>,
}

/// A value of a message: text, a whole number, another message worded
/// in the same language ("item 2: { $problem }"), or several, one a line
/// ("the template has 2 errors:\n{ $problems }").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    Text(String),
    Number(i64),
    Message(Box<Message>),
    Lines(Vec<Message>),
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

impl From<Vec<Message>> for Arg {
    fn from(messages: Vec<Message>) -> Arg {
        Arg::Lines(messages)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                // Counts and limits: far inside i64.
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(usize, u64, u32, i64, i32);

impl Message {
    pub fn new(id: &str) -> Message {
        Message {
            id: id.to_owned(),
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &str, value: impl Into<Arg>) -> Message {
        self.args.push((name.to_owned(), value.into()));
        self
    }

    /// The message in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        if self.args.is_empty() {
            return text(lang, &self.id, None);
        }
        let mut args = Args::new();
        for (name, value) in &self.args {
            match value {
                Arg::Text(t) => args.set(name.as_str(), t),
                Arg::Number(n) => args.set(name.as_str(), *n),
                Arg::Message(inner) => args.set(name.as_str(), inner.words(lang)),
                Arg::Lines(lines) => args.set(
                    name.as_str(),
                    lines
                        .iter()
                        .map(|line| line.words(lang))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
            }
        }
        text(lang, &self.id, Some(&args))
    }
}

/// In English, as the command line, the API and the logs show it.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

/// A message with its values: `msg!("answer-too-long", length = n, max = 500)`.
/// The id is a literal so the catalogue test finds it.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::i18n::Message::new($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Message::new($id)$(.with(stringify!($name), $value))+
    };
}
