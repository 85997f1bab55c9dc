//! Applying each rule kind to its fact: the rule's effect at the low and
//! the high end, the deductions it finds (each with a reason naming the
//! fact), open months, and how one item's score follows from its rules.
//!
//! (our reading) A wrongly equipped place (item 6) is one finding however
//! many required containers it lacks: the rubric counts 处 (places). Other
//! media kinds typed in (item 12) count when non-empty and distinct from
//! each other and from the listed kinds. A ledger with no expenditures
//! leaves item 2's documents rule unanswered.

use std::collections::BTreeSet;

use crate::assessment::{Assessment, Fact, Place};
use crate::lang::Text;
use crate::months::{self, MonthLine, MonthState, YearMonth};
use crate::rubric::{EquipmentRequirement, Item, Rubric, Rule, Schedule};
use crate::score::{
    Applies, Deduction, End, FactProblem, ItemStatus, Pending, ProblemKind,
    ScoreRange, Unanswered,
};

/// What one rule does to its item at one end of the range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Effect {
    /// The item scores 0.
    pub zero: bool,
    /// Points deducted.
    pub minus: u32,
    /// The item's start value (graded parts only).
    pub start: Option<u32>,
}

impl Effect {
    fn minus(points: u32) -> Effect {
        Effect { minus: points, ..Effect::default() }
    }

    fn zero() -> Effect {
        Effect { zero: true, ..Effect::default() }
    }
}

/// A deduction, and whether doing something now can still undo it.
#[derive(Clone, Debug)]
pub(crate) struct Noted {
    pub deduction: Deduction,
    pub fixable: bool,
}

/// A monthly rule's month lines and parameters, kept for what-if scoring.
#[derive(Clone, Debug)]
pub(crate) struct Monthly {
    pub lines: Vec<MonthLine>,
    pub points_each: u32,
    pub zero_if_none: bool,
    pub schedule: Schedule,
}

/// One rule applied to its fact.
#[derive(Clone, Debug)]
pub(crate) struct RuleOutcome {
    pub rule_id: String,
    /// A usable fact was given (or, for ledger rules, expenditures exist).
    pub answered: bool,
    pub question: String,
    pub low: Effect,
    pub high: Effect,
    pub deductions: Vec<Noted>,
    pub pending: Vec<Pending>,
    pub monthly: Option<Monthly>,
    pub graded: Option<ScoreRange>,
}

impl RuleOutcome {
    fn new(rule: &Rule) -> RuleOutcome {
        RuleOutcome {
            rule_id: rule.id().to_string(),
            answered: true,
            question: rule.question().to_string(),
            low: Effect::default(),
            high: Effect::default(),
            deductions: Vec::new(),
            pending: Vec::new(),
            monthly: None,
            graded: None,
        }
    }

    /// The effect at one end.
    pub fn at(&self, end: End) -> Effect {
        match end {
            End::Low => self.low,
            End::High => self.high,
        }
    }

    /// Records a deduction applying at `applies`.
    fn deduct(
        &mut self,
        points: u32,
        reason: Text,
        applies: Applies,
        fixable: bool,
    ) {
        self.deductions.push(Noted {
            deduction: Deduction {
                rule_id: self.rule_id.clone(),
                points,
                zeroes_item: false,
                reason,
                applies,
            },
            fixable,
        });
    }

    /// Records a deduction that zeroes the item.
    fn zeroes(&mut self, max: u32, reason: Text, fixable: bool) {
        self.deductions.push(Noted {
            deduction: Deduction {
                rule_id: self.rule_id.clone(),
                points: max,
                zeroes_item: true,
                reason,
                applies: Applies::Both,
            },
            fixable,
        });
    }
}

/// One item with every rule applied.
#[derive(Clone, Debug)]
pub(crate) struct ItemWork<'r> {
    pub item: &'r Item,
    pub falsified: bool,
    pub outcomes: Vec<RuleOutcome>,
}

impl ItemWork<'_> {
    /// Whether any rule is answered.
    pub fn answered_any(&self) -> bool {
        self.outcomes.iter().any(|o| o.answered)
    }

    /// The item's status.
    pub fn status(&self) -> ItemStatus {
        if self.falsified {
            return ItemStatus::Falsified;
        }
        if !self.answered_any() {
            return ItemStatus::NotAssessed;
        }
        if self.outcomes.iter().all(|o| o.answered) {
            return ItemStatus::Assessed;
        }
        ItemStatus::Partial
    }

    /// The item's score from its rules at one end, with one rule's effect
    /// optionally replaced (for what-if scoring). Ignores the falsified mark
    /// and the not-assessed override.
    pub fn rules_score(
        &self,
        end: End,
        replace: Option<(usize, Effect)>,
    ) -> u32 {
        let effects =
            self.outcomes.iter().enumerate().map(|(index, o)| match replace {
                Some((at, effect)) if at == index => effect,
                _ => o.at(end),
            });
        combine(self.item.max, effects)
    }

    /// The item's score: 0 when falsified, `0..=max` when not assessed,
    /// else from its rules.
    pub fn score(&self) -> ScoreRange {
        match self.status() {
            ItemStatus::Falsified => ScoreRange::exact(0),
            ItemStatus::NotAssessed => {
                ScoreRange { low: 0, high: self.item.max }
            }
            ItemStatus::Assessed | ItemStatus::Partial => {
                let low = self.rules_score(End::Low, None);
                let high = self.rules_score(End::High, None);
                // High effects are never harsher than low ones; `max` keeps
                // `low <= high` even for a hand-built odd rubric.
                ScoreRange { low, high: high.max(low) }
            }
        }
    }

    /// The deductions, in rule order.
    pub fn deductions(&self) -> Vec<Deduction> {
        self.outcomes
            .iter()
            .flat_map(|o| o.deductions.iter().map(|n| n.deduction.clone()))
            .collect()
    }

    /// The open months, in rule order.
    pub fn pending(&self) -> Vec<Pending> {
        self.outcomes.iter().flat_map(|o| o.pending.iter().cloned()).collect()
    }

    /// The rules still to answer.
    pub fn unanswered(&self) -> Vec<Unanswered> {
        self.outcomes
            .iter()
            .filter(|o| !o.answered)
            .map(|o| Unanswered {
                rule_id: o.rule_id.clone(),
                question: o.question.clone(),
            })
            .collect()
    }

    /// The month lines of the item's monthly rules.
    pub fn months(&self) -> Vec<MonthLine> {
        self.outcomes
            .iter()
            .filter_map(|o| o.monthly.as_ref())
            .flat_map(|m| m.lines.iter().copied())
            .collect()
    }

    /// The graded start, if answered.
    pub fn graded(&self) -> Option<ScoreRange> {
        self.outcomes.iter().find_map(|o| o.graded)
    }
}

/// `clamp(start − deductions, 0, max)`, or 0 when a rule zeroes the item.
pub(crate) fn combine(max: u32, effects: impl Iterator<Item = Effect>) -> u32 {
    let mut start = max;
    let mut minus = 0u32;
    for effect in effects {
        if effect.zero {
            return 0;
        }
        minus = minus.saturating_add(effect.minus);
        if let Some(graded) = effect.start {
            start = graded.min(max);
        }
    }
    start.saturating_sub(minus)
}

/// Applies every rule of `item` to the assessment's facts. Problems with
/// facts are pushed onto `issues`.
pub(crate) fn item_work<'r>(
    rubric: &Rubric,
    item: &'r Item,
    assessment: &Assessment,
    issues: &mut Vec<FactProblem>,
) -> ItemWork<'r> {
    let outcomes = item
        .rules
        .iter()
        .map(|rule| {
            let fact = assessment.fact(item.number, rule.id());
            rule_outcome(rubric, item, rule, fact, assessment, issues)
        })
        .collect();
    ItemWork {
        item,
        falsified: assessment.falsified.contains(&item.number),
        outcomes,
    }
}

/// Applies one rule to its fact (or to the ledger).
fn rule_outcome(
    rubric: &Rubric,
    item: &Item,
    rule: &Rule,
    fact: Option<&Fact>,
    assessment: &Assessment,
    issues: &mut Vec<FactProblem>,
) -> RuleOutcome {
    let mut out = RuleOutcome::new(rule);

    // A fact of the wrong shape is reported and then treated as unanswered.
    let fact = match (fact, rule.expected_shape()) {
        (Some(fact), Some(expected)) if !shape_matches(fact, expected) => {
            issues.push(problem(
                item,
                rule,
                ProblemKind::WrongShape { expected },
            ));
            None
        }
        (fact, _) => fact,
    };

    match rule {
        Rule::RequiredOrZero { wording, .. } => {
            required_or_zero(&mut out, item.max, wording, fact);
        }
        Rule::FixedDeduction { wording, points, .. } => {
            fixed_deduction(&mut out, *points, wording, fact);
        }
        Rule::PerFinding { wording, points_each, .. } => {
            per_finding(&mut out, item.max, *points_each, wording, fact);
        }
        Rule::PlaceEquipment { points_each, requirements, .. } => {
            let places = match fact {
                Some(Fact::Places(places)) => Some(places.as_slice()),
                _ => None,
            };
            place_equipment(
                &mut out,
                item.max,
                *points_each,
                requirements,
                places,
            );
        }
        Rule::KindsShort { wording, minimum, points_each, kinds, .. } => {
            let spec = KindsSpec {
                wording,
                minimum: *minimum,
                points_each: *points_each,
                kinds,
            };
            kinds_short(&mut out, item, rule, &spec, fact, issues);
        }
        Rule::PerMissingMonth {
            points_each, schedule, zero_if_none, ..
        } => {
            let spec = Monthly {
                lines: Vec::new(),
                points_each: *points_each,
                zero_if_none: *zero_if_none,
                schedule: *schedule,
            };
            per_missing_month(
                &mut out, rubric, item, rule, spec, fact, assessment, issues,
            );
        }
        Rule::Graded { .. } => graded(&mut out, item, rule, fact, issues),
        Rule::LedgerDocuments { points_each, .. } => {
            ledger_documents(&mut out, item.max, *points_each, assessment);
        }
    }
    out
}

fn problem(item: &Item, rule: &Rule, kind: ProblemKind) -> FactProblem {
    FactProblem {
        item: item.number,
        rule_id: Some(rule.id().to_string()),
        kind,
    }
}

fn shape_matches(fact: &Fact, expected: crate::rubric::FactShape) -> bool {
    use crate::rubric::FactShape as S;
    matches!(
        (fact, expected),
        (Fact::YesNo(_), S::YesNo)
            | (Fact::Count(_), S::Count)
            | (Fact::Range { .. }, S::Range)
            | (Fact::Kinds { .. }, S::Kinds)
            | (Fact::Meetings(_), S::Meetings)
            | (Fact::Reports(_), S::Reports)
            | (Fact::Places(_), S::Places)
    )
}

/// The finding a "per finding" wording names: the text before its first
/// comma, without a trailing 的 (e.g. `生活垃圾四分类设施标识模糊不清、出现错误`).
fn finding_phrase(wording: &str) -> &str {
    let first_line = wording.lines().next().unwrap_or(wording);
    let cut = first_line.find([',', ',']).unwrap_or(first_line.len());
    let phrase = first_line[..cut].trim();
    phrase.strip_suffix('的').unwrap_or(phrase)
}

/// What a yes/no wording says is missing: `使用计划未落实的扣8分` →
/// `使用计划未落实`, `未制定工作方案不得分` → `未制定工作方案`.
fn shortfall_phrase(wording: &str) -> &str {
    let mut phrase = short_wording(wording);
    if let Some(before) = phrase.strip_suffix("不得分") {
        phrase = before;
    } else if let Some(before) = phrase.strip_suffix('分') {
        let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
        if digits.len() < before.len() {
            phrase = digits.strip_suffix('扣').unwrap_or(phrase);
        }
    }
    let phrase = phrase.trim_end();
    phrase.strip_suffix('的').unwrap_or(phrase)
}

/// The first line of a wording without its parenthetical explanation.
fn short_wording(wording: &str) -> &str {
    let first_line = wording.lines().next().unwrap_or(wording);
    let cut = first_line.find(['(', '(']).unwrap_or(first_line.len());
    first_line[..cut].trim()
}

fn required_or_zero(
    out: &mut RuleOutcome,
    max: u32,
    wording: &str,
    fact: Option<&Fact>,
) {
    match fact {
        Some(Fact::YesNo(true)) => {}
        Some(Fact::YesNo(false)) => {
            out.low = Effect::zero();
            out.high = Effect::zero();
            let phrase = shortfall_phrase(wording);
            let reason = Text::new(
                format!("{phrase},本项不得分"),
                format!("\u{201c}{phrase}\u{201d}: the item scores 0"),
            );
            out.zeroes(max, reason, true);
        }
        _ => {
            out.answered = false;
            out.low = Effect::zero();
        }
    }
}

fn fixed_deduction(
    out: &mut RuleOutcome,
    points: u32,
    wording: &str,
    fact: Option<&Fact>,
) {
    match fact {
        Some(Fact::YesNo(true)) => {}
        Some(Fact::YesNo(false)) => {
            out.low = Effect::minus(points);
            out.high = Effect::minus(points);
            let phrase = shortfall_phrase(wording);
            let reason = Text::new(
                format!("{phrase} −{points}"),
                format!("Not met: \u{201c}{phrase}\u{201d} −{points}"),
            );
            out.deduct(points, reason, Applies::Both, true);
        }
        _ => {
            out.answered = false;
            out.low = Effect::minus(points);
        }
    }
}

fn per_finding(
    out: &mut RuleOutcome,
    max: u32,
    points_each: u32,
    wording: &str,
    fact: Option<&Fact>,
) {
    match fact {
        Some(Fact::Count(0)) => {}
        Some(Fact::Count(count)) => {
            let points = count.saturating_mul(points_each);
            out.low = Effect::minus(points);
            out.high = Effect::minus(points);
            let phrase = finding_phrase(wording);
            let reason = Text::new(
                format!("{phrase}:发现{count}处 −{points}"),
                format!("\u{201c}{phrase}\u{201d}: {count} found −{points}"),
            );
            out.deduct(points, reason, Applies::Both, true);
        }
        _ => {
            out.answered = false;
            out.low = Effect::minus(max);
        }
    }
}

fn place_equipment(
    out: &mut RuleOutcome,
    max: u32,
    points_each: u32,
    requirements: &[EquipmentRequirement],
    places: Option<&[Place]>,
) {
    let Some(places) = places else {
        out.answered = false;
        out.low = Effect::minus(max);
        return;
    };

    let mut findings = 0u32;
    for (index, place) in places.iter().enumerate() {
        let lacking: Vec<&EquipmentRequirement> = requirements
            .iter()
            .filter(|r| {
                place.features.contains(&r.feature)
                    && !place.containers.contains(&r.container)
            })
            .collect();
        if lacking.is_empty() {
            continue;
        }

        findings = findings.saturating_add(1);
        let what: Vec<String> = lacking
            .iter()
            .map(|r| {
                format!(
                    "设有{}但缺{}收集容器",
                    r.feature_label,
                    r.container.label_zh()
                )
            })
            .collect();
        let what_en: Vec<String> = lacking
            .iter()
            .map(|r| {
                format!(
                    "has {} but no {} container",
                    r.feature_label,
                    r.container.label_zh()
                )
            })
            .collect();
        let (name, name_en) = if place.name.trim().is_empty() {
            (format!("第{}处场所", index + 1), format!("Place {}", index + 1))
        } else {
            (place.name.trim().to_string(), place.name.trim().to_string())
        };
        let reason = Text::new(
            format!("{name}:{} −{points_each}", what.join(",")),
            format!("{name_en}: {} −{points_each}", what_en.join("; ")),
        );
        out.deduct(points_each, reason, Applies::Both, true);
    }

    let points = findings.saturating_mul(points_each);
    out.low = Effect::minus(points);
    out.high = Effect::minus(points);
}

/// The parameters of a kinds rule.
struct KindsSpec<'a> {
    wording: &'a str,
    minimum: u32,
    points_each: u32,
    kinds: &'a [String],
}

fn kinds_short(
    out: &mut RuleOutcome,
    item: &Item,
    rule: &Rule,
    spec: &KindsSpec<'_>,
    fact: Option<&Fact>,
    issues: &mut Vec<FactProblem>,
) {
    let all_short = spec.minimum.saturating_mul(spec.points_each);
    let Some(Fact::Kinds { ticked, other }) = fact else {
        out.answered = false;
        out.low = Effect::minus(all_short);
        return;
    };

    // Listed kinds ticked, then distinct other kinds typed in.
    let mut counted: BTreeSet<&str> = BTreeSet::new();
    for kind in ticked {
        if spec.kinds.iter().any(|k| k == kind) {
            counted.insert(kind.as_str());
        } else {
            let kind = ProblemKind::UnknownKind { kind: kind.clone() };
            issues.push(problem(item, rule, kind));
        }
    }
    for kind in other {
        let kind = kind.trim();
        if !kind.is_empty() {
            counted.insert(kind);
        }
    }
    let count = u32::try_from(counted.len()).unwrap_or(u32::MAX);

    let short = spec.minimum.saturating_sub(count);
    if short == 0 {
        return;
    }
    let points = short.saturating_mul(spec.points_each);
    out.low = Effect::minus(points);
    out.high = Effect::minus(points);
    let phrase = finding_phrase(spec.wording);
    let reason = Text::new(
        format!("{phrase}:现有{count}种,少{short}种 −{points}"),
        format!(
            "\u{201c}{phrase}\u{201d}: {count} kinds, {short} short −{points}"
        ),
    );
    out.deduct(points, reason, Applies::Both, true);
}

/// What a month's duty is called in reasons and to-dos.
fn duty_phrases(schedule: Schedule) -> (&'static str, &'static str) {
    match schedule {
        Schedule::Meetings => ("未召开联席会", "联席会待召开"),
        Schedule::Reports => ("未报送信息", "信息待报送"),
    }
}

/// The same in English: missing, pending.
fn duty_phrases_en(schedule: Schedule) -> (&'static str, &'static str) {
    match schedule {
        Schedule::Meetings => {
            ("no joint meeting (联席会) held", "joint meeting still to hold")
        }
        Schedule::Reports => ("no report sent", "report still to send"),
    }
}

/// The effect of month lines at one end (our reading, see
/// [`crate::months`]): each missing month costs `points_each`, late ones at
/// the low end only; with `zero_if_none`, nothing held at all once a month
/// has ended zeroes the item.
pub(crate) fn month_effect(
    monthly: &Monthly,
    lines: &[MonthLine],
    end: End,
) -> Effect {
    let held_any = lines.iter().any(|l| l.state.is_held());
    let ended_missing = lines.iter().any(|l| l.state == MonthState::Missing);
    if monthly.zero_if_none && !held_any && ended_missing {
        return Effect::zero();
    }

    let missing = lines
        .iter()
        .filter(|l| match l.state {
            MonthState::Missing => true,
            MonthState::Late { .. } => end == End::Low,
            _ => false,
        })
        .count();
    let missing = u32::try_from(missing).unwrap_or(u32::MAX);
    Effect::minus(missing.saturating_mul(monthly.points_each))
}

#[allow(clippy::too_many_arguments)]
fn per_missing_month(
    out: &mut RuleOutcome,
    rubric: &Rubric,
    item: &Item,
    rule: &Rule,
    mut monthly: Monthly,
    fact: Option<&Fact>,
    assessment: &Assessment,
    issues: &mut Vec<FactProblem>,
) {
    let campaign = rubric.campaign_months();
    let as_of = assessment.as_of;
    let due_day = rubric.report_due_day();

    // Entries dated after the as-of date or outside the campaign do not
    // count; say so rather than drop them silently.
    let mut report = |kind| issues.push(problem(item, rule, kind));
    let lines = match fact {
        Some(Fact::Meetings(meetings)) => {
            for meeting in meetings {
                if meeting.date > as_of {
                    report(ProblemKind::AfterAsOf { date: meeting.date });
                } else if !campaign.contains(&YearMonth::of(meeting.date)) {
                    let month = YearMonth::of(meeting.date);
                    report(ProblemKind::OutsideCampaign { month });
                }
            }
            Some(months::meeting_months(campaign, meetings, as_of))
        }
        Some(Fact::Reports(reports)) => {
            for sent in reports {
                if sent.sent_on > as_of {
                    report(ProblemKind::AfterAsOf { date: sent.sent_on });
                } else if !campaign.contains(&sent.month) {
                    report(ProblemKind::OutsideCampaign { month: sent.month });
                }
            }
            Some(months::report_months(campaign, due_day, reports, as_of))
        }
        _ => None,
    };

    let Some(lines) = lines else {
        // Unanswered: at the low end nothing was held; at the high end
        // everything was.
        let nothing = match monthly.schedule {
            Schedule::Meetings => months::meeting_months(campaign, &[], as_of),
            Schedule::Reports => {
                months::report_months(campaign, due_day, &[], as_of)
            }
        };
        out.answered = false;
        out.low = month_effect(&monthly, &nothing, End::Low);
        return;
    };

    out.low = month_effect(&monthly, &lines, End::Low);
    out.high = month_effect(&monthly, &lines, End::High);
    note_months(out, item.max, &monthly, &lines, due_day);
    monthly.lines = lines;
    out.monthly = Some(monthly);
}

/// Writes a monthly rule's deductions and to-dos.
fn note_months(
    out: &mut RuleOutcome,
    max: u32,
    monthly: &Monthly,
    lines: &[MonthLine],
    due_day: i8,
) {
    let (missing_text, pending_text) = duty_phrases(monthly.schedule);
    let (missing_en, pending_en) = duty_phrases_en(monthly.schedule);
    let each = monthly.points_each;

    if month_effect(monthly, lines, End::High).zero {
        let ended: Vec<&MonthLine> =
            lines.iter().filter(|l| l.state == MonthState::Missing).collect();
        let zh: Vec<String> =
            ended.iter().map(|l| l.month.label_zh()).collect();
        let en: Vec<String> =
            ended.iter().map(|l| l.month.label_en()).collect();
        let reason = Text::new(
            format!("{}均{missing_text},本项不得分", zh.join("、")),
            format!("{}: {missing_en}; the item scores 0", en.join(", ")),
        );
        out.zeroes(max, reason, false);
    } else {
        for line in lines {
            match line.state {
                MonthState::Missing => {
                    let reason = Text::new(
                        format!(
                            "{}{missing_text} −{each}",
                            line.month.label_zh()
                        ),
                        format!(
                            "{}: {missing_en} −{each}",
                            line.month.label_en()
                        ),
                    );
                    out.deduct(each, reason, Applies::Both, false);
                }
                MonthState::Late { on } => {
                    let reason = Text::new(
                        format!(
                            "{}信息迟报({on}报送,截止{}月{due_day}日),低端按缺报计 −{each}",
                            line.month.label_zh(),
                            line.month.month(),
                        ),
                        format!(
                            "{}: report sent late (on {on}, due on day \
                             {due_day}); counted as missing at the low end −{each}",
                            line.month.label_en(),
                        ),
                    );
                    out.deduct(each, reason, Applies::LowOnly, false);
                }
                _ => {}
            }
        }
    }

    for line in lines {
        let zh = line.month.label_zh();
        let en = line.month.label_en();
        let month = line.month.month();
        let text = match line.state {
            MonthState::Pending if monthly.schedule == Schedule::Reports => {
                Text::new(
                    format!("{zh}{pending_text}(截止{month}月{due_day}日)"),
                    format!("{en}: {pending_en} (due on day {due_day})"),
                )
            }
            MonthState::Pending => Text::new(
                format!("{zh}{pending_text}"),
                format!("{en}: {pending_en}"),
            ),
            MonthState::Overdue => Text::new(
                format!(
                    "{zh}信息已过报送截止日({month}月{due_day}日),尽快补报(迟报在低端按缺报计)"
                ),
                format!(
                    "{en}: the report is past its due day ({due_day}); send \
                     it soon (late counts as missing at the low end)"
                ),
            ),
            _ => continue,
        };
        out.pending.push(Pending {
            rule_id: out.rule_id.clone(),
            month: line.month,
            overdue: line.state == MonthState::Overdue,
            text,
        });
    }
}

fn graded(
    out: &mut RuleOutcome,
    item: &Item,
    rule: &Rule,
    fact: Option<&Fact>,
    issues: &mut Vec<FactProblem>,
) {
    let unanswered = |out: &mut RuleOutcome| {
        out.answered = false;
        out.low = Effect { start: Some(0), ..Effect::default() };
        out.high = Effect { start: Some(item.max), ..Effect::default() };
    };
    let Some(&Fact::Range { low, high }) = fact else {
        unanswered(out);
        return;
    };

    if low > high {
        issues.push(problem(
            item,
            rule,
            ProblemKind::RangeInverted { low, high },
        ));
        unanswered(out);
        return;
    }
    if high > item.max {
        let kind = ProblemKind::RangeAboveMax { high, max: item.max };
        issues.push(problem(item, rule, kind));
        unanswered(out);
        return;
    }
    out.low = Effect { start: Some(low), ..Effect::default() };
    out.high = Effect { start: Some(high), ..Effect::default() };
    out.graded = Some(ScoreRange { low, high });
}

fn ledger_documents(
    out: &mut RuleOutcome,
    max: u32,
    points_each: u32,
    assessment: &Assessment,
) {
    let expenditures = &assessment.ledger.expenditures;
    if expenditures.is_empty() {
        out.answered = false;
        out.low = Effect::minus(max);
        return;
    }

    let mut missing = 0u32;
    for expenditure in expenditures {
        for document in expenditure.documents.missing() {
            missing = missing.saturating_add(1);
            let reason = Text::new(
                format!(
                    "缺{}:{} −{points_each}",
                    document.label_zh(),
                    expenditure.label_zh()
                ),
                format!(
                    "Missing {} (缺{}): {} −{points_each}",
                    document.label_en(),
                    document.label_zh(),
                    expenditure.label_en()
                ),
            );
            out.deduct(points_each, reason, Applies::Both, true);
        }
    }
    let points = missing.saturating_mul(points_each);
    out.low = Effect::minus(points);
    out.high = Effect::minus(points);
}
