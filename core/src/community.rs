//! The 20 communities of the notice's Attachment 1 (第三批“党建+”邻里中心垃圾
//! 分类星级社区创建名单), in the notice's order.

use crate::assessment::Community;

/// A community of Attachment 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListedCommunity {
    /// 序号, 1..=20.
    pub number: u8,
    pub district: &'static str,
    pub street: &'static str,
    pub name: &'static str,
}

impl ListedCommunity {
    /// As an owned [`Community`] for an assessment.
    pub fn to_community(&self) -> Community {
        Community::new(self.district, self.street, self.name)
    }
}

const fn listed(
    number: u8,
    district: &'static str,
    street: &'static str,
    name: &'static str,
) -> ListedCommunity {
    ListedCommunity { number, district, street, name }
}

/// Attachment 1, in order.
pub const ATTACHMENT_1: [ListedCommunity; 20] = [
    listed(1, "鲤城区", "开元街道", "新春社区"),
    listed(2, "鲤城区", "开元街道", "梅峰社区"),
    listed(3, "鲤城区", "鲤中街道", "西郊社区"),
    listed(4, "鲤城区", "海滨街道", "笋浯社区"),
    listed(5, "鲤城区", "临江街道", "新桥社区"),
    listed(6, "鲤城区", "江南街道", "明光社区"),
    listed(7, "鲤城区", "浮桥街道", "金浦社区"),
    listed(8, "鲤城区", "金龙街道", "高山社区"),
    listed(9, "鲤城区", "常泰街道", "树兜社区"),
    listed(10, "丰泽区", "东海街道", "海景社区"),
    listed(11, "丰泽区", "华大街道", "新铺社区"),
    listed(12, "丰泽区", "东湖街道", "铭湖社区"),
    listed(13, "丰泽区", "东湖街道", "圣湖社区"),
    listed(14, "丰泽区", "丰泽街道", "东美社区"),
    listed(15, "丰泽区", "丰泽街道", "霞淮社区"),
    listed(16, "丰泽区", "清源街道", "普明社区"),
    listed(17, "丰泽区", "北峰街道", "万科城社区"),
    listed(18, "丰泽区", "城东街道", "通海社区"),
    listed(19, "洛江区", "万安街道", "万盛社区"),
    listed(20, "洛江区", "双阳街道", "朝阳社区"),
];

/// The 20 communities of Attachment 1, in order.
pub fn listed_communities() -> &'static [ListedCommunity] {
    &ATTACHMENT_1
}

/// The listed community with this full name or community name, if any.
pub fn find_listed(name: &str) -> Option<&'static ListedCommunity> {
    let name = name.trim();
    ATTACHMENT_1
        .iter()
        .find(|c| c.name == name || c.to_community().full_name() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_twenty_in_three_districts() {
        assert_eq!(ATTACHMENT_1.len(), 20);
        let count = |district| {
            ATTACHMENT_1.iter().filter(|c| c.district == district).count()
        };
        assert_eq!(count("鲤城区"), 9);
        assert_eq!(count("丰泽区"), 9);
        assert_eq!(count("洛江区"), 2);
        for (index, c) in ATTACHMENT_1.iter().enumerate() {
            assert_eq!(usize::from(c.number), index + 1);
        }
    }

    #[test]
    fn ok_find_by_name() {
        let found = find_listed("万科城社区").map(|c| c.number);
        assert_eq!(found, Some(17));
        let full = find_listed("鲤城区开元街道新春社区").map(|c| c.number);
        assert_eq!(full, Some(1));
        assert_eq!(find_listed("不存在社区"), None);
    }
}
