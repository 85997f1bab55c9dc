//! The rubric as data: versioned, serde-loadable, validated once.
//!
//! A [`Rubric`] can only be obtained through [`Rubric::quanzhou_2024`] (the
//! built-in rubric of the notice's Attachment 2) or [`Rubric::from_json`]
//! (a rubric file, checked with clear errors), so the rest of the core can
//! rely on its invariants: item maxima add up to 100 and to each category's
//! total, rule ids are unique within an item, quotas and caps are positive.
//!
//! Points are whole numbers (`u32`) everywhere: every point value in the
//! 2024 rubric is whole, and a rubric with half points is refused at parse.

mod quanzhou_2024;

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::RubricError;
use crate::money::Money;
use crate::months::YearMonth;

/// A scoring rubric: categories, items, bonus items, penalties, gates,
/// money and star tiers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RubricData", into = "RubricData")]
pub struct Rubric {
    data: RubricData,
}

/// The rubric's fields as stored; becomes a [`Rubric`] only once validated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RubricData {
    id: String,
    version: u32,
    title: String,
    /// Where the rubric comes from, e.g. `泉城管〔2024〕120号 附件2`.
    source: String,
    campaign_months: Vec<YearMonth>,
    report_due_day: i8,
    categories: Vec<Category>,
    items: Vec<Item>,
    bonus_items: Vec<BonusItem>,
    falsification: Penalty,
    gates: Gates,
    base_subsidy: Money,
    tiers: Vec<Tier>,
    /// What the inspector asks for with each meeting, report and ledger
    /// entry; absent in older rubric files (then nothing is asked).
    #[serde(default)]
    entry_materials: EntryMaterials,
}

/// The materials (佐证材料) asked for with each entry of a list, rather
/// than once for the item: each meeting (联席会), each monthly report and
/// each ledger entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryMaterials {
    /// Per meeting, e.g. 会议记录、签到表.
    #[serde(default)]
    pub meeting: Vec<String>,
    /// Per monthly report, e.g. 信息材料.
    #[serde(default)]
    pub report: Vec<String>,
    /// Per ledger entry: the vouchers (转账、支付凭证).
    #[serde(default)]
    pub expenditure: Vec<String>,
}

/// A category of items (考核项目), e.g. 体制机制 worth 35 points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub name: String,
    pub max: u32,
}

/// How an inspector checks an item (考核方式).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// 材料核查: the inspector reads the paperwork.
    MaterialCheck,
    /// 现场检查: the inspector visits.
    SiteCheck,
}

impl Method {
    /// The official Chinese term.
    pub fn label_zh(&self) -> &'static str {
        match self {
            Method::MaterialCheck => "材料核查",
            Method::SiteCheck => "现场检查",
        }
    }
}

/// One scored item (序号 1..13 in the 2024 rubric).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub number: u32,
    /// The category's name, e.g. `体制机制`.
    pub category: String,
    /// A short title for lists, e.g. `创建方案并有效执行`.
    pub title: String,
    /// The official wording of 具体内容及要求, verbatim.
    pub requirement: String,
    /// The official 评分细则 lines, verbatim, without the leading `·`.
    pub rule_lines: Vec<String>,
    /// 分值: the item's maximum, in whole points.
    pub max: u32,
    /// 考核方式.
    pub methods: Vec<Method>,
    /// What an inspector will ask to see (our reading: a reasonable list,
    /// not official text).
    pub materials: Vec<String>,
    pub rules: Vec<Rule>,
}

/// A waste-collection container kind of the four-category set.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Container {
    /// 可回收物.
    Recyclable,
    /// 有害垃圾.
    Hazardous,
    /// 厨余垃圾.
    Kitchen,
    /// 其他垃圾.
    Residual,
}

impl Container {
    /// The four containers, in the official order.
    pub const ALL: [Container; 4] = [
        Container::Recyclable,
        Container::Hazardous,
        Container::Kitchen,
        Container::Residual,
    ];

    /// The official Chinese name.
    pub fn label_zh(&self) -> &'static str {
        match self {
            Container::Recyclable => "可回收物",
            Container::Hazardous => "有害垃圾",
            Container::Kitchen => "厨余垃圾",
            Container::Residual => "其他垃圾",
        }
    }
}

/// A place with `feature` must have `container` (item 6: 设有邻里食堂或共享
/// 厨房的场所应配备厨余垃圾收集容器…).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EquipmentRequirement {
    /// The feature's id, as ticked in [`crate::Place::features`].
    pub feature: String,
    /// The feature as users read it, e.g. `邻里食堂或共享厨房`.
    pub feature_label: String,
    pub container: Container,
}

/// Which monthly duty a [`Rule::PerMissingMonth`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    /// Meetings held ([`crate::Fact::Meetings`]), item 5.
    Meetings,
    /// Reports sent ([`crate::Fact::Reports`]), item 13.
    Reports,
}

impl Schedule {
    /// What the duty is called, e.g. `联席会`.
    pub fn label_zh(&self) -> &'static str {
        match self {
            Schedule::Meetings => "联席会",
            Schedule::Reports => "信息报送",
        }
    }
}

/// The shape of fact a rule reads (see [`crate::Fact`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactShape {
    YesNo,
    Count,
    Range,
    Kinds,
    Meetings,
    Reports,
    Places,
}

/// One scoring rule, implementing one official 评分细则 bullet.
///
/// Every rule has an `id` unique within its item, the official `wording` of
/// the bullet it implements, and a plain `question` the app asks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// A yes/no requirement; when not met the item scores 0 (e.g. item 1:
    /// 未制定工作方案不得分). Fact: [`FactShape::YesNo`].
    RequiredOrZero { id: String, wording: String, question: String },

    /// A yes/no requirement; when not met, `points` are deducted (e.g. item
    /// 2: 使用计划未落实的扣8分). Fact: [`FactShape::YesNo`].
    FixedDeduction {
        id: String,
        wording: String,
        question: String,
        points: u32,
    },

    /// `points_each` per finding (e.g. item 6: each blurred label −2).
    /// Fact: [`FactShape::Count`].
    PerFinding {
        id: String,
        wording: String,
        question: String,
        points_each: u32,
    },

    /// `points_each` per place lacking a container its features require
    /// (item 6). Fact: [`FactShape::Places`].
    PlaceEquipment {
        id: String,
        wording: String,
        question: String,
        points_each: u32,
        requirements: Vec<EquipmentRequirement>,
    },

    /// At least `minimum` kinds; `points_each` per kind short (item 12).
    /// Ticked kinds from `kinds` and distinct other kinds typed in count.
    /// Fact: [`FactShape::Kinds`].
    KindsShort {
        id: String,
        wording: String,
        question: String,
        minimum: u32,
        points_each: u32,
        kinds: Vec<String>,
    },

    /// `points_each` per campaign month whose duty is missing; with
    /// `zero_if_none`, the item scores 0 when nothing was held or sent at
    /// all once a month has ended (items 5 and 13; `wording` holds both
    /// official bullets, one per line). Fact: [`FactShape::Meetings`] or
    /// [`FactShape::Reports`], per `schedule`.
    PerMissingMonth {
        id: String,
        wording: String,
        question: String,
        points_each: u32,
        schedule: Schedule,
        zero_if_none: bool,
    },

    /// A graded (酌情) part: the self-assessor's expected range becomes the
    /// item's starting value (our reading). Fact: [`FactShape::Range`].
    Graded { id: String, wording: String, question: String },

    /// `points_each` per supporting document missing from each ledger
    /// expenditure (item 2); read from [`crate::Ledger`], not from a fact.
    LedgerDocuments {
        id: String,
        wording: String,
        question: String,
        points_each: u32,
    },
}

impl Rule {
    /// The rule's id, unique within its item.
    pub fn id(&self) -> &str {
        match self {
            Rule::RequiredOrZero { id, .. }
            | Rule::FixedDeduction { id, .. }
            | Rule::PerFinding { id, .. }
            | Rule::PlaceEquipment { id, .. }
            | Rule::KindsShort { id, .. }
            | Rule::PerMissingMonth { id, .. }
            | Rule::Graded { id, .. }
            | Rule::LedgerDocuments { id, .. } => id,
        }
    }

    /// The official wording of the bullet the rule implements.
    pub fn wording(&self) -> &str {
        match self {
            Rule::RequiredOrZero { wording, .. }
            | Rule::FixedDeduction { wording, .. }
            | Rule::PerFinding { wording, .. }
            | Rule::PlaceEquipment { wording, .. }
            | Rule::KindsShort { wording, .. }
            | Rule::PerMissingMonth { wording, .. }
            | Rule::Graded { wording, .. }
            | Rule::LedgerDocuments { wording, .. } => wording,
        }
    }

    /// The plain question the app asks for this rule's fact.
    pub fn question(&self) -> &str {
        match self {
            Rule::RequiredOrZero { question, .. }
            | Rule::FixedDeduction { question, .. }
            | Rule::PerFinding { question, .. }
            | Rule::PlaceEquipment { question, .. }
            | Rule::KindsShort { question, .. }
            | Rule::PerMissingMonth { question, .. }
            | Rule::Graded { question, .. }
            | Rule::LedgerDocuments { question, .. } => question,
        }
    }

    /// The rule kind's serde name, e.g. `required_or_zero`.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Rule::RequiredOrZero { .. } => "required_or_zero",
            Rule::FixedDeduction { .. } => "fixed_deduction",
            Rule::PerFinding { .. } => "per_finding",
            Rule::PlaceEquipment { .. } => "place_equipment",
            Rule::KindsShort { .. } => "kinds_short",
            Rule::PerMissingMonth { .. } => "per_missing_month",
            Rule::Graded { .. } => "graded",
            Rule::LedgerDocuments { .. } => "ledger_documents",
        }
    }

    /// The shape of fact the rule reads; `None` for rules read from the
    /// ledger.
    pub fn expected_shape(&self) -> Option<FactShape> {
        match self {
            Rule::RequiredOrZero { .. } | Rule::FixedDeduction { .. } => {
                Some(FactShape::YesNo)
            }
            Rule::PerFinding { .. } => Some(FactShape::Count),
            Rule::PlaceEquipment { .. } => Some(FactShape::Places),
            Rule::KindsShort { .. } => Some(FactShape::Kinds),
            Rule::PerMissingMonth { schedule: Schedule::Meetings, .. } => {
                Some(FactShape::Meetings)
            }
            Rule::PerMissingMonth { schedule: Schedule::Reports, .. } => {
                Some(FactShape::Reports)
            }
            Rule::Graded { .. } => Some(FactShape::Range),
            Rule::LedgerDocuments { .. } => None,
        }
    }

    /// The points one deduction step of this rule is worth (0 for rules
    /// without steps: required-or-zero and graded).
    fn step_points(&self) -> u32 {
        match self {
            Rule::FixedDeduction { points, .. } => *points,
            Rule::PerFinding { points_each, .. }
            | Rule::PlaceEquipment { points_each, .. }
            | Rule::KindsShort { points_each, .. }
            | Rule::PerMissingMonth { points_each, .. }
            | Rule::LedgerDocuments { points_each, .. } => *points_each,
            Rule::RequiredOrZero { .. } | Rule::Graded { .. } => 0,
        }
    }
}

/// The rule kinds this program knows, by serde name.
pub const RULE_KINDS: [&str; 8] = [
    "required_or_zero",
    "fixed_deduction",
    "per_finding",
    "place_equipment",
    "kinds_short",
    "per_missing_month",
    "graded",
    "ledger_documents",
];

/// One part of a bonus item, e.g. +2 per commendation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BonusPart {
    pub id: String,
    /// A short label, e.g. `表扬批示`.
    pub label: String,
    /// The official wording, verbatim.
    pub wording: String,
    pub points_each: u32,
}

/// A bonus item (加分项), capped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BonusItem {
    pub number: u32,
    pub title: String,
    pub parts: Vec<BonusPart>,
    /// 封顶: the most the item adds.
    pub cap: u32,
    pub methods: Vec<Method>,
}

/// The falsification penalty (item 16, 发现弄虚作假的扣除相应考核项分数).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Penalty {
    pub number: u32,
    pub wording: String,
}

/// The pass/fail gates (item 17).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gates {
    pub number: u32,
    /// 补助资金未专款专用的,视为考核不通过.
    pub designated_use_wording: String,
    /// 验收检查时基础补助资金实际支出低于75%的,视为考核不通过.
    pub spending_wording: String,
    /// The share of the base subsidy that must be spent, e.g. 0.75.
    #[serde(with = "rust_decimal::serde::str")]
    pub spending_ratio: Decimal,
}

/// A star tier with its quota (名额) and extra subsidy (追加补助).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// e.g. `五星`.
    pub name: String,
    pub stars: u8,
    pub quota: u32,
    pub extra: Money,
}

/// Limits that no real rubric comes near; they keep a hostile file from
/// eating the page's memory during validation and scoring.
const MAX_ITEMS: usize = 200;
const MAX_RULES: usize = 50;
const MAX_TIERS: usize = 20;
const MAX_MONTHS: usize = 60;
const MAX_KINDS: usize = 100;

impl Rubric {
    /// The built-in rubric: 泉城管〔2024〕120号, Attachment 2
    /// (`quanzhou-2024-batch3`, version 1).
    pub fn quanzhou_2024() -> Rubric {
        Rubric { data: quanzhou_2024::data() }
    }

    /// Reads and validates a rubric file.
    ///
    /// Unknown rule kinds and negative numbers are named with their JSON
    /// path before the typed parse; then the structure is checked (maxima,
    /// category totals, duplicates, quotas, caps).
    pub fn from_json(text: &str) -> Result<Rubric, RubricError> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| RubricError::Malformed { detail: e.to_string() })?;

        check_rule_kinds(&value)?;
        check_no_negatives(&value, &mut String::new())?;

        let data: RubricData = serde_json::from_value(value)
            .map_err(|e| RubricError::Malformed { detail: e.to_string() })?;
        Rubric::try_from(data)
    }

    /// The rubric as a JSON document that [`Rubric::from_json`] reads back.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail; the empty
        // fallback keeps this function total.
        serde_json::to_string_pretty(&self.data).unwrap_or_default()
    }

    /// e.g. `quanzhou-2024-batch3`.
    pub fn id(&self) -> &str {
        &self.data.id
    }

    /// The rubric's version, from 1.
    pub fn version(&self) -> u32 {
        self.data.version
    }

    pub fn title(&self) -> &str {
        &self.data.title
    }

    /// Where the rubric comes from.
    pub fn source(&self) -> &str {
        &self.data.source
    }

    /// The campaign months, in order (our reading: 2024-10..2024-12).
    pub fn campaign_months(&self) -> &[YearMonth] {
        &self.data.campaign_months
    }

    /// The day of the month reports are due by (25).
    pub fn report_due_day(&self) -> i8 {
        self.data.report_due_day
    }

    pub fn categories(&self) -> &[Category] {
        &self.data.categories
    }

    /// The scored items, in order.
    pub fn items(&self) -> &[Item] {
        &self.data.items
    }

    /// The item with this number.
    pub fn item(&self, number: u32) -> Option<&Item> {
        self.data.items.iter().find(|i| i.number == number)
    }

    pub fn bonus_items(&self) -> &[BonusItem] {
        &self.data.bonus_items
    }

    /// Whether `text` is the notice's own wording: it appears verbatim in
    /// an item's requirement or scoring lines, or in a bonus part's
    /// wording (信息材料 in 未报送信息材料的不得分). Our own names for
    /// materials and media (会议照片, 宣传海报) are not.
    pub fn quotes(&self, text: &str) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        let items = self.data.items.iter().any(|item| {
            item.requirement.contains(text)
                || item.rule_lines.iter().any(|line| line.contains(text))
        });
        let bonus = self
            .data
            .bonus_items
            .iter()
            .flat_map(|b| &b.parts)
            .any(|part| part.wording.contains(text));
        items || bonus
    }

    /// The bonus item with this number.
    pub fn bonus_item(&self, number: u32) -> Option<&BonusItem> {
        self.data.bonus_items.iter().find(|b| b.number == number)
    }

    pub fn falsification(&self) -> &Penalty {
        &self.data.falsification
    }

    pub fn gates(&self) -> &Gates {
        &self.data.gates
    }

    /// 基础补助资金 per community (80,000.00).
    pub fn base_subsidy(&self) -> Money {
        self.data.base_subsidy
    }

    /// The spending line: base subsidy × ratio (60,000.00), rounded up to
    /// the 分 so that no short amount can pass.
    pub fn spending_line(&self) -> Money {
        self.data.base_subsidy.times_ratio_ceil(self.data.gates.spending_ratio)
    }

    /// The materials asked for with each meeting, report and ledger entry.
    pub fn entry_materials(&self) -> &EntryMaterials {
        &self.data.entry_materials
    }

    /// The star tiers from the top, with default quotas.
    pub fn tiers(&self) -> &[Tier] {
        &self.data.tiers
    }

    /// The base score's maximum: 100.
    pub fn base_max(&self) -> u32 {
        self.data.items.iter().map(|i| i.max).sum()
    }

    /// The largest bonus there can be: the sum of the caps.
    pub fn bonus_max(&self) -> u32 {
        self.data.bonus_items.iter().map(|b| b.cap).sum()
    }
}

impl TryFrom<RubricData> for Rubric {
    type Error = RubricError;

    fn try_from(data: RubricData) -> Result<Rubric, RubricError> {
        validate(&data)?;
        Ok(Rubric { data })
    }
}

impl From<Rubric> for RubricData {
    fn from(rubric: Rubric) -> RubricData {
        rubric.data
    }
}

/// Names the first rule whose `kind` this program does not know.
fn check_rule_kinds(value: &Value) -> Result<(), RubricError> {
    let Some(items) = value.get("items").and_then(Value::as_array) else {
        return Ok(());
    };
    for (i, item) in items.iter().enumerate() {
        let Some(rules) = item.get("rules").and_then(Value::as_array) else {
            continue;
        };
        for (r, rule) in rules.iter().enumerate() {
            let kind = match rule.get("kind") {
                Some(Value::String(kind)) => kind.clone(),
                Some(other) => other.to_string(),
                None => continue,
            };
            if !RULE_KINDS.contains(&kind.as_str()) {
                return Err(RubricError::UnknownRuleKind {
                    path: format!("items[{i}].rules[{r}].kind"),
                    kind,
                });
            }
        }
    }
    Ok(())
}

/// Names the first negative number anywhere in the file: points, maxima,
/// quotas and counts are never negative.
fn check_no_negatives(
    value: &Value,
    path: &mut String,
) -> Result<(), RubricError> {
    match value {
        Value::Number(number) if number.as_f64().is_some_and(|n| n < 0.0) => {
            Err(RubricError::NegativeNumber {
                path: if path.is_empty() {
                    "$".to_string()
                } else {
                    path.clone()
                },
                value: number.to_string(),
            })
        }
        Value::Array(values) => {
            for (index, child) in values.iter().enumerate() {
                let before = path.len();
                path.push_str(&format!("[{index}]"));
                check_no_negatives(child, path)?;
                path.truncate(before);
            }
            Ok(())
        }
        Value::Object(fields) => {
            for (key, child) in fields {
                let before = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                check_no_negatives(child, path)?;
                path.truncate(before);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Checks every structural invariant the scorer relies on.
fn validate(data: &RubricData) -> Result<(), RubricError> {
    check_sizes(data)?;

    if data.version == 0 {
        return Err(RubricError::ZeroVersion);
    }
    for (path, text) in [
        ("id", &data.id),
        ("title", &data.title),
        ("falsification.wording", &data.falsification.wording),
        ("gates.designated_use_wording", &data.gates.designated_use_wording),
        ("gates.spending_wording", &data.gates.spending_wording),
    ] {
        non_empty(text, path)?;
    }

    check_months(data)?;
    check_categories_and_items(data)?;
    check_bonus_and_numbers(data)?;
    check_money_and_tiers(data)
}

fn non_empty(text: &str, path: &str) -> Result<(), RubricError> {
    if text.trim().is_empty() {
        return Err(RubricError::EmptyText { path: path.to_string() });
    }
    Ok(())
}

fn check_sizes(data: &RubricData) -> Result<(), RubricError> {
    let too_large = |what: &str, count: usize| RubricError::TooLarge {
        what: what.to_string(),
        count,
    };
    let counts = [
        ("items", data.items.len() + data.bonus_items.len(), MAX_ITEMS),
        ("categories", data.categories.len(), MAX_ITEMS),
        ("tiers", data.tiers.len(), MAX_TIERS),
        ("campaign months", data.campaign_months.len(), MAX_MONTHS),
    ];
    for (what, count, limit) in counts {
        if count > limit {
            return Err(too_large(what, count));
        }
    }
    for item in &data.items {
        if item.rules.len() > MAX_RULES {
            return Err(too_large("rules", item.rules.len()));
        }
        for rule in &item.rules {
            let listed = match rule {
                Rule::KindsShort { kinds, .. } => kinds.len(),
                Rule::PlaceEquipment { requirements, .. } => requirements.len(),
                _ => 0,
            };
            if listed > MAX_KINDS {
                return Err(too_large("kinds", listed));
            }
        }
    }
    for bonus in &data.bonus_items {
        if bonus.parts.len() > MAX_RULES {
            return Err(too_large("bonus parts", bonus.parts.len()));
        }
    }
    Ok(())
}

fn check_months(data: &RubricData) -> Result<(), RubricError> {
    let monthly = data
        .items
        .iter()
        .flat_map(|i| &i.rules)
        .any(|r| matches!(r, Rule::PerMissingMonth { .. }));
    if monthly && data.campaign_months.is_empty() {
        return Err(RubricError::NoCampaignMonths);
    }
    if data.campaign_months.windows(2).any(|w| w[0] >= w[1]) {
        return Err(RubricError::CampaignMonthsOrder);
    }
    if !(1..=28).contains(&data.report_due_day) {
        return Err(RubricError::ReportDueDay { day: data.report_due_day });
    }
    Ok(())
}

fn check_categories_and_items(data: &RubricData) -> Result<(), RubricError> {
    let mut names = BTreeSet::new();
    for (index, category) in data.categories.iter().enumerate() {
        non_empty(&category.name, &format!("categories[{index}].name"))?;
        if !names.insert(category.name.as_str()) {
            return Err(RubricError::DuplicateCategory {
                name: category.name.clone(),
            });
        }
    }

    let mut numbers = BTreeSet::new();
    for (index, item) in data.items.iter().enumerate() {
        if !numbers.insert(item.number) {
            return Err(RubricError::DuplicateItem { number: item.number });
        }
        if !names.contains(item.category.as_str()) {
            return Err(RubricError::UnknownCategory {
                number: item.number,
                category: item.category.clone(),
            });
        }
        non_empty(&item.title, &format!("items[{index}].title"))?;
        check_item(item, index)?;
    }

    for category in &data.categories {
        let items = data
            .items
            .iter()
            .filter(|i| i.category == category.name)
            .fold(0u32, |sum, i| sum.saturating_add(i.max));
        if items != category.max {
            return Err(RubricError::CategoryTotal {
                category: category.name.clone(),
                declared: category.max,
                items,
            });
        }
    }

    let total =
        data.items.iter().fold(0u32, |sum, i| sum.saturating_add(i.max));
    if total != 100 {
        return Err(RubricError::BaseTotal { total });
    }
    Ok(())
}

fn check_item(item: &Item, index: usize) -> Result<(), RubricError> {
    let number = item.number;
    if item.max == 0 {
        return Err(RubricError::ZeroMaximum { number });
    }
    if item.rules.is_empty() {
        return Err(RubricError::NoRules { number });
    }

    let mut ids = BTreeSet::new();
    let mut graded = 0;
    for (r, rule) in item.rules.iter().enumerate() {
        let path = format!("items[{index}].rules[{r}]");
        non_empty(rule.id(), &format!("{path}.id"))?;
        non_empty(rule.wording(), &format!("{path}.wording"))?;
        if !ids.insert(rule.id()) {
            return Err(RubricError::DuplicateRule {
                number,
                rule: rule.id().to_string(),
            });
        }

        let has_steps =
            !matches!(rule, Rule::RequiredOrZero { .. } | Rule::Graded { .. });
        let points = rule.step_points();
        if has_steps && !(1..=item.max).contains(&points) {
            return Err(RubricError::RulePoints {
                number,
                rule: rule.id().to_string(),
                points,
                max: item.max,
            });
        }

        match rule {
            Rule::Graded { .. } => graded += 1,
            Rule::KindsShort { kinds, minimum, .. }
                if kinds.is_empty() || *minimum == 0 =>
            {
                return Err(RubricError::KindsRule {
                    number,
                    rule: rule.id().to_string(),
                });
            }
            _ => {}
        }
    }
    if graded > 1 {
        return Err(RubricError::SeveralGraded { number });
    }
    Ok(())
}

fn check_bonus_and_numbers(data: &RubricData) -> Result<(), RubricError> {
    let mut numbers: BTreeSet<u32> =
        data.items.iter().map(|i| i.number).collect();
    for bonus in &data.bonus_items {
        let number = bonus.number;
        let insane = |detail: &str| RubricError::BonusItem {
            number,
            detail: detail.to_string(),
        };
        if !numbers.insert(number) {
            return Err(RubricError::NumberClash { number });
        }
        if bonus.cap == 0 {
            return Err(insane("cap is 0"));
        }
        if bonus.parts.is_empty() {
            return Err(insane("no parts"));
        }
        let mut ids = BTreeSet::new();
        for part in &bonus.parts {
            if part.id.trim().is_empty() {
                return Err(insane("a part has an empty id"));
            }
            if !ids.insert(part.id.as_str()) {
                return Err(insane(&format!("part id `{}` repeats", part.id)));
            }
            if part.points_each == 0 {
                return Err(insane(&format!("part `{}` is worth 0", part.id)));
            }
        }
    }
    for number in [data.falsification.number, data.gates.number] {
        if !numbers.insert(number) {
            return Err(RubricError::NumberClash { number });
        }
    }
    Ok(())
}

fn check_money_and_tiers(data: &RubricData) -> Result<(), RubricError> {
    let ratio = data.gates.spending_ratio;
    if ratio <= Decimal::ZERO || ratio > Decimal::ONE {
        return Err(RubricError::SpendingRatio { ratio: ratio.to_string() });
    }
    if data.base_subsidy.is_zero() {
        return Err(RubricError::BaseSubsidy);
    }

    let insane = |detail: String| RubricError::Tiers { detail };
    if data.tiers.is_empty() {
        return Err(insane("no tiers".to_string()));
    }
    let mut names = BTreeSet::new();
    for tier in &data.tiers {
        if tier.name.trim().is_empty() {
            return Err(insane("a tier has an empty name".to_string()));
        }
        if !names.insert(tier.name.as_str()) {
            return Err(insane(format!("tier `{}` repeats", tier.name)));
        }
        if tier.quota == 0 {
            return Err(insane(format!("tier `{}` has quota 0", tier.name)));
        }
    }
    if data.tiers.windows(2).any(|w| w[0].extra < w[1].extra) {
        return Err(insane("extra subsidy grows down the tiers".to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_built_in_rubric_is_valid() {
        let built_in = Rubric::quanzhou_2024();
        assert_eq!(validate(&built_in.data), Ok(()));
        assert_eq!(built_in.base_max(), 100);
        assert_eq!(built_in.bonus_max(), 9);
        assert_eq!(built_in.spending_line(), Money::from_yuan(60_000));
    }

    #[test]
    fn ok_json_round_trip() {
        let built_in = Rubric::quanzhou_2024();
        assert_eq!(Rubric::from_json(&built_in.to_json()), Ok(built_in));
    }
}
