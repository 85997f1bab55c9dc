//! The two languages of the interface and a text held in both.
//!
//! Chinese is the default and the language of every file and export; the
//! English twin of a message exists only to be shown. The official rubric
//! wording is never translated: English messages quote it in Chinese.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The language the interface is shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 中文, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>` and for storage: `zh-CN` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a stored tag back; anything unknown is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag.trim() {
            "zh-CN" | "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text of this language.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A message in Chinese and English. It reads as its Chinese text
/// (`Display`, `Deref`, equality, serde), so files and the JavaScript module
/// keep their Chinese strings; [`Text::get`] picks the language to show.
///
/// The English twin does not survive serde (a value read back shows its
/// Chinese in both languages): the district page's files cross from its
/// worker that way, and their words stay Chinese like the district CSV.
#[derive(Clone, Debug, Default)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text { zh: zh.into(), en: en.into() }
    }

    /// The Chinese text, the one files and exports hold.
    pub fn as_str(&self) -> &str {
        &self.zh
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.zh
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.zh == other.zh
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.zh == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.zh == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        &self.zh == other
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.zh)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.zh)
    }
}

impl<'de> Deserialize<'de> for Text {
    /// A stored message has only its Chinese text; it stands in for both.
    fn deserialize<D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Text, D::Error> {
        let zh = String::deserialize(deserializer)?;
        Ok(Text { en: zh.clone(), zh })
    }
}

/// Whether a text contains a CJK ideograph (tests of English messages).
pub fn has_han(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_tags_round_trip() {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::default(), Lang::Zh);
    }

    #[test]
    fn ok_text_serialises_as_its_chinese() {
        let text = Text::new("缺少", "missing");
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"缺少\"");
        assert_eq!(text.get(Lang::En), "missing");
        assert_eq!(&*text, "缺少");
    }
}
