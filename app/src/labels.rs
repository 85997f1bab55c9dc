//! The words the app shows for the core's states, in either language.
//! Presentation only: which state applies is always the core's decision.

use starcheck_core::{GateState, ItemStatus, Lang, MonthState};

use crate::date::date_zh;

/// 未评估 / 部分填写 / 已评估 / 弄虚作假.
pub fn item_status(status: ItemStatus, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return match status {
            ItemStatus::NotAssessed => "Not assessed",
            ItemStatus::Partial => "Partly filled in",
            ItemStatus::Assessed => "Assessed",
            ItemStatus::Falsified => "Falsified (弄虚作假)",
        };
    }
    match status {
        ItemStatus::NotAssessed => "未评估",
        ItemStatus::Partial => "部分填写",
        ItemStatus::Assessed => "已评估",
        ItemStatus::Falsified => "弄虚作假",
    }
}

/// A stable name of a status for attributes and the stylesheet.
pub fn item_status_key(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::NotAssessed => "not-assessed",
        ItemStatus::Partial => "partial",
        ItemStatus::Assessed => "assessed",
        ItemStatus::Falsified => "falsified",
    }
}

/// 通过 / 不通过 / 未评估: words beside the colour, never colour alone.
pub fn gate_state(state: GateState, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return match state {
            GateState::Pass => "Passed",
            GateState::Fail => "Failed (不通过)",
            GateState::NotAssessed => "Not assessed",
        };
    }
    match state {
        GateState::Pass => "通过",
        GateState::Fail => "不通过",
        GateState::NotAssessed => "未评估",
    }
}

/// A stable name of a gate state for attributes and the stylesheet.
pub fn gate_state_key(state: GateState) -> &'static str {
    match state {
        GateState::Pass => "pass",
        GateState::Fail => "fail",
        GateState::NotAssessed => "not-assessed",
    }
}

/// How one month of a monthly duty stands, e.g. `已完成(10月15日)`.
pub fn month_state(state: MonthState, lang: Lang) -> String {
    if lang == Lang::En {
        return match state {
            MonthState::Done { on } => format!("Done ({on})"),
            MonthState::Late { on } => {
                format!("Sent late ({on}; counted as missing at the low end)")
            }
            MonthState::Missing => "Missing".to_string(),
            MonthState::Pending => {
                "Pending (the month has not ended)".to_string()
            }
            MonthState::Overdue => "Past the due day, not yet sent".to_string(),
        };
    }
    match state {
        MonthState::Done { on } => format!("已完成({})", short_date(on)),
        MonthState::Late { on } => {
            format!("逾期报送({},下限按缺报计)", short_date(on))
        }
        MonthState::Missing => "缺少".to_string(),
        MonthState::Pending => "待完成(本月未结束)".to_string(),
        MonthState::Overdue => "已过报送截止日,尚未报送".to_string(),
    }
}

/// A stable name of a month state for attributes and the stylesheet.
pub fn month_state_key(state: MonthState) -> &'static str {
    match state {
        MonthState::Done { .. } => "done",
        MonthState::Late { .. } => "late",
        MonthState::Missing => "missing",
        MonthState::Pending => "pending",
        MonthState::Overdue => "overdue",
    }
}

fn short_date(date: jiff::civil::Date) -> String {
    let long = date_zh(date);
    // Drop the year: the campaign lies within one year.
    long.split_once('年').map(|(_, rest)| rest.to_string()).unwrap_or(long)
}
