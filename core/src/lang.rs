//! The two languages of the interface and a text held in both.
//!
//! Chinese is the default and the language of every file and export; the
//! English twin of a message exists only to be shown. The official rubric
//! wording is never translated: English messages quote it in Chinese.
//!
//! A [`Text`] is written as its Chinese alone, except inside
//! [`BothHalves`]: the district page's worker hands its table over that
//! way, so the page can show the table's sentences in either language.

use std::cell::Cell;
use std::fmt;
use std::ops::Deref;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeStruct;
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
/// Chinese in both languages), except where the value was written inside
/// [`BothHalves`] (`{"zh": …, "en": …}`), which reads back whole.
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

thread_local! {
    /// Set while a [`BothHalves`] value is being written.
    static BOTH_HALVES: Cell<bool> = const { Cell::new(false) };
}

/// A value written with every [`Text`] in it as both halves,
/// `{"zh": …, "en": …}`, instead of its Chinese alone: for the district
/// page's private handover from its worker, where the English must
/// survive. Files, exports and the JavaScript module's answers never use
/// it; [`Text`] reads either form back.
pub struct BothHalves<'a, T: ?Sized>(pub &'a T);

impl<T: Serialize + ?Sized> Serialize for BothHalves<'_, T> {
    fn serialize<S: Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        /// Puts the flag back as it was, even when writing fails.
        struct Restore(bool);
        impl Drop for Restore {
            fn drop(&mut self) {
                BOTH_HALVES.with(|both| both.set(self.0));
            }
        }

        let _restore = Restore(BOTH_HALVES.with(|both| both.replace(true)));
        self.0.serialize(serializer)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        if !BOTH_HALVES.with(Cell::get) {
            return serializer.serialize_str(&self.zh);
        }
        let mut halves = serializer.serialize_struct("Text", 2)?;
        halves.serialize_field("zh", &self.zh)?;
        halves.serialize_field("en", &self.en)?;
        halves.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    /// A stored message is usually its Chinese text alone, which stands in
    /// for both; [`BothHalves`] wrote `{"zh": …, "en": …}`.
    fn deserialize<D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Text, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text, or its Chinese and English halves")
    }

    fn visit_str<E: de::Error>(self, zh: &str) -> Result<Text, E> {
        Ok(Text::new(zh, zh))
    }

    fn visit_string<E: de::Error>(self, zh: String) -> Result<Text, E> {
        Ok(Text { en: zh.clone(), zh })
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<Text, A::Error> {
        let (mut zh, mut en) = (None::<String>, None::<String>);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "zh" => zh = Some(map.next_value()?),
                "en" => en = Some(map.next_value()?),
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        let zh = zh.ok_or_else(|| de::Error::missing_field("zh"))?;
        // A half missing in English shows the Chinese, as a plain text does.
        let en = en.unwrap_or_else(|| zh.clone());
        Ok(Text { zh, en })
    }
}

/// Whether a text contains a CJK ideograph (tests of English messages).
pub fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

/// Whether a text has a CJK ideograph outside \u{201c}quotations\u{201d}:
/// an English message may quote what the user typed, a file name or an
/// official term, and says nothing else in Chinese (tests of English
/// messages).
pub fn has_han_outside_quotes(text: &str) -> bool {
    let mut quoted = false;
    text.chars().any(|c| match c {
        '\u{201c}' => {
            quoted = true;
            false
        }
        '\u{201d}' => {
            quoted = false;
            false
        }
        c => !quoted && is_han(c),
    })
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_han_outside_quotes() {
        assert!(!has_han_outside_quotes(
            "\u{201c}6万\u{201d} is not an amount"
        ));
        assert!(!has_han_outside_quotes("plain English"));
        assert!(has_han_outside_quotes("\u{201c}6万\u{201d} 不是金额"));
        assert!(has_han_outside_quotes("万 outside"));
        assert!(has_han_outside_quotes("\u{201c}a\u{201d} then 元"));
    }

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

    #[test]
    fn ok_plain_text_reads_back_as_chinese_in_both_languages() {
        let back: Text = serde_json::from_str("\"缺少\"").unwrap();
        assert_eq!((back.zh.as_str(), back.en.as_str()), ("缺少", "缺少"));
    }

    #[test]
    fn ok_both_halves_round_trip_keeps_the_english() {
        #[derive(Serialize, Deserialize)]
        struct Holder {
            texts: Vec<Text>,
            maybe: Option<Text>,
        }
        let holder = Holder {
            texts: vec![Text::new("缺少", "missing"), Text::new("多", "more")],
            maybe: Some(Text::new("同分", "tie")),
        };

        let json = serde_json::to_string(&BothHalves(&holder)).unwrap();
        assert_eq!(
            json,
            r#"{"texts":[{"zh":"缺少","en":"missing"},{"zh":"多","en":"more"}],"maybe":{"zh":"同分","en":"tie"}}"#
        );
        let back: Holder = serde_json::from_str(&json).unwrap();
        let halves: Vec<(&str, &str)> = back
            .texts
            .iter()
            .chain(&back.maybe)
            .map(|t| (t.zh.as_str(), t.en.as_str()))
            .collect();
        assert_eq!(
            halves,
            [("缺少", "missing"), ("多", "more"), ("同分", "tie")]
        );

        // Outside the wrapper a text is its Chinese again.
        let plain = serde_json::to_string(&holder).unwrap();
        assert_eq!(plain, r#"{"texts":["缺少","多"],"maybe":"同分"}"#);
    }

    #[test]
    fn err_halves_without_chinese_are_refused() {
        let read = serde_json::from_str::<Text>(r#"{"en":"missing"}"#);
        assert!(read.is_err_and(|e| e.to_string().contains("`zh`")));
        let english_lost: Text =
            serde_json::from_str(r#"{"zh":"缺少"}"#).unwrap();
        assert_eq!(english_lost.en, "缺少");
        assert!(serde_json::from_str::<Text>("3").is_err());
    }
}
