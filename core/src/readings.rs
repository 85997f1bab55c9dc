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
}

/// Every assumption, in the order of the rubric.
pub const READINGS: &[Reading] = &[
    Reading {
        id: "whole-points",
        module: "rubric",
        zh: "分值均按整数分计算(2024年细则中所有分值均为整数)。",
    },
    Reading {
        id: "materials-and-questions",
        module: "rubric::quanzhou_2024",
        zh: "各项“需准备的材料”和填写提问由本工具整理,不是官方原文;第15项的考核方式按材料核查处理(原表该格为合并单元格)。",
    },
    Reading {
        id: "media-kinds",
        module: "rubric::quanzhou_2024",
        zh: "宣传媒介除官方列举的条幅、标语、宣传栏、电子广告屏外,另列宣传海报、折页/手册、文化墙/墙绘、微信公众号/社区微信群供勾选;自行填写的其他媒介(不重复、非空)也计入种类。",
    },
    Reading {
        id: "graded-range",
        module: "score",
        zh: "“酌情给分”无法计算,由自评人填写预计得分范围;本项得分 = 预计得分 − 固定扣分,最低0分、最高为本项分值,两端分别计算。",
    },
    Reading {
        id: "unanswered",
        module: "score",
        zh: "未填写的内容按两端估计:低端按最不利(未达标、扣分足以扣完本项),高端按最有利;整项未填写的显示为“未评估”,按0至满分计,不会默认满分或0分。",
    },
    Reading {
        id: "falsified-mark",
        module: "score",
        zh: "弄虚作假由检查组认定;自评时可标记某项,以查看该项计0分的影响。",
    },
    Reading {
        id: "funding-plan-facts",
        module: "score::rules",
        zh: "第2项“已制定资金使用计划”“使用计划已落实”由自评人判断填写;佐证材料按支出台账中每笔支出的转账凭证、支付凭证/发票逐项计算,未录入任何支出时视为未填写。",
    },
    Reading {
        id: "campaign-months",
        module: "months",
        zh: "按月考核的月份取实施方案“推开实施阶段”的2024年10月至12月,共3个月。",
    },
    Reading {
        id: "pending-months",
        module: "months",
        zh: "评估日期时尚未结束的月份视为“待完成”,不算缺少;某月自次月1日起才算结束。",
    },
    Reading {
        id: "meeting-month",
        module: "months",
        zh: "联席会按召开日期所在月份计;同月多次只计一次;晚于评估日期或不在创建月份内的记录不计入并提示。",
    },
    Reading {
        id: "late-reports",
        module: "months",
        zh: "信息须在所报月份25日前报送;25日后报送的为迟报,低端按缺报扣分,高端按已报送计。当月已过25日仍未报送、但该月未结束的,计分上仍按待完成,提示尽快补报。",
    },
    Reading {
        id: "none-held",
        module: "score::rules",
        zh: "“未召开/未报送的不得分”仅在至少一个月已结束且全程一次也没有时适用;迟报的信息算作已报送。",
    },
    Reading {
        id: "place-one-finding",
        module: "score::rules",
        zh: "场所未按使用场景配备分类设施的,每个场所计1处(即使缺少多种容器)。",
    },
    Reading {
        id: "bonus-claimed",
        module: "score::gates",
        zh: "加分项未填写的按0计;超出封顶的部分单独显示。",
    },
    Reading {
        id: "designated-only",
        module: "ledger",
        zh: "只有标记为“专款专用”的支出计入实际支出;任何一笔未专款专用即视为考核不通过,并列出该笔支出。",
    },
    Reading {
        id: "gates-as-of",
        module: "score::gates",
        zh: "资金门槛按评估日期时的台账判断(正式以验收检查时为准);未录入任何支出时两项门槛显示为“未评估”。",
    },
    Reading {
        id: "spending-line",
        module: "money",
        zh: "75%线为 ¥60,000.00,精确到分,不四舍五入;支出比例向下取两位小数显示(如74.99%不会显示为75%)。",
    },
    Reading {
        id: "rank-by-low",
        module: "cohort",
        zh: "排名按各社区总分范围的低端(有把握得到的分数)从高到低,同分并列(如1、2、2、4名)。",
    },
    Reading {
        id: "overlap-undecided",
        module: "cohort",
        zh: "两个社区的总分范围有重叠、且按低端排名分属不同星级的(如99分与98–100分跨五星与四星),名次可能互换,两者都标记为“未定”、由人工确定;表中的星级和追加补助仍按低端排名显示。",
    },
    Reading {
        id: "ties-at-boundary",
        module: "cohort",
        zh: "同分且跨越星级名额分界的,标记为并列、由人工确定,不自动打破;这些社区的追加补助暂不确定,但总金额因名额固定仍可计算。",
    },
    Reading {
        id: "failed-no-slot",
        module: "cohort",
        zh: "考核不通过的社区不参与排名、不评星级,但按总分(低端)仍排在原来的位置:该位置的名额留空,显示为所在星级的空缺名额,不顺延给他人,排在其后的社区不前移。与其同分的社区排在它前面(空缺名额是这组同分位置的最后一个)。基础补助仍按每个已载入的社区计算,考核不通过的也计入;空缺名额没有追加补助。",
    },
    Reading {
        id: "provisional",
        module: "cohort",
        zh: "尚未录入支出(门槛未评估)的社区照常排名,但标记为暂定。",
    },
    Reading {
        id: "likely-tier",
        module: "cohort",
        zh: "单个社区无法知道自己的名次:有已载入的其他社区结果时,按低端和高端分别与其他社区的低端比较;有输入的分数线时按分数线判断;都没有时只说明各星级需要的名次,不会凭空设定分数线。",
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
        }
        for id in RANKING_READINGS {
            assert!(ids.contains(id), "{id}");
        }
    }
}
