//! Reading a template's front matter, which is untrusted YAML. YAML's
//! aliases (`*name`) repeat what an anchor (`&name`) names, and the reader
//! copies the named value at every use: 200 KiB of front matter whose
//! lists of aliases name lists of aliases can stand for tens of gigabytes,
//! which the reader would build before any check of ours ran. So the
//! front matter is first walked without keeping anything, counting what
//! it stands for, and read only if that stays under a limit.

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// The most text (and one unit per value) the front matter may stand for
/// once its aliases are followed: several times any real template's.
pub const MAX_EXPANDED: usize = 1024 * 1024;

/// `text` read as `T`, once it is known to stand for at most
/// [`MAX_EXPANDED`]; the reader's error (with its place) otherwise.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, serde_norway::Error> {
    let mut spent = 0;
    let walked =
        Budget { spent: &mut spent }.deserialize(serde_norway::Deserializer::from_str(text));
    match walked {
        Err(too_much) if spent > MAX_EXPANDED => Err(too_much),
        // Anything else wrong (a syntax error) is reported by the reading
        // itself, placed as it always was.
        _ => serde_norway::from_str(text),
    }
}

/// Counts what it is shown against [`MAX_EXPANDED`], keeping nothing.
struct Budget<'a> {
    spent: &'a mut usize,
}

impl Budget<'_> {
    fn spend<E: de::Error>(self, units: usize) -> Result<(), E> {
        *self.spent = self.spent.saturating_add(units);
        if *self.spent > MAX_EXPANDED {
            return Err(E::custom(format!(
                "the front matter stands for more than {} KiB once its aliases (`*name`) are \
                 followed; write the repeated values out",
                MAX_EXPANDED / 1024
            )));
        }
        Ok(())
    }

    fn inner(&mut self) -> Budget<'_> {
        Budget {
            spent: &mut *self.spent,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Budget<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Budget<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<(), E> {
        self.spend(text.len().max(1))
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut items: A) -> Result<(), A::Error> {
        while items.next_element_seed(self.inner())?.is_some() {}
        self.spend(1)
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut entries: A) -> Result<(), A::Error> {
        while entries.next_key_seed(self.inner())?.is_some() {
            entries.next_value_seed(self.inner())?;
        }
        self.spend(1)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(mut self, tagged: A) -> Result<(), A::Error> {
        // A tagged value (`!tag value`): its value counts.
        let ((), value) = tagged.variant_seed(self.inner())?;
        de::VariantAccess::newtype_variant_seed(value, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_that_multiply_are_refused_before_they_are_built() {
        let mut text = format!("a0: &a0 \"{}\"\n", "x".repeat(1000));
        for i in 1..=12 {
            text.push_str(&format!(
                "a{i}: &a{i} [*a{0}, *a{0}, *a{0}, *a{0}]\n",
                i - 1
            ));
        }
        let error = from_str::<serde_json::Value>(&text)
            .unwrap_err()
            .to_string();
        assert!(error.contains("more than 1024 KiB"), "{error}");
    }

    #[test]
    fn ordinary_yaml_with_an_alias_or_two_reads_as_before() {
        let text = "title: &t Letter\nsame: *t\nlist: [1, 2.5, true, ~, {k: v}]\n";
        let value: serde_json::Value = from_str(text).unwrap();
        assert_eq!(value["same"], "Letter");
        assert_eq!(value["list"][4]["k"], "v");
    }
}
