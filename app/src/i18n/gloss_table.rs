//! The English glosses of the official Chinese wording (and the app's
//! own questions and lists, which are ours): shown beside the Chinese in
//! English mode, never instead of the official text.

/// The gloss of one exact Chinese text.
pub(super) fn gloss(zh: &str) -> Option<&'static str> {
    Some(match zh {
        "体制机制" => "Systems and mechanisms",
        "设施配套" => "Facilities",
        "组织动员" => "Mobilisation",
        "宣传工作" => "Publicity",
        "“党建+”邻里中心垃圾分类星级社区创建考评细则" => {
            "Assessment rules for creating “Party-building+” neighbourhood-centre waste-sorting star communities"
        }
        "泉州市城市管理局 泉城管〔2024〕120号 附件2" => {
            "Quanzhou City Urban Management Bureau, notice No. 120 (2024), Attachment 2"
        }
        "发现弄虚作假的扣除相应考核项分数" => {
            "Falsification found: the points of the item concerned are deducted"
        }
        "补助资金未专款专用的,视为考核不通过" => {
            "Subsidy not spent on its designated purpose: the assessment fails"
        }
        "验收检查时基础补助资金实际支出低于75%的,视为考核不通过" => {
            "Less than 75% of the base subsidy actually spent at the acceptance inspection: the assessment fails"
        }
        "五星" => "Five stars",
        "四星" => "Four stars",
        "三星" => "Three stars",
        "创建方案并有效执行" => {
            "Creation plan, effectively carried out"
        }
        "制定“党建+”邻里中心垃圾分类星级社区创建方案,并有效执行" => {
            "Draw up a creation plan for the star community and carry it out effectively"
        }
        "未制定工作方案不得分" => "No work plan: the item scores 0",
        "根据工作方案执行情况酌情给分" => {
            "Scored at discretion by how the plan is carried out"
        }
        "是否已制定“党建+”邻里中心垃圾分类星级社区创建方案?" => {
            "Has a creation plan for the star community been drawn up?"
        }
        "按方案执行情况,预计本项可得几分?" => {
            "By how the plan is carried out, how many points do you expect for this item?"
        }
        "资金投入保障机制" => "Funding guarantee mechanism",
        "建立资金投入保障机制" => {
            "Set up a funding guarantee mechanism"
        }
        "未制定“党建+”邻里中心垃圾分类星级社区创建资金使用计划的不得分" => {
            "No plan for using the creation funds: the item scores 0"
        }
        "使用计划未落实的扣8分" => "Plan not carried out: −8",
        "资金使用佐证材料(含转账、支付相关凭证)不齐全的,每少1项扣2分" => {
            "Supporting documents of spending (transfer and payment vouchers) incomplete: −2 per missing document"
        }
        "是否已制定创建资金使用计划?" => {
            "Has a plan for using the creation funds been drawn up?"
        }
        "资金使用计划是否已按计划落实?" => {
            "Has the funding plan been carried out as planned?"
        }
        "每笔支出的转账凭证、支付凭证/发票是否齐全?" => {
            "Are the transfer voucher and payment voucher/invoice of every expenditure on file?"
        }
        "纳入邻里中心功能布局" => {
            "Part of the neighbourhood centre's layout"
        }
        "将垃圾分类纳入“党建+”邻里中心功能布局(将生活垃圾分类纳入“党建+”邻里中心“1+6+X”模式中“X”的组成部分,并具体提供服务)" => {
            "Make waste sorting part of the neighbourhood centre's functions (an “X” of its “1+6+X” model, with actual services)"
        }
        "根据将垃圾分类纳入“党建+”邻里中心功能布局情况酌情给分" => {
            "Scored at discretion by how waste sorting is built into the centre's layout"
        }
        "垃圾分类纳入邻里中心“1+6+X”布局并提供服务的情况,预计本项可得几分?" => {
            "How well is waste sorting built into the centre's “1+6+X” layout with services; how many points do you expect?"
        }
        "党员带头工作队伍与联络员" => {
            "Party-member-led team and contact person"
        }
        "组建党员带头开展垃圾分类工作队伍,指定该项工作联络员(成立社区垃圾分类工作小组,将辖区学校、老人协会、共建单位、社区报到在职党员、公益团体组织、志愿者、热心群众等各种力量吸纳进工作组)。" => {
            "Form a party-member-led waste-sorting team and name a contact person (a community working group drawing in schools, elders' associations, partner units, party members, charities, volunteers and residents)"
        }
        "未成立工作队伍不得分" => "No team formed: the item scores 0",
        "未指定联络员或联络员未履职扣2分" => {
            "No contact person named, or not doing the work: −2"
        }
        "是否已成立党员带头的垃圾分类工作队伍(工作小组)?" => {
            "Has a party-member-led waste-sorting team (working group) been formed?"
        }
        "是否已指定联络员,且联络员正常履职?" => {
            "Has a contact person been named, and do they do the work?"
        }
        "垃圾分类工作联席会" => "Joint meetings on waste sorting",
        "定期召开由社区党组织、小区党支部、物业企业负责人、业委会(业主代表)共同参加的垃圾分类工作联席会,研究垃圾分类工作(每月社区“党建+”邻里中心开展不少于一次的垃圾分类工作动员、恳谈、交流分享会)" => {
            "Hold regular joint meetings of the community party organisation, estate party branches, property managers and owners' committees on waste sorting (at least one a month)"
        }
        "未组织召开垃圾分类工作联席会议的不得分" => {
            "No joint meeting held: the item scores 0"
        }
        "未定期召开会议的每少1次扣2分" => {
            "Meetings not regular: −2 per missing meeting"
        }
        "未组织召开垃圾分类工作联席会议的不得分\n未定期召开会议的每少1次扣2分" => {
            "No joint meeting held: the item scores 0; meetings not regular: −2 per missing meeting"
        }
        "每月召开的垃圾分类工作联席会(日期)有哪些?" => {
            "On which dates were the monthly joint meetings held?"
        }
        "四分类投放点与收集容器" => {
            "Four-category drop-off points and containers"
        }
        "“党建+”邻里中心按照《泉州市生活垃圾分类设施设备配置规范(试行)》(泉分类办〔2019〕25号)要求设置分类投放点,配置分类收集容器,并保持投放点和收集容器完好、整洁,标识清晰准确。" => {
            "Set up sorted drop-off points and containers as the Quanzhou equipment standard requires, kept intact and clean, with clear and correct labels"
        }
        "未配备生活垃圾四分类设施的不得分" => {
            "No four-category facilities: the item scores 0"
        }
        "未根据使用场景正确配备套分类设施的,每发现1处扣2分(例如设有邻里食堂或共享厨房的场所应配备厨余垃圾收集容器,设有快递智能设备的场所应配备可回收物收集容器等)" => {
            "Facilities not matched to the place's use: −2 per finding (e.g. a canteen needs a kitchen-waste container, parcel lockers need a recyclables container)"
        }
        "生活垃圾四分类设施标识模糊不清、出现错误的,每发现1处扣2分" => {
            "Labels unclear or wrong: −2 per finding"
        }
        "生活垃圾四分类收集容器外观不整洁、有残缺破损的,每发现1处扣2分" => {
            "Containers dirty or damaged: −2 per finding"
        }
        "是否配备了生活垃圾四分类设施(可回收物、有害垃圾、厨余垃圾、其他垃圾)?" => {
            "Are four-category facilities in place (recyclable, hazardous, kitchen, residual waste)?"
        }
        "各场所有哪些设施(邻里食堂/共享厨房、快递智能设备),配了哪些收集容器?" => {
            "What does each place have (canteen/shared kitchen, parcel lockers), and which containers?"
        }
        "邻里食堂或共享厨房" => "Canteen or shared kitchen",
        "快递智能设备" => "Parcel lockers",
        "有几处分类标识模糊不清或出现错误?" => {
            "How many labels are unclear or wrong?"
        }
        "有几个收集容器外观不整洁或残缺破损?" => {
            "How many containers are dirty or damaged?"
        }
        "便民服务点与党员志愿者值班" => {
            "Service point and party-member volunteer duty"
        }
        "设置垃圾分类便民服务点,建立党员志愿者值班制度,为居民提供垃圾分类宣传答疑、意见反馈、可回收物兑换、有害垃圾暂存等垃圾分类便民服务。" => {
            "Set up a waste-sorting service point with a party-member volunteer duty roster, offering answers, feedback, recyclables exchange and hazardous-waste storage"
        }
        "未设置垃圾分类便民服务点的不得分" => {
            "No service point: the item scores 0"
        }
        "未建立党员志愿者值班制度扣4分" => {
            "No volunteer duty roster: −4"
        }
        "根据便民服务点实际运行使用情况酌情给分" => {
            "Scored at discretion by how the service point actually runs"
        }
        "是否设置了垃圾分类便民服务点?" => {
            "Is there a waste-sorting service point?"
        }
        "是否建立了党员志愿者值班制度(有值班表)?" => {
            "Is there a party-member volunteer duty roster?"
        }
        "按便民服务点实际运行使用情况,预计本项可得几分?" => {
            "By how the service point actually runs, how many points do you expect?"
        }
        "科普教育基地与定期宣教活动" => {
            "Science education base and regular activities"
        }
        "建设垃圾分类科普教育基地\n结合社区特点,建设社区垃圾分类科普教育基地,并依托科普教育基地定期开展宣教活动。" => {
            "Build a waste-sorting science education base suited to the community and hold regular activities there"
        }
        "未建设社区垃圾分类科普教育基地的不得分(社区垃圾分类科普教育基地包含多种形式,如具备图书资料、实物展示、多媒体展示、游戏互动等多种功能分区的科普体验馆,具备垃圾分类知识长廊、游戏区、互动景墙、运动场、废旧物改造利用景观小品等多种元素的口袋公园、休闲场地等。)" => {
            "No science education base: the item scores 0 (a base can be an exhibition hall, a pocket park, a leisure area …)"
        }
        "未定期开展宣教活动的扣5分" => "No regular activities: −5",
        "根据社区垃圾分类科普教育基地建设情况酌情给分" => {
            "Scored at discretion by how the base is built"
        }
        "是否已建成社区垃圾分类科普教育基地(科普体验馆、口袋公园等)?" => {
            "Has a science education base been built (exhibition hall, pocket park …)?"
        }
        "是否依托基地定期开展宣教活动?" => {
            "Are activities held at the base regularly?"
        }
        "按科普教育基地建设情况,预计本项可得几分?" => {
            "By how the base is built, how many points do you expect?"
        }
        "党员干部带头分类" => "Party members lead in sorting",
        "社区党员干部带头,自觉开展生活垃圾分类投放,并带动身边人积极参与。(社区党组织通过设置党员示范岗、党员责任区等,发动党员主动担当作为,积极履行垃圾分类宣传、投放情况巡查、不文明行为劝导等职责)" => {
            "Party members and cadres sort their own waste and bring others along (model posts, areas of responsibility, patrols, persuasion)"
        }
        "根据党员干部参与垃圾分类以及发动、引导情况酌情给分" => {
            "Scored at discretion by how party members take part and lead others"
        }
        "按党员干部参与及发动、引导情况,预计本项可得几分?" => {
            "By how party members take part and lead others, how many points do you expect?"
        }
        "楼栋长、网格员与收集-办理-反馈机制" => {
            "Building heads, grid workers and a collect–handle–respond mechanism"
        }
        "组建以党员干部为主体的小区垃圾分类楼栋长、兼职网格员队伍,听取群众意见,同时社区党组织建立收集、办理、反馈机制,解决居民合理诉求。" => {
            "Form teams of building heads and grid workers led by party members, hear residents, and collect, handle and answer their reasonable requests"
        }
        "未建立听取群众意见制度的不得分" => {
            "No system for hearing residents: the item scores 0"
        }
        "根据解决居民合理诉求情况酌情给分" => {
            "Scored at discretion by how residents' requests are resolved"
        }
        "是否建立了听取群众意见的制度(收集、办理、反馈机制)?" => {
            "Is there a system for hearing residents (collect, handle, respond)?"
        }
        "按解决居民合理诉求情况,预计本项可得几分?" => {
            "By how residents' requests are resolved, how many points do you expect?"
        }
        "入户宣传、桶边督导等志愿服务" => {
            "Volunteering: door-to-door publicity, bin-side guidance"
        }
        "定期组织党员干部开展垃圾分类入户宣传、桶边督导、知识培训、“群众接待日”和社区宣传活动等志愿服务、公益活动,有效服务群众。" => {
            "Regularly organise door-to-door publicity, bin-side guidance, training, reception days and other volunteering"
        }
        "未开展志愿服务、公益活动等不得分" => {
            "No volunteering or charity activities: the item scores 0"
        }
        "根据活动开展情况(频次、形式内容)酌情给分" => {
            "Scored at discretion by the activities (frequency, form, content)"
        }
        "是否开展了垃圾分类志愿服务、公益活动?" => {
            "Have waste-sorting volunteering or charity activities been held?"
        }
        "按活动频次、形式内容,预计本项可得几分?" => {
            "By the activities' frequency, form and content, how many points do you expect?"
        }
        "宣传媒介" => "Publicity media",
        "充分利用条幅、标语、宣传栏、电子广告屏等媒介,广泛宣传生活垃圾分类。" => {
            "Use banners, slogans, notice boards, electronic screens and other media to publicise waste sorting widely"
        }
        "宣传媒介至少4种,每少1种扣2分" => {
            "At least 4 kinds of media: −2 per kind short"
        }
        "宣传内容(含分类标识)等不符合泉州市规范的,每发现1处扣2分" => {
            "Publicity (labels included) not meeting the Quanzhou standard: −2 per finding"
        }
        "正在使用哪些宣传媒介?" => {
            "Which publicity media are in use?"
        }
        "条幅" => "Banners",
        "标语" => "Slogans",
        "宣传栏" => "Notice boards",
        "电子广告屏" => "Electronic screens",
        "宣传海报" => "Posters",
        "宣传折页/手册" => "Leaflets/brochures",
        "文化墙/墙绘" => "Culture walls/murals",
        "微信公众号/社区微信群" => "WeChat account/community group",
        "有几处宣传内容(含分类标识)不符合泉州市规范?" => {
            "How many pieces of publicity (labels included) do not meet the Quanzhou standard?"
        }
        "每月报送信息" => "Monthly reports",
        "建立信息报送机制。“党建+”邻里中心垃圾分类星级社区每月向区垃分办报送“党建+”邻里中心垃圾分类工作中的好经验、好做法。" => {
            "Set up reporting: each month the community sends the district sorting office its good experience and practice"
        }
        "未报送信息材料的不得分" => {
            "No report sent: the item scores 0"
        }
        "未定期报送信息材料的每少1次扣2分" => {
            "Reports not regular: −2 per missing report"
        }
        "未报送信息材料的不得分\n未定期报送信息材料的每少1次扣2分" => {
            "No report sent: the item scores 0; reports not regular: −2 per missing report"
        }
        "每月向区垃分办报送信息的月份和报送日期?" => {
            "For which months were reports sent to the district office, and on which dates?"
        }
        "工作收到肯定或表扬" => "Work recognised or commended",
        "表扬批示" => "Commendations",
        "创新经验或典型做法等受到市级及以上领导或相关部门表扬批示等,每篇得2分" => {
            "Innovations or model practice commended by city-level leaders or departments or above: +2 each"
        }
        "媒体报道或信息被采用" => "Media reports or reports adopted",
        "在市级以上主流媒体刊登报道或者信息材料被市垃圾分类办采用的每篇得1分" => {
            "Reported by city-level or higher media, or reports adopted by the city sorting office: +1 each"
        }
        "示范经验推广" => "Model experience spread",
        "承办现场会、观摩会" => {
            "Hosted on-site or observation meetings"
        }
        "承办市级及以上的垃圾分类现场会、观摩会,每次得2分" => {
            "Hosted a city-level or higher on-site or observation meeting: +2 each"
        }
        "专款专用" => "designated use",
        "可回收物" => "Recyclables",
        "有害垃圾" => "Hazardous waste",
        "厨余垃圾" => "Kitchen waste",
        "其他垃圾" => "Residual waste",
        "弄虚作假" => "Falsification",
        "发现弄虚作假的" => "Falsification found",
        "补助资金未专款专用,实际支出未达标的" => {
            "Subsidy not for its designated use, or actual spending below the line"
        }
        "会议照片" => "Meeting photos",
        "便民服务台账(答疑、兑换、暂存记录)" => {
            "Service point records (answers, exchanges, storage)"
        }
        "便民服务点现场照片" => "Photos of the service point",
        "党员参与记录与照片" => {
            "Records and photos of party members taking part"
        }
        "党员志愿者值班表" => "Party-member volunteer duty roster",
        "党员示范岗、党员责任区设置材料" => {
            "Documents setting up model posts and areas of responsibility"
        }
        "分类标识现场照片" => "Photos of the sorting labels",
        "创建方案" => "Creation plan",
        "各投放点收集容器现场照片" => {
            "Photos of each drop-off point's containers"
        }
        "垃圾分类服务场所与服务记录" => {
            "Waste-sorting service places and service records"
        }
        "宣传内容样稿" => "Samples of the publicity",
        "宣教活动方案、签到表与照片" => {
            "Activity plans, sign-in sheets and photos"
        }
        "工作小组成立文件及成员名单" => {
            "Working group founding document and member list"
        }
        "志愿服务活动记录(入户宣传、桶边督导等)" => {
            "Volunteering records (door-to-door publicity, bin-side guidance …)"
        }
        "投放点清单及位置图" => "List and map of drop-off points",
        "报送记录(日期、接收单位)" => {
            "Sending records (date, recipient)"
        }
        "方案执行工作台账" => "Records of carrying out the plan",
        "条幅、标语、宣传栏、电子广告屏等现场照片" => {
            "Photos of banners, slogans, notice boards, screens …"
        }
        "楼栋长、兼职网格员名单" => {
            "List of building heads and grid workers"
        }
        "每月报送的信息材料" => "The reports sent each month",
        "每月联席会会议纪要" => {
            "Minutes of each monthly joint meeting"
        }
        "活动签到表与照片" => "Activity sign-in sheets and photos",
        "现场照片" => "Site photos",
        "科普教育基地现场照片及功能分区说明" => {
            "Photos of the science education base and its areas"
        }
        "签到表" => "Sign-in sheets",
        "群众意见收集、办理、反馈台账" => {
            "Records of collecting, handling and answering residents' views"
        }
        "联络员工作记录" => "Contact person's work records",
        "联络员指定文件" => "Document naming the contact person",
        "资金使用计划" => "Funding plan",
        "资金支出台账" => "Spending ledger",
        "转账凭证" => "Transfer vouchers",
        "邻里中心功能布局图" => {
            "Layout plan of the neighbourhood centre"
        }
        "采购合同或验收单" => "Purchase contracts or acceptance notes",
        "会议记录" => "Minutes",
        "信息材料" => "Information report",
        "报送记录" => "Proof of sending",
        "支付凭证/发票" => "Payment vouchers or invoices",
        _ => return None,
    })
}
