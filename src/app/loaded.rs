//! Resources whose value the server sends in the page as JSON, read in the
//! browser the way server functions read their results.
//!
//! Leptos's default resource codec reads the page's JSON from text
//! (`serde_json::from_str`), while server functions read their JSON
//! results from bytes (`from_slice`). serde_json's reader is a type
//! parameter, so every type a page both loads and fetches was compiled
//! twice into the browser's bundle: about half of the code only the
//! wizard uses was these readers. Reading both from bytes compiles each
//! type's reader once. The JSON is the same.

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::{de::DeserializeOwned, Serialize};

/// JSON written as text and read from its bytes (see the module comment).
pub struct JsonBytes;

impl<T: Serialize> Encoder<T> for JsonBytes {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for JsonBytes {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(text.as_bytes())
    }
}

/// [`Resource::new`], sent with the page as [`JsonBytes`].
#[track_caller]
pub fn load<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<T, JsonBytes>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: Send + Sync + Clone + PartialEq + 'static,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_read_back_as_it_was_written() {
        let value: Result<Vec<(i64, String)>, String> = Ok(vec![(7, "Müller « »".into())]);
        let text = <JsonBytes as Encoder<_>>::encode(&value).unwrap();
        assert_eq!(
            text,
            serde_json::to_string(&value).unwrap(),
            "the JSON is serde_json's"
        );
        let back: Result<Vec<(i64, String)>, String> =
            <JsonBytes as Decoder<_>>::decode(&text).unwrap();
        assert_eq!(back, value);
    }
}
