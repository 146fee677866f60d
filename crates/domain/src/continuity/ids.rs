//! Identifiers of the continuity model and their JSON form.
//!
//! Ids are `BIGINT` in both stores and strings in JSON (PRODUCT.md, "Interfaces": "ids are
//! strings"), so every id field below serialises as a string and accepts a string or a number.

/// An employee (`users.id`).
pub type UserId = i64;
/// A client account (`accounts.id`).
pub type AccountId = i64;
/// A client contact (`contacts.id`).
pub type ContactId = i64;
/// A team (`teams.id`).
pub type TeamId = i64;
/// An interaction (`interactions.id`).
pub type InteractionId = i64;

use serde::de::{self, Deserializer, Visitor};
use serde::Serializer;
use std::fmt;

struct IdVisitor;

impl Visitor<'_> for IdVisitor {
    type Value = i64;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an id as a string of digits or an integer")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<i64, E> {
        Ok(value)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<i64, E> {
        i64::try_from(value).map_err(|_| E::custom("id out of range"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<i64, E> {
        value.parse().map_err(|_| E::custom(format!("`{value}` is not an id")))
    }
}

/// `#[serde(with = "id_string")]`: an `i64` id as a JSON string.
pub mod id_string {
    use super::*;

    pub fn serialize<S: Serializer>(id: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(id)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        deserializer.deserialize_any(IdVisitor)
    }
}

/// `#[serde(with = "option_id_string")]`: an optional `i64` id as a JSON string or `null`.
pub mod option_id_string {
    use super::*;

    pub fn serialize<S: Serializer>(id: &Option<i64>, serializer: S) -> Result<S::Ok, S::Error> {
        match id {
            Some(id) => serializer.collect_str(id),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
        struct OptionVisitor;
        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<i64>;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("an id or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
                inner.deserialize_any(IdVisitor).map(Some)
            }
        }
        deserializer.deserialize_option(OptionVisitor)
    }
}

/// `#[serde(with = "id_string_vec")]`: a list of `i64` ids as JSON strings.
pub mod id_string_vec {
    use super::*;
    use serde::ser::SerializeSeq;

    pub fn serialize<S: Serializer>(ids: &[i64], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(ids.len()))?;
        for id in ids {
            seq.serialize_element(&id.to_string())?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<i64>, D::Error> {
        struct SeqVisitor;
        impl<'de> Visitor<'de> for SeqVisitor {
            type Value = Vec<i64>;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a list of ids")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<i64>, A::Error> {
                let mut ids = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(id) = seq.next_element::<Id>()? {
                    ids.push(id.0);
                }
                Ok(ids)
            }
        }
        deserializer.deserialize_seq(SeqVisitor)
    }

    struct Id(i64);
    impl<'de> serde::Deserialize<'de> for Id {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(IdVisitor).map(Id)
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        #[serde(with = "super::id_string")]
        id: i64,
        #[serde(with = "super::option_id_string")]
        team_id: Option<i64>,
        #[serde(with = "super::id_string_vec")]
        user_ids: Vec<i64>,
    }

    #[test]
    fn ids_travel_as_strings_and_are_read_from_strings_or_numbers() {
        let sample = Sample { id: 7, team_id: None, user_ids: vec![1, 2] };
        let json = serde_json::to_string(&sample).expect("serialises");
        assert_eq!(json, r#"{"id":"7","team_id":null,"user_ids":["1","2"]}"#);
        let read: Sample = serde_json::from_str(r#"{"id":7,"team_id":"3","user_ids":[1,"2"]}"#).expect("reads");
        assert_eq!(read, Sample { id: 7, team_id: Some(3), user_ids: vec![1, 2] });
        assert!(serde_json::from_str::<Sample>(r#"{"id":"x","team_id":null,"user_ids":[]}"#).is_err());
    }
}
