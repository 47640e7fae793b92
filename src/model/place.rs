//! Where a report is from: the place as the report writes it, its English name, its level and its
//! GB/T 2260 code. A figure has its place through its source, so the same indicator of many places
//! can stand side by side.

use serde::{Deserialize, Serialize};

use super::Lang;

/// A place a report is issued for. Written `place: (name: "广东省", en: "Guangdong", level:
/// Province, code: "440000")` in a source.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// As the report writes it: 广东省, 龙岗区.
    pub name: String,
    /// Its English name: Guangdong, Longgang District.
    pub en: String,
    pub level: PlaceLevel,
    /// The six-digit GB/T 2260 code (440000 for 广东省, 440307 for 龙岗区).
    pub code: String,
}

impl Place {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.name,
            Lang::En => &self.en,
        }
    }

    /// What is wrong with the place as a data file writes it, in both languages.
    pub fn problem(&self) -> Option<(String, String)> {
        let digits = self.code.len() == 6 && self.code.bytes().all(|b| b.is_ascii_digit());
        if !digits {
            return Some((
                format!(
                    "place code “{}” is not a GB/T 2260 code; expected six digits such as 440000",
                    self.code
                ),
                format!(
                    "地区代码“{}”不是 GB/T 2260 代码；应为六位数字，如 440000",
                    self.code
                ),
            ));
        }
        if self.name.trim().is_empty() {
            return Some((
                "the place has no name; expected it as the report writes it, such as 广东省"
                    .to_owned(),
                "地区没有名称；应为报告中的写法，如 广东省".to_owned(),
            ));
        }
        None
    }
}

/// The level of an administrative division.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PlaceLevel {
    /// 全国
    Nation,
    /// 省, 自治区, 直辖市, 特别行政区
    Province,
    /// 地级市, 地区, 自治州, 盟
    City,
    /// 市辖区
    District,
    /// 县, 自治县, 旗
    County,
    /// 县级市
    CountyCity,
    /// 乡, 镇, 街道
    Township,
}

impl PlaceLevel {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Nation, Lang::Zh) => "全国",
            (Self::Nation, Lang::En) => "nation",
            (Self::Province, Lang::Zh) => "省级",
            (Self::Province, Lang::En) => "province",
            (Self::City, Lang::Zh) => "地级",
            (Self::City, Lang::En) => "city",
            (Self::District, Lang::Zh) => "市辖区",
            (Self::District, Lang::En) => "district",
            (Self::County, Lang::Zh) => "县",
            (Self::County, Lang::En) => "county",
            (Self::CountyCity, Lang::Zh) => "县级市",
            (Self::CountyCity, Lang::En) => "county-level city",
            (Self::Township, Lang::Zh) => "乡镇街道",
            (Self::Township, Lang::En) => "township",
        }
    }
}
