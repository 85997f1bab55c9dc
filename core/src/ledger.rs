//! The funding ledger (资金台账): the funding-use plan (资金使用计划) and the
//! expenditures of the base subsidy, with the figures the gates and item 2
//! are read from.
//!
//! (our reading) Only expenditures marked as designated use (专款专用)
//! count as spent towards the 75% line; an expenditure marked not
//! designated fails the designated-use gate and is named.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::Money;

/// What money is planned or spent for.
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
pub enum Purpose {
    /// 设施设备: bins, kiosks, signage hardware.
    Facilities,
    /// 科普教育基地: the science-education base.
    ScienceBase,
    /// 宣传: publicity material.
    Publicity,
    /// 活动: activities and events.
    Activities,
    /// 其他.
    Other,
}

impl Purpose {
    /// Every purpose, in display order.
    pub const ALL: [Purpose; 5] = [
        Purpose::Facilities,
        Purpose::ScienceBase,
        Purpose::Publicity,
        Purpose::Activities,
        Purpose::Other,
    ];

    /// The Chinese label.
    pub fn label_zh(&self) -> &'static str {
        match self {
            Purpose::Facilities => "设施设备",
            Purpose::ScienceBase => "科普教育基地",
            Purpose::Publicity => "宣传",
            Purpose::Activities => "活动",
            Purpose::Other => "其他",
        }
    }

    /// The English label.
    pub fn label_en(&self) -> &'static str {
        match self {
            Purpose::Facilities => "facilities and equipment",
            Purpose::ScienceBase => "science education base",
            Purpose::Publicity => "publicity",
            Purpose::Activities => "activities",
            Purpose::Other => "other",
        }
    }
}

/// One line of the funding-use plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLine {
    pub purpose: Purpose,
    pub planned: Money,
    #[serde(default)]
    pub note: String,
}

/// A supporting document an inspector asks for per expenditure (item 2:
/// 资金使用佐证材料, 含转账、支付相关凭证).
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
pub enum Document {
    /// 转账凭证.
    TransferVoucher,
    /// 支付凭证/发票.
    PaymentVoucher,
}

impl Document {
    /// Every document, in display order.
    pub const ALL: [Document; 2] =
        [Document::TransferVoucher, Document::PaymentVoucher];

    /// The Chinese label.
    pub fn label_zh(&self) -> &'static str {
        match self {
            Document::TransferVoucher => "转账凭证",
            Document::PaymentVoucher => "支付凭证/发票",
        }
    }

    /// The English label.
    pub fn label_en(&self) -> &'static str {
        match self {
            Document::TransferVoucher => "transfer voucher",
            Document::PaymentVoucher => "payment voucher or invoice",
        }
    }
}

/// Which supporting documents of an expenditure are on file.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize,
)]
pub struct Documents {
    /// 转账凭证 on file.
    pub transfer_voucher: bool,
    /// 支付凭证/发票 on file.
    pub payment_voucher: bool,
}

impl Documents {
    /// Both documents on file.
    pub const COMPLETE: Documents =
        Documents { transfer_voucher: true, payment_voucher: true };

    /// Whether one document is on file.
    pub fn has(&self, document: Document) -> bool {
        match document {
            Document::TransferVoucher => self.transfer_voucher,
            Document::PaymentVoucher => self.payment_voucher,
        }
    }

    /// The documents not on file, in display order.
    pub fn missing(&self) -> Vec<Document> {
        Document::ALL.into_iter().filter(|d| !self.has(*d)).collect()
    }
}

/// One expenditure of the base subsidy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expenditure {
    #[serde(deserialize_with = "crate::dates::de_date")]
    pub date: Date,
    pub purpose: Purpose,
    /// Payee and what was bought, e.g. `购置分类桶`.
    pub description: String,
    pub amount: Money,
    /// Spent on the designated purpose (专款专用).
    pub designated: bool,
    pub documents: Documents,
    /// Attached vouchers (转账、支付凭证) and other proof.
    #[serde(default)]
    pub evidence: crate::evidence::Evidence,
}

impl Expenditure {
    /// How users recognise the entry: `2024-10-12 购置分类桶`.
    pub fn label_zh(&self) -> String {
        if self.description.trim().is_empty() {
            return format!("{} {}", self.date, self.purpose.label_zh());
        }
        format!("{} {}", self.date, self.description.trim())
    }

    /// [`Expenditure::label_zh`] for English mode: the purpose in English
    /// when there is no description (a description is the user's own).
    pub fn label_en(&self) -> String {
        if self.description.trim().is_empty() {
            return format!("{} {}", self.date, self.purpose.label_en());
        }
        format!("{} {}", self.date, self.description.trim())
    }
}

/// The funding-use plan and the expenditures, in the order entered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    #[serde(default)]
    pub plan: Vec<PlanLine>,
    #[serde(default)]
    pub expenditures: Vec<Expenditure>,
}

/// Planned against spent for one purpose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurposeFigures {
    pub purpose: Purpose,
    pub planned: Money,
    /// Designated spending for this purpose.
    pub spent: Money,
    /// How much is still planned but not spent.
    pub unspent: Money,
    /// How much was spent beyond the plan.
    pub over_plan: Money,
}

/// What the ledger adds up to against the base subsidy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerFigures {
    /// Whether any expenditure is entered (gates are not assessed without).
    pub has_expenditures: bool,
    /// Designated spending: what counts towards the line (our reading).
    pub spent: Money,
    /// Spending marked not designated (fails the designated-use gate).
    pub not_designated: Money,
    /// `spent` as a percentage of the base subsidy, floored to 2 places.
    pub percent: Decimal,
    /// The spending line: base subsidy × ratio, e.g. 60,000.00.
    pub line: Money,
    /// What is still to spend to reach the line (zero once reached).
    pub to_line: Money,
    /// How far spending is above the line (zero while below).
    pub above_line: Money,
    /// The total planned.
    pub planned: Money,
    /// Planned against spent per purpose, in [`Purpose::ALL`] order, for
    /// purposes planned or spent.
    pub purposes: Vec<PurposeFigures>,
    /// Supporting documents missing over all expenditures.
    pub missing_documents: u32,
    /// Below the line, or any expenditure marked not designated: the
    /// gates would fail if inspected now.
    pub at_risk: bool,
}

impl Ledger {
    /// The ledger's figures against `base` (the base subsidy) and `ratio`
    /// (the spending line, 0.75).
    pub fn figures(&self, base: Money, ratio: Decimal) -> LedgerFigures {
        let spent: Money = self
            .expenditures
            .iter()
            .filter(|e| e.designated)
            .map(|e| e.amount)
            .sum();
        let not_designated: Money = self
            .expenditures
            .iter()
            .filter(|e| !e.designated)
            .map(|e| e.amount)
            .sum();
        let line = base.times_ratio_ceil(ratio);

        let purposes = Purpose::ALL
            .into_iter()
            .filter_map(|purpose| self.purpose_figures(purpose))
            .collect();

        let missing_documents = self
            .expenditures
            .iter()
            .map(|e| e.documents.missing().len() as u32)
            .sum();

        LedgerFigures {
            has_expenditures: !self.expenditures.is_empty(),
            spent,
            not_designated,
            percent: spent.percent_of(base),
            line,
            to_line: line.saturating_sub(spent),
            above_line: spent.saturating_sub(line),
            planned: self.plan.iter().map(|p| p.planned).sum(),
            purposes,
            missing_documents,
            // Any entry marked not designated fails that gate, even one of
            // ¥0.00 (the gate names entries, not sums).
            at_risk: spent < line
                || self.expenditures.iter().any(|e| !e.designated),
        }
    }

    /// Planned against spent for one purpose; `None` when neither.
    fn purpose_figures(&self, purpose: Purpose) -> Option<PurposeFigures> {
        let planned_lines =
            self.plan.iter().filter(|p| p.purpose == purpose).count();
        let spent_lines = self
            .expenditures
            .iter()
            .filter(|e| e.purpose == purpose && e.designated)
            .count();
        if planned_lines == 0 && spent_lines == 0 {
            return None;
        }

        let planned: Money = self
            .plan
            .iter()
            .filter(|p| p.purpose == purpose)
            .map(|p| p.planned)
            .sum();
        let spent: Money = self
            .expenditures
            .iter()
            .filter(|e| e.purpose == purpose && e.designated)
            .map(|e| e.amount)
            .sum();
        Some(PurposeFigures {
            purpose,
            planned,
            spent,
            unspent: planned.saturating_sub(spent),
            over_plan: spent.saturating_sub(planned),
        })
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn spend(
        amount: &str,
        designated: bool,
        documents: Documents,
    ) -> Expenditure {
        Expenditure {
            date: date(2024, 10, 12),
            purpose: Purpose::Facilities,
            description: "购置分类桶".to_string(),
            amount: Money::parse_input(amount).unwrap_or(Money::ZERO),
            designated,
            documents,
            evidence: Default::default(),
        }
    }

    fn figures(ledger: &Ledger) -> LedgerFigures {
        ledger.figures(Money::from_yuan(80_000), Decimal::new(75, 2))
    }

    #[test]
    fn ok_exact_line_passes() {
        let ledger = Ledger {
            plan: vec![],
            expenditures: vec![
                spend("20,000.10", true, Documents::COMPLETE),
                spend("20,000.10", true, Documents::COMPLETE),
                spend("19,999.80", true, Documents::COMPLETE),
            ],
        };
        let f = figures(&ledger);
        assert_eq!(f.spent, Money::from_yuan(60_000));
        assert_eq!(f.to_line, Money::ZERO);
        assert_eq!(f.percent.to_string(), "75.00");
        assert!(!f.at_risk);
    }

    #[test]
    fn ok_one_fen_short_is_at_risk() {
        let ledger = Ledger {
            plan: vec![],
            expenditures: vec![spend("59,999.99", true, Documents::COMPLETE)],
        };
        let f = figures(&ledger);
        assert_eq!(f.to_line, Money::from_fen(1));
        assert_eq!(f.percent.to_string(), "74.99");
        assert!(f.at_risk);
    }

    #[test]
    fn ok_only_designated_counts() {
        let ledger = Ledger {
            plan: vec![PlanLine {
                purpose: Purpose::Facilities,
                planned: Money::from_yuan(70_000),
                note: String::new(),
            }],
            expenditures: vec![
                spend("60,000", true, Documents::default()),
                spend("5,000", false, Documents::COMPLETE),
            ],
        };
        let f = figures(&ledger);
        assert_eq!(f.spent, Money::from_yuan(60_000));
        assert_eq!(f.not_designated, Money::from_yuan(5_000));
        assert_eq!(f.missing_documents, 2);
        assert!(f.at_risk);
        assert_eq!(f.purposes.len(), 1);
        assert_eq!(f.purposes[0].unspent, Money::from_yuan(10_000));
    }

    #[test]
    fn ok_zero_amount_not_designated_is_at_risk() {
        let ledger = Ledger {
            plan: vec![],
            expenditures: vec![
                spend("60,000", true, Documents::COMPLETE),
                spend("0", false, Documents::COMPLETE),
            ],
        };
        let f = figures(&ledger);
        assert!(f.not_designated.is_zero());
        assert!(f.at_risk, "the designated-use gate fails on the entry");
    }

    #[test]
    fn ok_label_names_date_and_description() {
        let e = spend("1", true, Documents::COMPLETE);
        assert_eq!(e.label_zh(), "2024-10-12 购置分类桶");
    }
}
