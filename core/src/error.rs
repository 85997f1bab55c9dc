//! The typed errors of the core: what can go wrong when reading an amount of
//! money, a month, a rubric file or a cohort request.
//!
//! `Display` gives a plain lowercase English message (for logs and
//! developers); every error users can meet also has `message_zh()`, the
//! Chinese sentence the app shows.

use thiserror::Error;

use crate::lang::Lang;

/// How many characters of the user's own input a message repeats.
pub(crate) const CLIP_CHARS: usize = 20;

/// Input echoed in a message: its first [`CLIP_CHARS`] characters, then
/// `…` when there were more, so a long value cannot fill a phone's screen.
pub(crate) fn clip(text: &str) -> String {
    let mut chars = text.chars();
    let shown: String = chars.by_ref().take(CLIP_CHARS).collect();
    if chars.next().is_some() {
        return format!("{shown}…");
    }
    shown
}

/// Why a typed amount of money was refused by [`crate::Money::parse_input`]
/// (or a stored amount by deserialisation).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MoneyError {
    /// Nothing was typed.
    #[error("amount is empty")]
    Empty,

    /// There is no number in the text at all, e.g. `abc`.
    #[error("amount `{input}` is not a number")]
    NotANumber { input: String },

    /// A character that has no place in an amount, e.g. `_` in `1_000`.
    #[error("amount `{input}` contains unexpected character `{character}`")]
    UnexpectedCharacter { input: String, character: char },

    /// Commas that do not group thousands of three, e.g. `12,34`.
    #[error("amount `{input}` has commas that do not group thousands")]
    BadGrouping { input: String },

    /// More than two decimal places (分); never rounded, e.g. `100.005`.
    #[error("amount `{input}` has more than 2 decimal places")]
    TooManyDecimals { input: String },

    /// A negative amount, e.g. `-5`.
    #[error("amount `{input}` is negative")]
    Negative { input: String },

    /// More than [`crate::Money::MAX_INPUT`] (1,000,000,000.00 yuan).
    #[error("amount `{input}` is larger than 1000000000.00")]
    TooLarge { input: String },
}

impl MoneyError {
    /// A stable machine-readable code, e.g. `too_many_decimals`.
    pub fn code(&self) -> &'static str {
        match self {
            MoneyError::Empty => "empty",
            MoneyError::NotANumber { .. } => "not_a_number",
            MoneyError::UnexpectedCharacter { .. } => "unexpected_character",
            MoneyError::BadGrouping { .. } => "bad_grouping",
            MoneyError::TooManyDecimals { .. } => "too_many_decimals",
            MoneyError::Negative { .. } => "negative",
            MoneyError::TooLarge { .. } => "too_large",
        }
    }

    /// The message shown to users, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            MoneyError::Empty => "请输入金额".to_string(),
            MoneyError::NotANumber { input } => {
                format!("“{}”不是金额,请输入数字,如 60000 或 6万", clip(input))
            }
            MoneyError::UnexpectedCharacter { character: '万', .. } => {
                "“万”只能写在数字末尾,如 6万 或 6.5万".to_string()
            }
            MoneyError::UnexpectedCharacter { character, .. } => format!(
                "金额中不能有“{character}”:可写数字、逗号和小数点,可带 ¥ 或“元”,或以“万”结尾"
            ),
            MoneyError::BadGrouping { input } => format!(
                "“{}”的逗号位置不对:逗号应每三位分隔一次,如 60,000",
                clip(input)
            ),
            MoneyError::TooManyDecimals { input } => format!(
                "“{}”超过两位小数:金额只记到分,请核对,系统不会自动四舍五入",
                clip(input)
            ),
            MoneyError::Negative { .. } => "金额不能为负数".to_string(),
            MoneyError::TooLarge { .. } => {
                "金额过大(超过 10 亿元),请核对".to_string()
            }
        }
    }

    /// The message shown to users in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.message_zh(),
            Lang::En => self.message_en(),
        }
    }

    /// The message shown to users, in English.
    pub fn message_en(&self) -> String {
        match self {
            MoneyError::Empty => "Please enter an amount".to_string(),
            MoneyError::NotANumber { input } => format!(
                "\u{201c}{}\u{201d} is not an amount: type a number such as 60000 or \u{201c}6万\u{201d}",
                clip(input)
            ),
            MoneyError::UnexpectedCharacter { character: '万', .. } => {
                "\u{201c}万\u{201d} can only end a number, as in \u{201c}6万\u{201d} or \u{201c}6.5万\u{201d}"
                    .to_string()
            }
            MoneyError::UnexpectedCharacter { character, .. } => format!(
                "An amount cannot contain \u{201c}{character}\u{201d}: use digits, commas and a decimal point, with ¥ or \u{201c}元\u{201d} if you like, or end with \u{201c}万\u{201d}"
            ),
            MoneyError::BadGrouping { input } => format!(
                "The commas in \u{201c}{}\u{201d} are misplaced: a comma goes every three digits, as in 60,000",
                clip(input)
            ),
            MoneyError::TooManyDecimals { input } => format!(
                "\u{201c}{}\u{201d} has more than two decimal places: amounts go to the fen; please check it, nothing is rounded",
                clip(input)
            ),
            MoneyError::Negative { .. } => {
                "An amount cannot be negative".to_string()
            }
            MoneyError::TooLarge { .. } => {
                "The amount is too large (over 1 billion yuan); please check it"
                    .to_string()
            }
        }
    }
}

/// Why a month (`2024-10`) was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MonthError {
    /// Not of the form `YYYY-MM`, or not a real month.
    #[error("month `{input}` is not of the form YYYY-MM")]
    Malformed { input: String },
}

impl MonthError {
    /// The message shown to users, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            MonthError::Malformed { input } => {
                format!("“{}”不是有效月份,格式应为 2024-10", clip(input))
            }
        }
    }

    /// The message shown to users in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::Zh, _) => self.message_zh(),
            (Lang::En, MonthError::Malformed { input }) => format!(
                "\u{201c}{}\u{201d} is not a valid month: write it as 2024-10",
                clip(input)
            ),
        }
    }
}

/// Why a rubric file was refused by [`crate::Rubric::from_json`].
///
/// Item numbers are the rubric's own (1..13 for the 2024 rubric); `path` is
/// a JSON path such as `items[3].rules[1].points`.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RubricError {
    /// The text is not JSON, or does not have the rubric's shape.
    #[error("rubric file is not valid: {detail}")]
    Malformed { detail: String },

    /// A rule of a kind this program does not know.
    #[error("unknown rule kind `{kind}` at `{path}`")]
    UnknownRuleKind { path: String, kind: String },

    /// A negative number where points, quotas or counts belong.
    #[error("negative number `{value}` at `{path}`")]
    NegativeNumber { path: String, value: String },

    /// A required text field is empty (id, title, wording).
    #[error("empty text at `{path}`")]
    EmptyText { path: String },

    /// The rubric version must be at least 1.
    #[error("rubric version must be at least 1")]
    ZeroVersion,

    /// Two items share one number.
    #[error("item number `{number}` appears more than once")]
    DuplicateItem { number: u32 },

    /// An item names a category the rubric does not declare.
    #[error("item `{number}` names unknown category `{category}`")]
    UnknownCategory { number: u32, category: String },

    /// Two categories share one name.
    #[error("category `{name}` appears more than once")]
    DuplicateCategory { name: String },

    /// The maxima of a category's items do not add up to its declared total.
    #[error(
        "category `{category}` declares {declared} points but its items add \
         up to {items}"
    )]
    CategoryTotal { category: String, declared: u32, items: u32 },

    /// The maxima of all items do not add up to 100.
    #[error("item maxima add up to {total}, not 100")]
    BaseTotal { total: u32 },

    /// An item worth nothing.
    #[error("item `{number}` has a maximum of 0 points")]
    ZeroMaximum { number: u32 },

    /// An item without rules cannot be scored.
    #[error("item `{number}` has no rules")]
    NoRules { number: u32 },

    /// Two rules of one item share an id.
    #[error("item `{number}` has rule id `{rule}` more than once")]
    DuplicateRule { number: u32, rule: String },

    /// More than one graded (酌情) part in one item.
    #[error("item `{number}` has more than one graded rule")]
    SeveralGraded { number: u32 },

    /// A rule's points are 0 or larger than the item's maximum.
    #[error(
        "rule `{rule}` of item `{number}` has {points} points, outside \
         1..={max}"
    )]
    RulePoints { number: u32, rule: String, points: u32, max: u32 },

    /// A kinds rule with no kinds, or a minimum of 0.
    #[error("rule `{rule}` of item `{number}` lists no kinds or minimum 0")]
    KindsRule { number: u32, rule: String },

    /// A monthly rule in a rubric without campaign months.
    #[error("rubric has monthly rules but no campaign months")]
    NoCampaignMonths,

    /// Campaign months out of order or repeated.
    #[error("campaign months must be strictly increasing")]
    CampaignMonthsOrder,

    /// The report due day must be a day every month has.
    #[error("report due day `{day}` is outside 1..=28")]
    ReportDueDay { day: i8 },

    /// A bonus item's cap, or one of its parts' points, is 0; or it has no
    /// parts; or a part id repeats.
    #[error("bonus item `{number}` is not sane: {detail}")]
    BonusItem { number: u32, detail: String },

    /// A bonus, penalty or gate number collides with another number.
    #[error("number `{number}` is used by more than one item")]
    NumberClash { number: u32 },

    /// The spending ratio must be above 0 and at most 1.
    #[error("spending ratio `{ratio}` is outside (0, 1]")]
    SpendingRatio { ratio: String },

    /// The base subsidy must be above zero.
    #[error("base subsidy must be above zero")]
    BaseSubsidy,

    /// No tiers, a tier with quota 0, a repeated tier name, or extras that
    /// grow down the tiers.
    #[error("tiers are not sane: {detail}")]
    Tiers { detail: String },

    /// The file is far larger than any rubric (guards against pathological
    /// input eating the page's memory).
    #[error("rubric has too many {what}: {count}")]
    TooLarge { what: String, count: usize },
}

impl RubricError {
    /// The message shown to users, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            RubricError::Malformed { detail } => {
                format!("评分细则文件格式不正确:{detail}")
            }
            RubricError::UnknownRuleKind { path, kind } => {
                format!("未知的评分规则类型“{kind}”(位置 {path})")
            }
            RubricError::NegativeNumber { path, value } => {
                format!("分值、名额或次数不能为负数:{value}(位置 {path})")
            }
            RubricError::EmptyText { path } => {
                format!("必填文字为空(位置 {path})")
            }
            RubricError::ZeroVersion => "评分细则版本号至少为 1".to_string(),
            RubricError::DuplicateItem { number } => {
                format!("第{number}项重复出现")
            }
            RubricError::UnknownCategory { number, category } => {
                format!("第{number}项的考核项目“{category}”未定义")
            }
            RubricError::DuplicateCategory { name } => {
                format!("考核项目“{name}”重复出现")
            }
            RubricError::CategoryTotal { category, declared, items } => {
                format!(
                    "考核项目“{category}”标明{declared}分,但各项分值合计{items}分"
                )
            }
            RubricError::BaseTotal { total } => {
                format!("各项分值合计{total}分,应为100分")
            }
            RubricError::ZeroMaximum { number } => {
                format!("第{number}项分值为0")
            }
            RubricError::NoRules { number } => {
                format!("第{number}项没有评分规则")
            }
            RubricError::DuplicateRule { number, rule } => {
                format!("第{number}项的规则编号“{rule}”重复")
            }
            RubricError::SeveralGraded { number } => {
                format!("第{number}项有多条“酌情给分”规则,只允许一条")
            }
            RubricError::RulePoints { number, rule, points, max } => format!(
                "第{number}项规则“{rule}”的扣分{points}分不在1至{max}分之间"
            ),
            RubricError::KindsRule { number, rule } => {
                format!("第{number}项规则“{rule}”未列出媒介种类或最少种类为0")
            }
            RubricError::NoCampaignMonths => {
                "有按月考核的规则,但未给出创建月份".to_string()
            }
            RubricError::CampaignMonthsOrder => {
                "创建月份须按先后排列且不重复".to_string()
            }
            RubricError::ReportDueDay { day } => {
                format!("信息报送截止日{day}日不在1至28日之间")
            }
            RubricError::BonusItem { number, detail } => {
                format!("加分项第{number}项设置不合理:{detail}")
            }
            RubricError::NumberClash { number } => {
                format!("序号{number}被多个项目使用")
            }
            RubricError::SpendingRatio { ratio } => {
                format!("支出比例{ratio}应大于0且不超过1")
            }
            RubricError::BaseSubsidy => "基础补助资金应大于0".to_string(),
            RubricError::Tiers { detail } => {
                format!("星级档次设置不合理:{detail}")
            }
            RubricError::TooLarge { what, count } => {
                format!("评分细则文件过大:{what}共{count}个")
            }
        }
    }
}

/// Why a cohort could not be ranked.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CohortError {
    /// The caller's quotas do not match the rubric's tiers one for one.
    #[error("expected {expected} quotas, one per tier, got {got}")]
    QuotaCount { expected: usize, got: usize },

    /// Two members share one id.
    #[error("member id `{id}` appears more than once")]
    DuplicateMember { id: String },
}

impl CohortError {
    /// The message shown to users, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            CohortError::QuotaCount { expected, got } => {
                format!("名额个数应为{expected}个(每个星级一个),实际{got}个")
            }
            CohortError::DuplicateMember { id } => {
                format!("社区“{}”重复出现", clip(id))
            }
        }
    }

    /// The message shown to users in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::Zh, _) => self.message_zh(),
            (Lang::En, CohortError::QuotaCount { expected, got }) => format!(
                "Expected {expected} quotas (one per star tier), got {got}"
            ),
            (Lang::En, CohortError::DuplicateMember { id }) => format!(
                "Community \u{201c}{}\u{201d} appears more than once",
                clip(id)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn err_a_misplaced_wan_says_where_it_goes() {
        // 6万 and 6.5万 are amounts; 万 inside a number is the slip.
        for typed in ["6万5千", "1万2"] {
            let error = crate::Money::parse_input(typed).err();
            assert_eq!(
                error.as_ref().map(|e| e.message(Lang::Zh)).as_deref(),
                Some("“万”只能写在数字末尾,如 6万 或 6.5万"),
                "{typed}"
            );
            assert_eq!(
                error.map(|e| e.message(Lang::En)).as_deref(),
                Some(
                    "\u{201c}万\u{201d} can only end a number, as in \u{201c}6万\u{201d} or \u{201c}6.5万\u{201d}"
                ),
                "{typed}"
            );
        }
        let dollar = crate::Money::parse_input("$100").err();
        assert!(
            dollar
                .is_some_and(|e| e.message(Lang::Zh).contains("可带 ¥ 或“元”")),
        );
    }

    #[test]
    fn ok_clip_keeps_short_input_and_cuts_long_input() {
        let cases = [
            ("", ""),
            ("30000.001", "30000.001"),
            ("12345678901234567890", "12345678901234567890"),
            ("123456789012345678901", "12345678901234567890…"),
            (&"长".repeat(700), &format!("{}…", "长".repeat(20))),
        ];
        for (input, shown) in cases {
            assert_eq!(clip(input), shown, "`{input}`");
        }
    }

    #[test]
    fn ok_messages_never_repeat_a_long_input() {
        let long = "1".repeat(700);
        let errors = [
            MoneyError::NotANumber { input: long.clone() }.message_zh(),
            MoneyError::BadGrouping { input: long.clone() }.message_zh(),
            MoneyError::TooManyDecimals { input: long.clone() }.message_zh(),
            MonthError::Malformed { input: long.clone() }.message_zh(),
            CohortError::DuplicateMember { id: long.clone() }.message_zh(),
        ];
        for message in errors {
            assert!(message.chars().count() < 80, "{message}");
            assert!(message.contains("11111111111111111111…"), "{message}");
        }
    }
}
