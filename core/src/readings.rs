//! Every choice made where the notice is silent ("our reading"), as data the
//! app can show to users as assumptions, never as official text.
//!
//! Each entry names the module whose doc comments explain it in full.

use serde::Serialize;

/// One assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// A stable id, e.g. `graded-range`.
    pub id: &'static str,
    /// Where it is implemented, e.g. `score`.
    pub module: &'static str,
    /// The assumption in Chinese, for users.
    pub zh: &'static str,
    /// The same in English.
    pub en: &'static str,
}

impl Reading {
    /// The assumption in `lang`.
    pub fn text(&self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

/// Every assumption, in the order of the rubric.
pub const READINGS: &[Reading] = &[
    Reading {
        id: "whole-points",
        module: "rubric",
        zh: "分值均按整数分计算(2024年细则中所有分值均为整数)。",
        en: "All points are whole numbers (every point value in the 2024 rubric is whole).",
    },
    Reading {
        id: "materials-and-questions",
        module: "rubric::quanzhou_2024",
        zh: "各项“需准备的材料”和填写提问由本工具整理,不是官方原文;第15项的考核方式按材料核查处理(原表该格为合并单元格)。",
        en: "The “materials to prepare” and the questions of each item are this tool's, not official text; item 15's method of checking is taken as a check of materials (a merged cell in the original table).",
    },
    Reading {
        id: "media-kinds",
        module: "rubric::quanzhou_2024",
        zh: "宣传媒介除官方列举的条幅、标语、宣传栏、电子广告屏外,另列宣传海报、折页/手册、文化墙/墙绘、微信公众号/社区微信群供勾选;自行填写的其他媒介(不重复、非空)也计入种类。",
        en: "Besides the official examples (banners, slogans, notice boards, electronic screens), posters, leaflets/brochures, culture walls/murals and WeChat accounts/community groups can be ticked; other media typed in (distinct, non-empty) also count as kinds.",
    },
    Reading {
        id: "graded-range",
        module: "score",
        zh: "“酌情给分”无法计算,由自评人填写预计得分范围;本项得分 = 预计得分 − 固定扣分,最低0分、最高为本项分值,两端分别计算。",
        en: "A part scored “at discretion” (酌情给分) cannot be computed: the assessor enters an estimated range; the item scores the estimate minus fixed deductions, at least 0 and at most the item's maximum, at each end.",
    },
    Reading {
        id: "unanswered",
        module: "score",
        zh: "未填写的内容按两端估计:低端按最不利(未达标、扣分足以扣完本项),高端按最有利;整项未填写的显示为“未评估”,按0至满分计,不会默认满分或0分。",
        en: "Unanswered facts are estimated at both ends: the low end assumes the worst, the high end the best; a wholly unanswered item shows as “not assessed” and counts from 0 to full marks, never full marks or 0 by default.",
    },
    Reading {
        id: "falsified-mark",
        module: "score",
        zh: "弄虚作假由检查组认定;自评时可标记某项,以查看该项计0分的影响。",
        en: "Falsification (弄虚作假) is decided by the inspectors; in a self-check an item can be marked to see the effect of it scoring 0.",
    },
    Reading {
        id: "funding-plan-facts",
        module: "score::rules",
        zh: "第2项“已制定资金使用计划”“使用计划已落实”由自评人判断填写;佐证材料按支出台账中每笔支出的转账凭证、支付凭证/发票逐项计算,未录入任何支出时视为未填写。",
        en: "Item 2's “plan made” and “plan carried out” are the assessor's judgement; supporting documents are counted per expenditure in the ledger (transfer voucher, payment voucher/invoice); with no expenditure entered they count as unanswered.",
    },
    Reading {
        id: "campaign-months",
        module: "months",
        zh: "按月考核的月份取实施方案“推开实施阶段”的2024年10月至12月,共3个月。",
        en: "Monthly duties cover October to December 2024, the implementation stage of the plan: 3 months.",
    },
    Reading {
        id: "pending-months",
        module: "months",
        zh: "评估日期时尚未结束的月份视为“待完成”,不算缺少;某月自次月1日起才算结束。",
        en: "A month not yet ended on the assessment date is “pending”, not missing; a month ends on the 1st of the next month.",
    },
    Reading {
        id: "meeting-month",
        module: "months",
        zh: "联席会按召开日期所在月份计;同月多次只计一次;晚于评估日期或不在创建月份内的记录不计入并提示。",
        en: "A joint meeting counts in the month it was held; several in one month count once; records after the assessment date or outside the campaign months do not count and are pointed out.",
    },
    Reading {
        id: "late-reports",
        module: "months",
        zh: "信息须在所报月份25日前报送;25日后报送的为迟报,低端按缺报扣分,高端按已报送计。当月已过25日仍未报送、但该月未结束的,计分上仍按待完成,提示尽快补报。",
        en: "Reports are due by the 25th of their month; one sent later is late: missing at the low end, sent at the high end. A month past the 25th but not yet ended still scores as pending, with a prompt to send soon.",
    },
    Reading {
        id: "none-held",
        module: "score::rules",
        zh: "“未召开/未报送的不得分”仅在至少一个月已结束且全程一次也没有时适用;迟报的信息算作已报送。",
        en: "“None held / none sent scores 0” applies only once at least one month has ended and none was held at all; late reports count as sent.",
    },
    Reading {
        id: "place-one-finding",
        module: "score::rules",
        zh: "场所未按使用场景配备分类设施的,每个场所计1处(即使缺少多种容器)。",
        en: "A place without the sorting facilities its use requires counts as one finding, even if several containers are missing.",
    },
    Reading {
        id: "bonus-claimed",
        module: "score::gates",
        zh: "加分项未填写的按0计;超出封顶的部分单独显示。",
        en: "Unanswered bonus items count as 0; points above the cap are shown separately.",
    },
    Reading {
        id: "designated-only",
        module: "ledger",
        zh: "只有标记为“专款专用”的支出计入实际支出;任何一笔未专款专用即视为考核不通过,并列出该笔支出。",
        en: "Only expenditures marked as designated use (专款专用) count as spent; any one expenditure not for its designated use fails the assessment and is listed.",
    },
    Reading {
        id: "gates-as-of",
        module: "score::gates",
        zh: "资金门槛按评估日期时的台账判断(正式以验收检查时为准);未录入任何支出时两项门槛显示为“未评估”。",
        en: "The funding gates are judged on the ledger as of the assessment date (officially at the acceptance inspection); with no expenditure entered both gates show as “not assessed”.",
    },
    Reading {
        id: "spending-line",
        module: "money",
        zh: "75%线为 ¥60,000.00,精确到分,不四舍五入;支出比例向下取两位小数显示(如74.99%不会显示为75%)。",
        en: "The 75% line is ¥60,000.00, exact to the fen, never rounded; the spending share is shown rounded down to two decimals (74.99% never shows as 75%).",
    },
    Reading {
        id: "rank-by-low",
        module: "cohort",
        zh: "排名按各社区总分范围的低端(有把握得到的分数)从高到低,同分并列(如1、2、2、4名)。",
        en: "Communities are ranked by the low end of their total range (the points they can count on), highest first; equal scores share a rank (1, 2, 2, 4).",
    },
    Reading {
        id: "overlap-undecided",
        module: "cohort",
        zh: "两个社区的总分范围有重叠、且按低端排名分属不同星级的(如99分与98–100分跨五星与四星),名次可能互换,两者都标记为“未定”、由人工确定;表中的星级和追加补助仍按低端排名显示。",
        en: "When two communities' total ranges overlap and their low-end ranks fall in different tiers (e.g. 99 and 98–100 across five and four stars), their places may swap: both are marked “undecided” for a person to settle; the table still shows tiers and extra subsidy by the low-end rank.",
    },
    Reading {
        id: "ties-at-boundary",
        module: "cohort",
        zh: "同分且跨越星级名额分界的,标记为并列、由人工确定,不自动打破;这些社区的追加补助暂不确定,但总金额因名额固定仍可计算。",
        en: "Equal scores across a tier's quota boundary are marked as tied for a person to settle, never broken automatically; their extra subsidy is open, but the total is known since quotas are fixed.",
    },
    Reading {
        id: "failed-no-slot",
        module: "cohort",
        zh: "考核不通过的社区不参与排名、不评星级,但按总分(低端)仍排在原来的位置:该位置的名额留空,显示为所在星级的空缺名额,不顺延给他人,排在其后的社区不前移。与其同分的社区排在它前面(空缺名额是这组同分位置的最后一个)。基础补助仍按每个已载入的社区计算,考核不通过的也计入;空缺名额没有追加补助。",
        en: "A community that fails the assessment is neither ranked nor starred, but keeps its place by total (low end): that slot of its tier stays empty, is not passed to others, and those below do not move up. Communities with the same score rank ahead of it. The base subsidy is still counted for every loaded community, failed ones included; an empty slot gets no extra subsidy.",
    },
    Reading {
        id: "provisional",
        module: "cohort",
        zh: "尚未录入支出(门槛未评估)的社区照常排名,但标记为暂定。",
        en: "Communities with no expenditure entered (gates not assessed) are ranked as usual but marked provisional.",
    },
    Reading {
        id: "likely-tier",
        module: "cohort",
        zh: "单个社区无法知道自己的名次:有已载入的其他社区结果时,按低端和高端分别与其他社区的低端比较;有输入的分数线时按分数线判断;都没有时只说明各星级需要的名次,不会凭空设定分数线。",
        en: "A single community cannot know its rank: with other communities' results loaded, its low and high ends are compared with their low ends; with cut lines entered, the lines decide; with neither, only the rank each tier needs is stated, no cut line is invented.",
    },
];

/// Every assumption, in the order of the rubric.
pub fn our_readings() -> &'static [Reading] {
    READINGS
}

/// The ids of the assumptions behind a cohort's ranking, tiers and money
/// (the district page's note).
pub const RANKING_READINGS: &[&str] = &[
    "rank-by-low",
    "overlap-undecided",
    "ties-at-boundary",
    "failed-no-slot",
    "provisional",
];

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn ok_ids_unique_and_modules_real() {
        let ids: BTreeSet<&str> = READINGS.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), READINGS.len());

        let modules = [
            "rubric",
            "rubric::quanzhou_2024",
            "score",
            "score::rules",
            "score::gates",
            "months",
            "ledger",
            "money",
            "cohort",
        ];
        for reading in READINGS {
            assert!(modules.contains(&reading.module), "{}", reading.id);
            assert!(!reading.zh.is_empty());
            assert!(!reading.en.is_empty(), "{}", reading.id);
        }
        for id in RANKING_READINGS {
            assert!(ids.contains(id), "{id}");
        }
    }
}
