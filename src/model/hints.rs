//! What RON's terse syntax errors mean in a planboard data file, said in words a person writing
//! one can act on: a file in the old form, a missing `implicit_some`, a unit after a number, a
//! year with a fraction.

use ron::error::{Error, SpannedError};

use super::Msg;

/// Where to read about the data format.
const SEE: &str = "see the README, section \"Data format\"";
const SEE_ZH: &str = "参见 README 的「数据格式 · Data format」一节";

/// A hint to add to a syntax error, when the error's text and place say more than RON does.
pub fn hint(text: &str, err: &SpannedError) -> Option<Msg> {
    let line = text
        .lines()
        .nth(err.span.start.line.saturating_sub(1))
        .unwrap_or("");
    let col = err.span.start.col.saturating_sub(1);
    let before: String = line.chars().take(col).collect();
    let at: String = line.chars().skip(col).collect();
    match &err.code {
        Error::NoSuchStructField { found, .. } if found == "source" => Some(Msg::new(
            format!(
                "this file is in the old form, with one `source: (file, name)`; a file now declares `sources: [(id, title, issuer, kind, published, url, text)]` and `categories: [(id, zh, en)]`, and each figure may name its `source`; {SEE}, \"Moving a file from the old form\""
            ),
            format!(
                "这个文件是旧格式，只有一个 `source: (file, name)`；现在的数据文件声明 `sources: [(id, title, issuer, kind, published, url, text)]` 和 `categories: [(id, zh, en)]`，每个数据点可注明自己的 `source`；{SEE_ZH}中的「Moving a file from the old form」"
            ),
        )),
        Error::MissingStructField { field, .. }
            if *field == "sources" || *field == "categories" =>
        {
            Some(Msg::new(
                format!(
                    "a data file declares its `sources` and its `categories`; a file in the old form needs both added; {SEE}, \"Moving a file from the old form\""
                ),
                format!(
                    "数据文件要声明 `sources` 和 `categories`；旧格式的文件需补上这两项；{SEE_ZH}中的「Moving a file from the old form」"
                ),
            ))
        }
        Error::ExpectedString if before.trim_end().ends_with("category:") => {
            // RON places the error at the space after the colon: the old name follows it.
            let old = at
                .trim_start()
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap_or_default();
            let id = if old.is_empty() {
                "economy".to_owned()
            } else {
                category_id(old)
            };
            Some(Msg::new(
                format!(
                    "a category is now the id of one declared in `categories`, written as a string: `category: \"{id}\"` (the old form named a fixed list); {SEE}"
                ),
                format!(
                    "类别现在是 `categories` 中已声明的 id，写成字符串：`category: \"{id}\"`（旧格式用的是固定的列表）；{SEE_ZH}"
                ),
            ))
        }
        Error::ExpectedOption => Some(Msg::new(
            "the file's first line must be `#![enable(implicit_some)]`, which lets optional fields (period, note, source …) be written without `Some(…)`",
            "文件第一行必须是 `#![enable(implicit_some)]`，这样可选字段（period、note、source …）才能不写 `Some(…)`",
        )),
        Error::ExpectedComma | Error::ExpectedInteger | Error::ExpectedStructLikeEnd
            if field_before(&before) == Some("year") =>
        {
            Some(Msg::new(
                "a year is a whole number, such as `year: 2022`",
                "年份是整数，如 `year: 2022`",
            ))
        }
        Error::ExpectedComma | Error::ExpectedStructLikeEnd
            if before.trim_end().ends_with(|c: char| c.is_ascii_digit())
                && matches!(field_before(&before), Some("value")) =>
        {
            let value = before.rsplit(':').next().unwrap_or("").trim();
            Some(Msg::new(
                format!(
                    "a value is a plain number without its unit or scale word: write `value: {value}` and declare the unit on the indicator (1.3万 is written 13000.0)"
                ),
                format!(
                    "数值是不带单位和量级词的数：请写 `value: {value}`，并在指标上声明单位（1.3万写作 13000.0）"
                ),
            ))
        }
        _ => None,
    }
}

/// RON's own words for a syntax error, in Chinese: the common errors said plainly, the rare ones
/// as RON says them.
pub fn ron_zh(code: &Error) -> String {
    let one_of = |alts: &[&str], none: &str| match alts {
        [] => format!("这里没有可用的{none}"),
        alts => format!(
            "应为以下之一：{}",
            alts.iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join("、")
        ),
    };
    let within = |outer: &Option<String>| {
        outer
            .as_deref()
            .map_or_else(String::new, |o| format!("`{o}` 中"))
    };
    match code {
        Error::Eof => "文件意外结束".to_owned(),
        Error::ExpectedArray => "缺少左方括号 `[`".to_owned(),
        Error::ExpectedArrayEnd => "缺少右方括号 `]`".to_owned(),
        Error::ExpectedAttribute => "应为 `#![enable(...)]` 属性".to_owned(),
        Error::ExpectedBoolean => "应为布尔值（true 或 false）".to_owned(),
        Error::ExpectedComma => "缺少逗号".to_owned(),
        Error::ExpectedFloat => "应为数（浮点数）".to_owned(),
        Error::FloatUnderscore => "浮点数中不能有下划线".to_owned(),
        Error::ExpectedInteger => "应为整数".to_owned(),
        Error::ExpectedOption => "应为可选值（Option）".to_owned(),
        Error::ExpectedOptionEnd | Error::ExpectedStructLikeEnd => "缺少右括号 `)`".to_owned(),
        Error::ExpectedMap => "缺少左花括号 `{`".to_owned(),
        Error::ExpectedMapColon => "缺少冒号".to_owned(),
        Error::ExpectedMapEnd => "缺少右花括号 `}`".to_owned(),
        Error::ExpectedDifferentStructName { expected, found } => {
            format!("应为结构 `{expected}`，实为 `{found}`")
        }
        Error::ExpectedStructLike => "缺少左括号 `(`".to_owned(),
        Error::ExpectedNamedStructLike("") => "此处应只有左括号 `(`，不带名称".to_owned(),
        Error::ExpectedNamedStructLike(name) => format!("缺少结构 `{name}` 的左括号 `(`"),
        Error::ExpectedUnit => "应为单元值 `()`".to_owned(),
        Error::ExpectedString => "应为字符串（用双引号括起）".to_owned(),
        Error::ExpectedStringEnd => "字符串缺少结尾的双引号".to_owned(),
        Error::ExpectedIdentifier => "应为标识符".to_owned(),
        Error::IntegerOutOfBounds => "整数超出范围".to_owned(),
        Error::InvalidIntegerDigit { digit, base } => {
            format!("{digit:?} 不是 {base} 进制整数中的数字")
        }
        Error::UnclosedBlockComment => "块注释没有结束（缺少 `*/`）".to_owned(),
        Error::UnderscoreAtBeginning => "数字不能以下划线开头".to_owned(),
        Error::UnexpectedChar(c) => format!("此处不应有字符 {c:?}"),
        Error::TrailingCharacters => "文件结尾处有多余的内容".to_owned(),
        Error::InvalidValueForType { expected, found } => {
            format!("类型不符：应为 {expected}，实为 {found}")
        }
        Error::ExpectedDifferentLength { expected, found } => {
            format!("元素个数不符：应为 {expected}，实有 {found} 个")
        }
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = match outer {
                Some(outer) => format!("`{outer}` 中没有名为 `{found}` 的取值"),
                None => format!("没有名为 `{found}` 的枚举取值"),
            };
            format!("{what}；{}", one_of(expected, "取值"))
        }
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let what = match outer {
                Some(outer) => format!("`{outer}` 中有未知字段 `{found}`"),
                None => format!("未知字段 `{found}`"),
            };
            format!("{what}；{}", one_of(expected, "字段"))
        }
        Error::MissingStructField { field, outer } => {
            format!("{}缺少字段 `{field}`", within(outer))
        }
        Error::DuplicateStructField { field, outer } => {
            format!("{}字段 `{field}` 出现了两次", within(outer))
        }
        other => format!("RON 语法错误：{other}"),
    }
}

/// The id an old-form category becomes, as the shipped data declares them: the enum variant in
/// snake case (`CultureSport` → `culture_sport`).
fn category_id(variant: &str) -> String {
    let mut id = String::with_capacity(variant.len() + 4);
    let mut after_lower = false;
    for c in variant.chars() {
        if c.is_uppercase() && after_lower {
            id.push('_');
        }
        after_lower = c.is_lowercase() || c.is_ascii_digit();
        id.extend(c.to_lowercase());
    }
    id
}

/// The name of the field whose value the text before the error belongs to: `value` in
/// `Point(year: 2022, value: 3.1`.
fn field_before(before: &str) -> Option<&str> {
    let head = before.rsplit_once(':')?.0.trim_end();
    // The field name starts after the last character that cannot be in one, which may be a wide
    // one ("（"): its own width, not one byte, past it (found by the `load` fuzz target).
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(&head[start..])
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)] // tests may stop at the first surprise

    use super::field_before;
    use crate::model::{Lang, parse};

    #[test]
    fn the_field_before_an_error() {
        assert_eq!(field_before("Point(year: 2022, value: 3.1"), Some("value"));
        assert_eq!(field_before("    Point(year: 2022"), Some("year"));
        assert_eq!(field_before("（year: 2022"), Some("year"));
        assert_eq!(field_before("（: 2022"), Some(""));
    }

    /// The one line of a syntax error in both languages.
    fn syntax_error(text: &str) -> (String, String) {
        let err = parse("t.ron", text.as_bytes()).expect_err("syntax");
        let en = err.lines().join("\n");
        let zh = err.lines_in(Lang::Zh).join("\n");
        (en, zh)
    }

    /// A category written in the old form, as the enum variant it was, is told the id it becomes
    /// in both languages: the variant in snake case, as the shipped data declares them.
    #[test]
    fn an_old_form_category_is_told_its_id() {
        let good = include_str!("../../tests/data/multi/a-plan-2022.ron");
        for (old, id) in [
            ("Innovation", "innovation"),
            ("CultureSport", "culture_sport"),
            ("LowCarbon", "low_carbon"),
        ] {
            let text = good.replace("category: \"economy\"", &format!("category: {old}"));
            let (en, zh) = syntax_error(&text);
            let wanted = format!("`category: \"{id}\"`");
            assert!(en.contains(&wanted), "{en}");
            assert!(zh.contains(&wanted), "{zh}");
        }
        // Written without a space after the colon, the same.
        let text = good.replace("category: \"economy\"", "category:Innovation");
        let (en, _) = syntax_error(&text);
        assert!(en.contains("`category: \"innovation\"`"), "{en}");
    }

    #[test]
    fn hints_are_said_in_chinese_too() {
        let good = include_str!("../../tests/data/multi/a-plan-2022.ron");
        let (en, zh) = syntax_error(&good.replace("#![enable(implicit_some)]\n", ""));
        assert!(en.contains("`#![enable(implicit_some)]`"), "{en}");
        assert!(
            zh.contains("应为可选值（Option）；文件第一行必须是 `#![enable(implicit_some)]`"),
            "{zh}"
        );
        let (en, zh) = syntax_error(&good.replace("value: 3.0,", "value: 3.0%,"));
        assert!(en.contains("write `value: 3.0`"), "{en}");
        assert!(
            zh.contains("数值是不带单位和量级词的数：请写 `value: 3.0`"),
            "{zh}"
        );
        let (en, zh) = syntax_error(&good.replace("year: 2022,", "year: 2022.5,"));
        assert!(en.contains("a year is a whole number"), "{en}");
        assert!(zh.contains("年份是整数，如 `year: 2022`"), "{zh}");
        // The place is the same in both languages.
        assert_eq!(en.split(": ").next(), zh.split(": ").next());
    }
}
