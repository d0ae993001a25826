//! Languages and bilingual labels.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::text::de_nfc;

/// The language of a rendered message or label.
///
/// Vietnamese is the default: the people who read findings are provincial officials.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Vietnamese (*tiếng Việt*).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Parses `vi` or `en`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(treem::Lang::parse("en"), Some(treem::Lang::En));
    /// assert_eq!(treem::Lang::parse("fr"), None);
    /// ```
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in Vietnamese and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// Vietnamese (NFC).
    #[serde(deserialize_with = "de_nfc")]
    pub vi: String,
    /// English.
    #[serde(deserialize_with = "de_nfc")]
    pub en: String,
}

impl Label {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}
