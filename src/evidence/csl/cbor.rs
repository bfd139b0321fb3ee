//! CBOR decoding for the citation styles and locales, without serde's error
//! messages and without copying their text.
//!
//! citationberg's types use untagged and flattened enums. serde decodes
//! those by trying each variant in turn, and every failed try builds an
//! error message ("unknown variant `…`, expected one of …") that is thrown
//! away; ciborium formats each one, and its reader takes most of the rest
//! of the time. A one-document process waits for the default style, so
//! here a small reader for the part of RFC 8949 that ciborium writes
//! (integers, floats, text, bytes, arrays, maps, tags and the simple
//! values) feeds the types directly, in one pass: its error records
//! nothing, so failed tries cost no formatting, and text is borrowed from
//! the input, so serde's buffering for untagged enums copies none. It
//! visits values as ciborium's own deserializer does; the tests compare
//! its results with ciborium's on every archived locale and on the
//! default style.

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess,
    Visitor,
};

/// The bytes are not CBOR of the expected type. No detail: the callers
/// fall back to hayagriva's own decoding, which says what is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mismatch;

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the CBOR does not hold the expected type")
    }
}

impl std::error::Error for Mismatch {}

impl de::Error for Mismatch {
    // The message is never formatted: that is the point of this module.
    fn custom<T: fmt::Display>(_: T) -> Mismatch {
        Mismatch
    }
}

/// Decodes `bytes` as a `T`.
pub fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Mismatch> {
    let mut reader = Reader {
        bytes,
        at: 0,
        depth: 0,
    };
    let value = T::deserialize(&mut reader)?;
    if reader.at != bytes.len() {
        return Err(Mismatch);
    }
    Ok(value)
}

/// Deeper than any style nests; a bound so that hostile input cannot
/// exhaust the stack (the input is built in, but the reader is general).
const MAX_DEPTH: usize = 256;

/// The first byte of a data item: its major type (high three bits) and
/// what its argument is (low five bits).
#[derive(Clone, Copy)]
struct Head {
    major: u8,
    info: u8,
}

struct Reader<'de> {
    bytes: &'de [u8],
    at: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    fn take(&mut self, n: usize) -> Result<&'de [u8], Mismatch> {
        let end = self.at.checked_add(n).ok_or(Mismatch)?;
        let taken = self.bytes.get(self.at..end).ok_or(Mismatch)?;
        self.at = end;
        Ok(taken)
    }

    fn peek(&self) -> Result<Head, Mismatch> {
        let byte = *self.bytes.get(self.at).ok_or(Mismatch)?;
        Ok(Head {
            major: byte >> 5,
            info: byte & 0x1f,
        })
    }

    fn head(&mut self) -> Result<Head, Mismatch> {
        let head = self.peek()?;
        self.at += 1;
        Ok(head)
    }

    /// The argument of a head: its low five bits, or the bytes after it.
    /// `None` for an indefinite length (31).
    fn argument(&mut self, info: u8) -> Result<Option<u64>, Mismatch> {
        let mut big_endian = |n: usize| -> Result<u64, Mismatch> {
            Ok(self
                .take(n)?
                .iter()
                .fold(0u64, |value, byte| (value << 8) | u64::from(*byte)))
        };
        Ok(Some(match info {
            0..=23 => u64::from(info),
            24 => big_endian(1)?,
            25 => big_endian(2)?,
            26 => big_endian(4)?,
            27 => big_endian(8)?,
            31 => return Ok(None),
            _ => return Err(Mismatch),
        }))
    }

    fn definite(&mut self, info: u8) -> Result<u64, Mismatch> {
        self.argument(info)?.ok_or(Mismatch)
    }

    fn length(&mut self, info: u8) -> Result<Option<usize>, Mismatch> {
        self.argument(info)?
            .map(|n| usize::try_from(n).map_err(|_| Mismatch))
            .transpose()
    }

    /// Whether the next byte ends an indefinite-length array or map
    /// (and if so, reads it).
    fn at_break(&mut self) -> bool {
        if self.bytes.get(self.at) == Some(&0xff) {
            self.at += 1;
            return true;
        }
        false
    }

    fn enter(&mut self) -> Result<(), Mismatch> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Mismatch);
        }
        Ok(())
    }

    /// Skips tags: ciborium writes none in the archive, and a tag's
    /// content is what the types want.
    fn skip_tags(&mut self) -> Result<(), Mismatch> {
        while self.peek()?.major == 6 {
            let head = self.head()?;
            self.definite(head.info)?;
        }
        Ok(())
    }

    /// Runs `visit` over the items of an array or the entries of a map
    /// whose head was just read, and checks that it took all of them.
    fn within<T>(
        &mut self,
        info: u8,
        visit: impl FnOnce(&mut Reader<'de>, Option<usize>) -> Result<(T, Remaining), Mismatch>,
    ) -> Result<T, Mismatch> {
        let length = self.length(info)?;
        self.enter()?;
        let (value, remaining) = visit(self, length)?;
        self.depth -= 1;
        match remaining {
            Remaining::None => Ok(value),
            Remaining::Some(_) => Err(Mismatch),
            Remaining::UntilBreak if self.at_break() => Ok(value),
            Remaining::UntilBreak => Err(Mismatch),
        }
    }
}

/// What an array or map still holds once its visitor returned.
#[derive(Clone, Copy)]
enum Remaining {
    None,
    Some(usize),
    UntilBreak,
}

impl Remaining {
    fn of(length: Option<usize>) -> Remaining {
        match length {
            Some(0) => Remaining::None,
            Some(n) => Remaining::Some(n),
            None => Remaining::UntilBreak,
        }
    }

    /// How many items are left, when the length was given.
    fn count(self) -> Option<usize> {
        match self {
            Remaining::None => Some(0),
            Remaining::Some(n) => Some(n),
            Remaining::UntilBreak => None,
        }
    }

    /// Whether there is another item, counting it off.
    fn next(&mut self, reader: &mut Reader<'_>) -> bool {
        match *self {
            Remaining::None => false,
            Remaining::Some(n) => {
                *self = if n == 1 {
                    Remaining::None
                } else {
                    Remaining::Some(n - 1)
                };
                true
            }
            Remaining::UntilBreak => {
                if reader.at_break() {
                    *self = Remaining::None;
                    false
                } else {
                    true
                }
            }
        }
    }
}

/// An IEEE 754 half-precision float (RFC 8949, appendix D).
fn half_to_f64(half: u16) -> f64 {
    let exponent = i32::from((half >> 10) & 0x1f);
    let mantissa = f64::from(half & 0x3ff);
    let value = match exponent {
        0 => mantissa * 2f64.powi(-24),
        31 if mantissa == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (mantissa + 1024.0) * 2f64.powi(exponent - 25),
    };
    if half & 0x8000 != 0 {
        -value
    } else {
        value
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Mismatch;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.skip_tags()?;
        let head = self.head()?;
        match head.major {
            0 => visitor.visit_u64(self.definite(head.info)?),
            1 => {
                let n = self.definite(head.info)?;
                match i64::try_from(n) {
                    Ok(n) => visitor.visit_i64(-1 - n),
                    Err(_) => visitor.visit_i128(-1 - i128::from(n)),
                }
            }
            // ciborium writes strings whole, never in chunks.
            2 => {
                let len = self.length(head.info)?.ok_or(Mismatch)?;
                visitor.visit_borrowed_bytes(self.take(len)?)
            }
            3 => {
                let len = self.length(head.info)?.ok_or(Mismatch)?;
                let text = std::str::from_utf8(self.take(len)?).map_err(|_| Mismatch)?;
                visitor.visit_borrowed_str(text)
            }
            4 | 5 => self.within(head.info, |reader, length| {
                let mut several = Several {
                    reader,
                    remaining: Remaining::of(length),
                };
                let value = if head.major == 4 {
                    visitor.visit_seq(&mut several)?
                } else {
                    visitor.visit_map(&mut several)?
                };
                Ok((value, several.remaining))
            }),
            _ => match head.info {
                20 => visitor.visit_bool(false),
                21 => visitor.visit_bool(true),
                22 | 23 => visitor.visit_none(),
                25 => {
                    let bits = self.definite(head.info)?;
                    visitor.visit_f64(half_to_f64(bits as u16))
                }
                26 => {
                    let bits = self.definite(head.info)?;
                    visitor.visit_f64(f64::from(f32::from_bits(bits as u32)))
                }
                27 => visitor.visit_f64(f64::from_bits(self.definite(head.info)?)),
                _ => Err(Mismatch),
            },
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.skip_tags()?;
        let head = self.peek()?;
        if head.major == 7 && matches!(head.info, 22 | 23) {
            self.at += 1;
            return visitor.visit_none();
        }
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.skip_tags()?;
        let head = self.head()?;
        if head.major == 7 && matches!(head.info, 22 | 23) {
            return visitor.visit_unit();
        }
        Err(Mismatch)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        visitor.visit_newtype_struct(self)
    }

    /// As ciborium writes enums: a unit variant as its name, any other as a
    /// map of one entry, the name to the content.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        self.skip_tags()?;
        let head = self.peek()?;
        match (head.major, head.info) {
            (3, _) => visitor.visit_enum(Variant {
                reader: self,
                content: false,
            }),
            (5, 1) => {
                self.at += 1;
                self.enter()?;
                let value = visitor.visit_enum(Variant {
                    reader: &mut *self,
                    content: true,
                })?;
                self.depth -= 1;
                Ok(value)
            }
            _ => Err(Mismatch),
        }
    }

    fn is_human_readable(&self) -> bool {
        // As ciborium's.
        false
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit_struct seq tuple tuple_struct map struct
        ignored_any
    }

    /// A field's name as bytes: serde's derived field visitors compare
    /// bytes as readily as text, and skipping the UTF-8 check of every
    /// field name is a tenth of a style's decoding. A name that is not
    /// UTF-8 matches no field, as it would not have as text.
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.skip_tags()?;
        let head = self.peek()?;
        if head.major != 3 {
            return self.deserialize_any(visitor);
        }
        self.at += 1;
        let len = self.length(head.info)?.ok_or(Mismatch)?;
        visitor.visit_borrowed_bytes(self.take(len)?)
    }
}

/// The items of an array or the entries of a map, read as the visitor
/// asks for them.
struct Several<'a, 'de> {
    reader: &'a mut Reader<'de>,
    remaining: Remaining,
}

impl<'de> Several<'_, 'de> {
    /// The next item (or key), if there is one.
    fn next<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Mismatch> {
        if !self.remaining.next(self.reader) {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

impl<'de> SeqAccess<'de> for Several<'_, 'de> {
    type Error = Mismatch;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Mismatch> {
        self.next(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.remaining.count()
    }
}

impl<'de> MapAccess<'de> for Several<'_, 'de> {
    type Error = Mismatch;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Mismatch> {
        self.next(seed)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Mismatch> {
        seed.deserialize(&mut *self.reader)
    }

    fn size_hint(&self) -> Option<usize> {
        self.remaining.count()
    }
}

/// An enum's variant: its name next in the input, then its content when
/// it was written as a map of one entry.
struct Variant<'a, 'de> {
    reader: &'a mut Reader<'de>,
    content: bool,
}

impl<'a, 'de> EnumAccess<'de> for Variant<'a, 'de> {
    type Error = Mismatch;
    type Variant = Content<'a, 'de>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Content<'a, 'de>), Mismatch> {
        // A variant's name is an identifier, read as field names are (see
        // `deserialize_identifier`).
        let name = seed.deserialize(&mut *self.reader)?;
        Ok((
            name,
            Content {
                reader: self.reader,
                content: self.content,
            },
        ))
    }
}

struct Content<'a, 'de> {
    reader: &'a mut Reader<'de>,
    content: bool,
}

impl<'de> VariantAccess<'de> for Content<'_, 'de> {
    type Error = Mismatch;

    fn unit_variant(self) -> Result<(), Mismatch> {
        if self.content {
            // A unit variant written as a map: its content must be null.
            de::Deserializer::deserialize_unit(&mut *self.reader, de::IgnoredAny).map(|_| ())
        } else {
            Ok(())
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Mismatch> {
        if !self.content {
            return Err(Mismatch);
        }
        seed.deserialize(&mut *self.reader)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Mismatch> {
        if !self.content {
            return Err(Mismatch);
        }
        de::Deserializer::deserialize_any(&mut *self.reader, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        if !self.content {
            return Err(Mismatch);
        }
        de::Deserializer::deserialize_any(&mut *self.reader, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_archived_locale_decodes_as_ciborium_decodes_it() {
        for bytes in hayagriva::archive::LOCALES {
            let theirs: hayagriva::citationberg::Locale =
                ciborium::de::from_reader(*bytes).unwrap();
            let ours: hayagriva::citationberg::Locale = from_slice(bytes).unwrap();
            assert_eq!(ours, theirs, "{:?}", theirs.lang);
        }
    }

    #[test]
    fn values_read_back_as_ciborium_wrote_them() {
        use std::collections::BTreeMap;
        type Sample = (
            Vec<i64>,
            Vec<f64>,
            Option<String>,
            BTreeMap<String, Vec<u8>>,
            bool,
        );
        let sample: Sample = (
            vec![
                0,
                23,
                24,
                255,
                65_536,
                -1,
                -25,
                -1_000_000,
                i64::MIN,
                i64::MAX,
            ],
            // ciborium writes each float in the shortest exact width:
            // half, single and double precision.
            vec![0.0, 1.5, -2.0, 65_504.0, 0.1, 1e300, f64::INFINITY],
            None,
            BTreeMap::from([("é".to_owned(), vec![1, 2, 3]), ("b".to_owned(), vec![])]),
            true,
        );
        let mut bytes = Vec::new();
        ciborium::ser::into_writer(&sample, &mut bytes).unwrap();
        assert_eq!(from_slice::<Sample>(&bytes), Ok(sample));
        // An indefinite-length array, as ciborium writes a sequence of
        // unknown length: [1, [2]].
        assert_eq!(
            from_slice::<(u8, Vec<u8>)>(&[0x9f, 0x01, 0x9f, 0x02, 0xff, 0xff]),
            Ok((1, vec![2]))
        );
    }

    #[test]
    fn hostile_input_is_refused_without_panicking() {
        // Truncated, trailing bytes, a length past the end, nesting past the bound.
        assert_eq!(from_slice::<Vec<u8>>(&[0x83, 0x01, 0x02]), Err(Mismatch));
        assert_eq!(from_slice::<u8>(&[0x01, 0x02]), Err(Mismatch));
        assert_eq!(
            from_slice::<String>(&[0x7a, 0xff, 0xff, 0xff, 0xff]),
            Err(Mismatch)
        );
        let deep = vec![0x81; 10_000];
        assert_eq!(from_slice::<Vec<u8>>(&deep), Err(Mismatch));
    }

    #[test]
    fn a_mismatch_is_an_error_not_a_panic() {
        let mut bytes = Vec::new();
        ciborium::ser::into_writer(&"not a locale", &mut bytes).unwrap();
        assert_eq!(
            from_slice::<hayagriva::citationberg::Locale>(&bytes),
            Err(Mismatch)
        );
        assert_eq!(
            from_slice::<hayagriva::citationberg::Locale>(&[0xff, 0x00]),
            Err(Mismatch)
        );
    }
}
