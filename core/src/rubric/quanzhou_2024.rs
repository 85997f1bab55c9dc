//! The built-in rubric: Attachment 2 of the Quanzhou City Urban Management
//! Bureau notice 泉城管〔2024〕120号 (third batch of "党建+" 邻里中心垃圾分类星级
//! 社区), with the official wording verbatim.
//!
//! Verbatim means as published on the notice's web page (ASCII commas and
//! parentheses included); the one change is that item 2's first bullet,
//! broken over two lines on the page, is joined into one line. Item 14's
//! title keeps the page's own wording (工作收到肯定或表扬). The materials lists,
//! the questions, the extra media kinds beyond the four official examples
//! and the 考核方式 of item 15 (a merged cell on the page) are our reading.

use rust_decimal::Decimal;

use super::{
    BonusItem, BonusPart, Category, Container, EntryMaterials,
    EquipmentRequirement, Gates, Item, Method, Penalty, RubricData, Rule,
    Schedule, Tier,
};
use crate::money::Money;
use crate::months::YearMonth;

/// The rubric's id, stable across versions.
pub const ID: &str = "quanzhou-2024-batch3";

fn s(text: &str) -> String {
    text.to_string()
}

fn list(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

fn required(id: &str, wording: &str, question: &str) -> Rule {
    Rule::RequiredOrZero {
        id: s(id),
        wording: s(wording),
        question: s(question),
    }
}

fn fixed(id: &str, wording: &str, question: &str, points: u32) -> Rule {
    Rule::FixedDeduction {
        id: s(id),
        wording: s(wording),
        question: s(question),
        points,
    }
}

fn per_finding(id: &str, wording: &str, question: &str) -> Rule {
    Rule::PerFinding {
        id: s(id),
        wording: s(wording),
        question: s(question),
        points_each: 2,
    }
}

fn graded(id: &str, wording: &str, question: &str) -> Rule {
    Rule::Graded { id: s(id), wording: s(wording), question: s(question) }
}

fn monthly(
    id: &str,
    wording: &str,
    question: &str,
    schedule: Schedule,
) -> Rule {
    Rule::PerMissingMonth {
        id: s(id),
        wording: s(wording),
        question: s(question),
        points_each: 2,
        schedule,
        zero_if_none: true,
    }
}

/// One scored item; `methods` and `materials` as given.
struct Row<'a> {
    number: u32,
    category: &'a str,
    title: &'a str,
    requirement: &'a str,
    rule_lines: &'a [&'a str],
    max: u32,
    methods: &'a [Method],
    materials: &'a [&'a str],
}

impl Row<'_> {
    fn with(self, rules: Vec<Rule>) -> Item {
        Item {
            number: self.number,
            category: s(self.category),
            title: s(self.title),
            requirement: s(self.requirement),
            rule_lines: list(self.rule_lines),
            max: self.max,
            methods: self.methods.to_vec(),
            materials: list(self.materials),
            rules,
        }
    }
}

const MATERIAL: &[Method] = &[Method::MaterialCheck];
const SITE: &[Method] = &[Method::SiteCheck];
const BOTH: &[Method] = &[Method::MaterialCheck, Method::SiteCheck];

const SYSTEM: &str = "体制机制";
const FACILITIES: &str = "设施配套";
const MOBILISING: &str = "组织动员";
const PUBLICITY: &str = "宣传工作";

/// The rubric's data, in the notice's order.
pub(super) fn data() -> RubricData {
    RubricData {
        id: s(ID),
        version: 1,
        title: s("“党建+”邻里中心垃圾分类星级社区创建考评细则"),
        source: s("泉州市城市管理局 泉城管〔2024〕120号 附件2"),
        campaign_months: (10..=12)
            .filter_map(|month| YearMonth::new(2024, month).ok())
            .collect(),
        report_due_day: 25,
        categories: vec![
            Category { name: s(SYSTEM), max: 35 },
            Category { name: s(FACILITIES), max: 30 },
            Category { name: s(MOBILISING), max: 20 },
            Category { name: s(PUBLICITY), max: 15 },
        ],
        items: items(),
        bonus_items: bonus_items(),
        falsification: Penalty {
            number: 16,
            wording: s("发现弄虚作假的扣除相应考核项分数"),
        },
        gates: Gates {
            number: 17,
            designated_use_wording: s("补助资金未专款专用的,视为考核不通过"),
            spending_wording: s(
                "验收检查时基础补助资金实际支出低于75%的,视为考核不通过",
            ),
            spending_ratio: Decimal::new(75, 2),
        },
        base_subsidy: Money::from_yuan(80_000),
        tiers: vec![
            Tier {
                name: s("五星"),
                stars: 5,
                quota: 2,
                extra: Money::from_yuan(120_000),
            },
            Tier {
                name: s("四星"),
                stars: 4,
                quota: 8,
                extra: Money::from_yuan(20_000),
            },
            Tier { name: s("三星"), stars: 3, quota: 10, extra: Money::ZERO },
        ],
        // Per entry: minutes and sign-in sheet of each meeting, the report
        // itself and proof of sending, and the two vouchers the notice
        // names for funding (资金使用佐证材料(含转账、支付相关凭证)).
        entry_materials: EntryMaterials {
            meeting: list(&["会议记录", "签到表"]),
            report: list(&["信息材料", "报送记录"]),
            expenditure: list(&["转账凭证", "支付凭证/发票"]),
        },
    }
}

fn items() -> Vec<Item> {
    let mut items = system_items();
    items.extend(facility_items());
    items.extend(mobilising_items());
    items.extend(publicity_items());
    items
}

fn system_items() -> Vec<Item> {
    vec![
        Row {
            number: 1,
            category: SYSTEM,
            title: "创建方案并有效执行",
            requirement: "制定“党建+”邻里中心垃圾分类星级社区创建方案,并有效执行",
            rule_lines: &[
                "未制定工作方案不得分",
                "根据工作方案执行情况酌情给分",
            ],
            max: 5,
            methods: MATERIAL,
            materials: &["创建方案", "方案执行工作台账", "现场照片"],
        }
        .with(vec![
            required(
                "plan",
                "未制定工作方案不得分",
                "是否已制定“党建+”邻里中心垃圾分类星级社区创建方案?",
            ),
            graded(
                "execution",
                "根据工作方案执行情况酌情给分",
                "按方案执行情况,预计本项可得几分?",
            ),
        ]),
        Row {
            number: 2,
            category: SYSTEM,
            title: "资金投入保障机制",
            requirement: "建立资金投入保障机制",
            rule_lines: &[
                "未制定“党建+”邻里中心垃圾分类星级社区创建资金使用计划的不得分",
                "使用计划未落实的扣8分",
                "资金使用佐证材料(含转账、支付相关凭证)不齐全的,每少1项扣2分",
            ],
            max: 10,
            methods: MATERIAL,
            materials: &[
                "资金使用计划",
                "资金支出台账",
                "转账凭证",
                "支付凭证/发票",
                "采购合同或验收单",
            ],
        }
        .with(vec![
            required(
                "funding_plan",
                "未制定“党建+”邻里中心垃圾分类星级社区创建资金使用计划的不得分",
                "是否已制定创建资金使用计划?",
            ),
            fixed(
                "plan_carried_out",
                "使用计划未落实的扣8分",
                "资金使用计划是否已按计划落实?",
                8,
            ),
            Rule::LedgerDocuments {
                id: s("documents"),
                wording: s(
                    "资金使用佐证材料(含转账、支付相关凭证)不齐全的,每少1项扣2分",
                ),
                question: s("每笔支出的转账凭证、支付凭证/发票是否齐全?"),
                points_each: 2,
            },
        ]),
        Row {
            number: 3,
            category: SYSTEM,
            title: "纳入邻里中心功能布局",
            requirement: "将垃圾分类纳入“党建+”邻里中心功能布局(将生活垃圾分类纳入“党建+”邻里中心“1+6+X”模式中“X”的组成部分,并具体提供服务)",
            rule_lines: &["根据将垃圾分类纳入“党建+”邻里中心功能布局情况酌情给分"],
            max: 5,
            methods: SITE,
            materials: &["邻里中心功能布局图", "垃圾分类服务场所与服务记录", "现场照片"],
        }
        .with(vec![graded(
            "layout",
            "根据将垃圾分类纳入“党建+”邻里中心功能布局情况酌情给分",
            "垃圾分类纳入邻里中心“1+6+X”布局并提供服务的情况,预计本项可得几分?",
        )]),
        Row {
            number: 4,
            category: SYSTEM,
            title: "党员带头工作队伍与联络员",
            requirement: "组建党员带头开展垃圾分类工作队伍,指定该项工作联络员(成立社区垃圾分类工作小组,将辖区学校、老人协会、共建单位、社区报到在职党员、公益团体组织、志愿者、热心群众等各种力量吸纳进工作组)。",
            rule_lines: &["未成立工作队伍不得分", "未指定联络员或联络员未履职扣2分"],
            max: 5,
            methods: MATERIAL,
            materials: &["工作小组成立文件及成员名单", "联络员指定文件", "联络员工作记录"],
        }
        .with(vec![
            required(
                "team",
                "未成立工作队伍不得分",
                "是否已成立党员带头的垃圾分类工作队伍(工作小组)?",
            ),
            fixed(
                "liaison",
                "未指定联络员或联络员未履职扣2分",
                "是否已指定联络员,且联络员正常履职?",
                2,
            ),
        ]),
        Row {
            number: 5,
            category: SYSTEM,
            title: "垃圾分类工作联席会",
            requirement: "定期召开由社区党组织、小区党支部、物业企业负责人、业委会(业主代表)共同参加的垃圾分类工作联席会,研究垃圾分类工作(每月社区“党建+”邻里中心开展不少于一次的垃圾分类工作动员、恳谈、交流分享会)",
            rule_lines: &[
                "未组织召开垃圾分类工作联席会议的不得分",
                "未定期召开会议的每少1次扣2分",
            ],
            max: 10,
            methods: MATERIAL,
            materials: &["每月联席会会议纪要", "签到表", "会议照片"],
        }
        .with(vec![monthly(
            "meetings",
            "未组织召开垃圾分类工作联席会议的不得分\n未定期召开会议的每少1次扣2分",
            "每月召开的垃圾分类工作联席会(日期)有哪些?",
            Schedule::Meetings,
        )]),
    ]
}

fn facility_items() -> Vec<Item> {
    vec![
        Row {
            number: 6,
            category: FACILITIES,
            title: "四分类投放点与收集容器",
            requirement: "“党建+”邻里中心按照《泉州市生活垃圾分类设施设备配置规范(试行)》(泉分类办〔2019〕25号)要求设置分类投放点,配置分类收集容器,并保持投放点和收集容器完好、整洁,标识清晰准确。",
            rule_lines: &[
                "未配备生活垃圾四分类设施的不得分",
                "未根据使用场景正确配备套分类设施的,每发现1处扣2分(例如设有邻里食堂或共享厨房的场所应配备厨余垃圾收集容器,设有快递智能设备的场所应配备可回收物收集容器等)",
                "生活垃圾四分类设施标识模糊不清、出现错误的,每发现1处扣2分",
                "生活垃圾四分类收集容器外观不整洁、有残缺破损的,每发现1处扣2分",
            ],
            max: 5,
            methods: SITE,
            materials: &["投放点清单及位置图", "各投放点收集容器现场照片", "分类标识现场照片"],
        }
        .with(vec![
            required(
                "four_category_set",
                "未配备生活垃圾四分类设施的不得分",
                "是否配备了生活垃圾四分类设施(可回收物、有害垃圾、厨余垃圾、其他垃圾)?",
            ),
            Rule::PlaceEquipment {
                id: s("wrong_equipment"),
                wording: s("未根据使用场景正确配备套分类设施的,每发现1处扣2分(例如设有邻里食堂或共享厨房的场所应配备厨余垃圾收集容器,设有快递智能设备的场所应配备可回收物收集容器等)"),
                question: s("各场所有哪些设施(邻里食堂/共享厨房、快递智能设备),配了哪些收集容器?"),
                points_each: 2,
                requirements: vec![
                    EquipmentRequirement {
                        feature: s("canteen"),
                        feature_label: s("邻里食堂或共享厨房"),
                        container: Container::Kitchen,
                    },
                    EquipmentRequirement {
                        feature: s("parcel_lockers"),
                        feature_label: s("快递智能设备"),
                        container: Container::Recyclable,
                    },
                ],
            },
            per_finding(
                "labels",
                "生活垃圾四分类设施标识模糊不清、出现错误的,每发现1处扣2分",
                "有几处分类标识模糊不清或出现错误?",
            ),
            per_finding(
                "containers",
                "生活垃圾四分类收集容器外观不整洁、有残缺破损的,每发现1处扣2分",
                "有几个收集容器外观不整洁或残缺破损?",
            ),
        ]),
        Row {
            number: 7,
            category: FACILITIES,
            title: "便民服务点与党员志愿者值班",
            requirement: "设置垃圾分类便民服务点,建立党员志愿者值班制度,为居民提供垃圾分类宣传答疑、意见反馈、可回收物兑换、有害垃圾暂存等垃圾分类便民服务。",
            rule_lines: &[
                "未设置垃圾分类便民服务点的不得分",
                "未建立党员志愿者值班制度扣4分",
                "根据便民服务点实际运行使用情况酌情给分",
            ],
            max: 10,
            methods: BOTH,
            materials: &["便民服务点现场照片", "党员志愿者值班表", "便民服务台账(答疑、兑换、暂存记录)"],
        }
        .with(vec![
            required(
                "service_point",
                "未设置垃圾分类便民服务点的不得分",
                "是否设置了垃圾分类便民服务点?",
            ),
            fixed(
                "duty_roster",
                "未建立党员志愿者值班制度扣4分",
                "是否建立了党员志愿者值班制度(有值班表)?",
                4,
            ),
            graded(
                "operation",
                "根据便民服务点实际运行使用情况酌情给分",
                "按便民服务点实际运行使用情况,预计本项可得几分?",
            ),
        ]),
        Row {
            number: 8,
            category: FACILITIES,
            title: "科普教育基地与定期宣教活动",
            requirement: "建设垃圾分类科普教育基地\n结合社区特点,建设社区垃圾分类科普教育基地,并依托科普教育基地定期开展宣教活动。",
            rule_lines: &[
                "未建设社区垃圾分类科普教育基地的不得分(社区垃圾分类科普教育基地包含多种形式,如具备图书资料、实物展示、多媒体展示、游戏互动等多种功能分区的科普体验馆,具备垃圾分类知识长廊、游戏区、互动景墙、运动场、废旧物改造利用景观小品等多种元素的口袋公园、休闲场地等。)",
                "未定期开展宣教活动的扣5分",
                "根据社区垃圾分类科普教育基地建设情况酌情给分",
            ],
            max: 15,
            methods: BOTH,
            materials: &["科普教育基地现场照片及功能分区说明", "宣教活动方案、签到表与照片"],
        }
        .with(vec![
            required(
                "science_base",
                "未建设社区垃圾分类科普教育基地的不得分(社区垃圾分类科普教育基地包含多种形式,如具备图书资料、实物展示、多媒体展示、游戏互动等多种功能分区的科普体验馆,具备垃圾分类知识长廊、游戏区、互动景墙、运动场、废旧物改造利用景观小品等多种元素的口袋公园、休闲场地等。)",
                "是否已建成社区垃圾分类科普教育基地(科普体验馆、口袋公园等)?",
            ),
            fixed(
                "activities",
                "未定期开展宣教活动的扣5分",
                "是否依托基地定期开展宣教活动?",
                5,
            ),
            graded(
                "base_quality",
                "根据社区垃圾分类科普教育基地建设情况酌情给分",
                "按科普教育基地建设情况,预计本项可得几分?",
            ),
        ]),
    ]
}

fn mobilising_items() -> Vec<Item> {
    vec![
        Row {
            number: 9,
            category: MOBILISING,
            title: "党员干部带头分类",
            requirement: "社区党员干部带头,自觉开展生活垃圾分类投放,并带动身边人积极参与。(社区党组织通过设置党员示范岗、党员责任区等,发动党员主动担当作为,积极履行垃圾分类宣传、投放情况巡查、不文明行为劝导等职责)",
            rule_lines: &["根据党员干部参与垃圾分类以及发动、引导情况酌情给分"],
            max: 5,
            methods: MATERIAL,
            materials: &["党员示范岗、党员责任区设置材料", "党员参与记录与照片"],
        }
        .with(vec![graded(
            "participation",
            "根据党员干部参与垃圾分类以及发动、引导情况酌情给分",
            "按党员干部参与及发动、引导情况,预计本项可得几分?",
        )]),
        Row {
            number: 10,
            category: MOBILISING,
            title: "楼栋长、网格员与收集-办理-反馈机制",
            requirement: "组建以党员干部为主体的小区垃圾分类楼栋长、兼职网格员队伍,听取群众意见,同时社区党组织建立收集、办理、反馈机制,解决居民合理诉求。",
            rule_lines: &["未建立听取群众意见制度的不得分", "根据解决居民合理诉求情况酌情给分"],
            max: 5,
            methods: MATERIAL,
            materials: &["楼栋长、兼职网格员名单", "群众意见收集、办理、反馈台账"],
        }
        .with(vec![
            required(
                "feedback_system",
                "未建立听取群众意见制度的不得分",
                "是否建立了听取群众意见的制度(收集、办理、反馈机制)?",
            ),
            graded(
                "requests_resolved",
                "根据解决居民合理诉求情况酌情给分",
                "按解决居民合理诉求情况,预计本项可得几分?",
            ),
        ]),
        Row {
            number: 11,
            category: MOBILISING,
            title: "入户宣传、桶边督导等志愿服务",
            requirement: "定期组织党员干部开展垃圾分类入户宣传、桶边督导、知识培训、“群众接待日”和社区宣传活动等志愿服务、公益活动,有效服务群众。",
            rule_lines: &[
                "未开展志愿服务、公益活动等不得分",
                "根据活动开展情况(频次、形式内容)酌情给分",
            ],
            max: 10,
            methods: MATERIAL,
            materials: &["志愿服务活动记录(入户宣传、桶边督导等)", "活动签到表与照片"],
        }
        .with(vec![
            required(
                "volunteering",
                "未开展志愿服务、公益活动等不得分",
                "是否开展了垃圾分类志愿服务、公益活动?",
            ),
            graded(
                "activity_level",
                "根据活动开展情况(频次、形式内容)酌情给分",
                "按活动频次、形式内容,预计本项可得几分?",
            ),
        ]),
    ]
}

fn publicity_items() -> Vec<Item> {
    vec![
        Row {
            number: 12,
            category: PUBLICITY,
            title: "宣传媒介",
            requirement: "充分利用条幅、标语、宣传栏、电子广告屏等媒介,广泛宣传生活垃圾分类。",
            rule_lines: &[
                "宣传媒介至少4种,每少1种扣2分",
                "宣传内容(含分类标识)等不符合泉州市规范的,每发现1处扣2分",
            ],
            max: 10,
            methods: SITE,
            materials: &["条幅、标语、宣传栏、电子广告屏等现场照片", "宣传内容样稿"],
        }
        .with(vec![
            Rule::KindsShort {
                id: s("media_kinds"),
                wording: s("宣传媒介至少4种,每少1种扣2分"),
                question: s("正在使用哪些宣传媒介?"),
                minimum: 4,
                points_each: 2,
                kinds: list(&[
                    "条幅",
                    "标语",
                    "宣传栏",
                    "电子广告屏",
                    "宣传海报",
                    "宣传折页/手册",
                    "文化墙/墙绘",
                    "微信公众号/社区微信群",
                ]),
            },
            per_finding(
                "nonconforming",
                "宣传内容(含分类标识)等不符合泉州市规范的,每发现1处扣2分",
                "有几处宣传内容(含分类标识)不符合泉州市规范?",
            ),
        ]),
        Row {
            number: 13,
            category: PUBLICITY,
            title: "每月报送信息",
            requirement: "建立信息报送机制。“党建+”邻里中心垃圾分类星级社区每月向区垃分办报送“党建+”邻里中心垃圾分类工作中的好经验、好做法。",
            rule_lines: &["未报送信息材料的不得分", "未定期报送信息材料的每少1次扣2分"],
            max: 5,
            methods: MATERIAL,
            materials: &["每月报送的信息材料", "报送记录(日期、接收单位)"],
        }
        .with(vec![monthly(
            "reports",
            "未报送信息材料的不得分\n未定期报送信息材料的每少1次扣2分",
            "每月向区垃分办报送信息的月份和报送日期?",
            Schedule::Reports,
        )]),
    ]
}

fn bonus_items() -> Vec<BonusItem> {
    vec![
        BonusItem {
            number: 14,
            title: s("工作收到肯定或表扬"),
            parts: vec![
                BonusPart {
                    id: s("commendations"),
                    label: s("表扬批示"),
                    wording: s(
                        "创新经验或典型做法等受到市级及以上领导或相关部门表扬批示等,每篇得2分",
                    ),
                    points_each: 2,
                },
                BonusPart {
                    id: s("media_reports"),
                    label: s("媒体报道或信息被采用"),
                    wording: s(
                        "在市级以上主流媒体刊登报道或者信息材料被市垃圾分类办采用的每篇得1分",
                    ),
                    points_each: 1,
                },
            ],
            cap: 5,
            methods: MATERIAL.to_vec(),
        },
        BonusItem {
            number: 15,
            title: s("示范经验推广"),
            parts: vec![BonusPart {
                id: s("hosted_meetings"),
                label: s("承办现场会、观摩会"),
                wording: s("承办市级及以上的垃圾分类现场会、观摩会,每次得2分"),
                points_each: 2,
            }],
            cap: 4,
            methods: MATERIAL.to_vec(),
        },
    ]
}
