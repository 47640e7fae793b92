//! Numbers as a reader expects them: scale words (万, 亿) in Chinese, thousands separators and
//! million / billion in English, with the qualifier and the unit. A unit that carries a magnitude
//! of its own (万元, 千兆瓦时, million yuan) takes no scale word before it: "3.64782万千兆瓦时"
//! stacks two magnitudes a reader must multiply, so such a number is written whole, its digits
//! grouped ("36,478.2千兆瓦时"), never rounded.

use crate::model::{DataPoint, Lang, Qualifier, Unit};

/// A number without unit, scaled the way a reader of `lang` expects: 13000 → "1.3万" / "13,000".
pub fn number(value: f64, lang: Lang) -> String {
    let abs = value.abs();
    let sign = if value < 0.0 { "-" } else { "" };
    match lang {
        Lang::Zh if abs >= 1e8 => format!("{sign}{}亿", plain(abs / 1e8)),
        Lang::Zh if abs >= 1e4 => format!("{sign}{}万", plain(abs / 1e4)),
        Lang::En if abs >= 1e9 => format!("{sign}{} billion", plain(abs / 1e9)),
        Lang::En if abs >= 1e6 => format!("{sign}{} million", plain(abs / 1e6)),
        Lang::En => format!("{sign}{}", grouped(abs)),
        Lang::Zh => format!("{sign}{}", plain(abs)),
    }
}

/// A number to stand before `unit` (or on an axis in `unit`): [`number`], unless the unit carries
/// a magnitude of its own or is a share ([`takes_no_scale_word`]), when it is the whole number
/// with its digits grouped: 36478.2 千兆瓦时 → "36,478.2", 12345 万元 → "12,345", 12345 吨 →
/// "1.2345万". No digit is rounded away either way.
pub fn number_in(value: f64, unit: &Unit, lang: Lang) -> String {
    if !takes_no_scale_word(unit, lang) {
        return number(value, lang);
    }
    let abs = value.abs();
    let sign = if value < 0.0 { "-" } else { "" };
    match lang {
        // Chinese groups the digits of a number of five or more; 9353 stays as it was.
        Lang::Zh if abs < 1e4 => format!("{sign}{}", plain(abs)),
        _ => format!("{sign}{}", grouped(abs)),
    }
}

/// Units whose Chinese name starts with 千 as the unit's own prefix (kW, kWh, kg, km …): a reader
/// writes 1.2亿千瓦时 and 3.5万千米, so these take 万/亿 like any unit. 千兆瓦时 (GWh) is not one:
/// its 千 stacks on 兆.
const ZH_KILO_UNITS: [&str; 8] = [
    "千瓦",
    "千克",
    "千米",
    "千焦",
    "千帕",
    "千伏",
    "千卡",
    "千公顷",
];

/// Whether a number before this unit is written whole rather than with 万/亿 (million,
/// billion): a unit that starts with a magnitude (万元, 亿元, 千兆瓦时, 百万吨, 兆瓦;
/// million yuan, 10,000 people) would stack two, and a share (%, ‰, 个百分点) is no amount to
/// scale.
pub fn takes_no_scale_word(unit: &Unit, lang: Lang) -> bool {
    const ZH_MAGNITUDES: [char; 6] = ['十', '百', '千', '万', '亿', '兆'];
    const EN_MAGNITUDES: [&str; 6] = [
        "hundred", "thousand", "million", "billion", "trillion", "lakh",
    ];
    let symbol = unit.symbol(lang).trim();
    let share = unit.percent
        || symbol.contains(['%', '‰'])
        || symbol.contains("百分点")
        || symbol.contains("percentage point");
    if share {
        return true;
    }
    match lang {
        Lang::Zh => {
            symbol.starts_with(ZH_MAGNITUDES)
                && !ZH_KILO_UNITS.iter().any(|u| symbol.starts_with(u))
        }
        Lang::En => {
            let first = symbol.split_whitespace().next().unwrap_or_default();
            symbol.starts_with(|c: char| c.is_ascii_digit())
                || EN_MAGNITUDES.contains(&first.to_ascii_lowercase().as_str())
        }
    }
}

/// A statistic of a record (a mean) to the digits a reader can use: one decimal from 1 up
/// (98.6, 36478.2), three significant digits below (0.00123), so a small mean never reads 0. Not
/// for a report's figures, which are shown as the report states them.
pub fn statistic(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    if value.abs() >= 1.0 {
        return (value * 10.0).round() / 10.0;
    }
    // Digits after the point that keep three significant ones: 0.0012345 → 5.
    let decimals = 2 - value.abs().log10().floor() as i32;
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// The shortest decimal that reads back as `value`, after rounding away float noise.
pub fn plain(value: f64) -> String {
    // Large values are whole numbers already; scaling them would only add float noise.
    let rounded = if value.abs() < 1e9 {
        (value * 1e6).round() / 1e6
    } else {
        value
    };
    let s = format!("{rounded}");
    if s == "-0" { "0".to_owned() } else { s }
}

/// 13000 → "13,000"; 1234.5 → "1,234.5".
pub fn grouped(abs: f64) -> String {
    let s = plain(abs);
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// The qualifier as a short prefix: "≈", "≥", "≤", "近" / "nearly ".
pub fn qualifier_prefix(qualifier: Qualifier, lang: Lang) -> &'static str {
    match (qualifier, lang) {
        (Qualifier::Exact | Qualifier::Range, _) => "",
        (Qualifier::About, _) => "≈",
        (Qualifier::AtLeast, _) => "≥",
        (Qualifier::AtMost, _) => "≤",
        (Qualifier::Nearly, Lang::Zh) => "近",
        (Qualifier::Nearly, Lang::En) => "nearly ",
    }
}

/// A quote as a reader should see it: the text extraction's subscript markup (`PM_{2.5}`) becomes
/// plain text (`PM2.5`). The data keeps the quote as printed, for checking against the source.
pub fn readable_quote(quote: &str) -> String {
    let mut out = String::with_capacity(quote.len());
    let mut rest = quote;
    while let Some(at) = rest.find("_{") {
        let Some(end) = rest[at..].find('}') else {
            break;
        };
        out.push_str(&rest[..at]);
        out.push_str(&rest[at + 2..at + end]);
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

/// A value with its qualifier and no unit, for labels on a chart whose axis states the unit
/// (`unit`): "≈7", "1.3万", "≥4,100"; "36,478.2" when the unit is 千兆瓦时.
pub fn value_label(value: f64, qualifier: Qualifier, unit: &Unit, lang: Lang) -> String {
    format!(
        "{}{}",
        qualifier_prefix(qualifier, lang),
        number_in(value, unit, lang)
    )
}

/// A value with unit, e.g. "1.3万座", "≈7%", "4,100 t/d", "36,478.2千兆瓦时".
pub fn value_with_unit(value: f64, qualifier: Qualifier, unit: &Unit, lang: Lang) -> String {
    let prefix = qualifier_prefix(qualifier, lang);
    let num = number_in(value, unit, lang);
    let sym = unit.symbol(lang);
    if lang == Lang::En && !unit.percent {
        format!("{prefix}{num} {sym}")
    } else {
        format!("{prefix}{num}{sym}")
    }
}

/// A record's statistic (a mean) with its unit as a reader writes one: [`statistic`]'s digits,
/// and a number of 万 or 亿 to four significant digits (均值 3.648万吨, not 3.64782万吨); in
/// English the whole number, grouped (36,478.2 t).
pub fn statistic_with_unit(value: f64, unit: &Unit, lang: Lang) -> String {
    let v = statistic(value);
    let abs = v.abs();
    if lang == Lang::En || abs < 1e4 || takes_no_scale_word(unit, lang) {
        return value_with_unit(v, Qualifier::Exact, unit, lang);
    }
    let four = |x: f64| {
        let factor = 10f64.powi((3 - x.abs().log10().floor() as i32).max(0));
        (x * factor).round() / factor
    };
    // 99,999,000 rounds to 10000万: that is 1亿.
    let (mut scaled, mut word) = if abs >= 1e8 {
        (v / 1e8, "亿")
    } else {
        (v / 1e4, "万")
    };
    if word == "万" && four(scaled).abs() >= 1e4 {
        (scaled, word) = (v / 1e8, "亿");
    }
    scaled = four(scaled);
    format!("{}{word}{}", plain(scaled), unit.symbol(lang))
}

/// A value as the report words it, for tooltips: "7%左右", "超4100吨/日" → "4100吨/日以上",
/// "about 7%", "at least 4,100 t/d".
pub fn value_in_words(value: f64, qualifier: Qualifier, unit: &Unit, lang: Lang) -> String {
    let plain = value_with_unit(value, Qualifier::Exact, unit, lang);
    match (lang, qualifier) {
        (_, Qualifier::Exact | Qualifier::Range) => plain,
        (Lang::Zh, Qualifier::About) => format!("{plain}左右"),
        (Lang::Zh, Qualifier::AtLeast) => format!("{plain}以上"),
        (Lang::Zh, Qualifier::AtMost) => format!("不超过{plain}"),
        (Lang::Zh, Qualifier::Nearly) => format!("近{plain}"),
        (Lang::En, Qualifier::About) => format!("about {plain}"),
        (Lang::En, Qualifier::AtLeast) => format!("at least {plain}"),
        (Lang::En, Qualifier::AtMost) => format!("at most {plain}"),
        (Lang::En, Qualifier::Nearly) => format!("nearly {plain}"),
    }
}

/// The dash between a range's ends: 4.5%—5% as Chinese prints it, 4.5–5% in English.
fn range_dash(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "—",
        Lang::En => "–",
    }
}

/// A figure's value for a chart label on an axis in `unit`: [`value_label`], or a range's two
/// ends ("4.5—5").
pub fn figure_label(p: &DataPoint, unit: &Unit, lang: Lang) -> String {
    match (p.qualifier, p.high) {
        (Qualifier::Range, Some(high)) => format!(
            "{}{}{}",
            number_in(p.value, unit, lang),
            range_dash(lang),
            number_in(high, unit, lang)
        ),
        _ => value_label(p.value, p.qualifier, unit, lang),
    }
}

/// A figure's value with its unit: [`value_with_unit`], or a range's ends each with the unit
/// ("4.5%—5%", "4.5%–5%").
pub fn figure_with_unit(p: &DataPoint, unit: &Unit, lang: Lang) -> String {
    match (p.qualifier, p.high) {
        (Qualifier::Range, Some(high)) => format!(
            "{}{}{}",
            value_with_unit(p.value, Qualifier::Exact, unit, lang),
            range_dash(lang),
            value_with_unit(high, Qualifier::Exact, unit, lang)
        ),
        _ => value_with_unit(p.value, p.qualifier, unit, lang),
    }
}

/// A figure's value as the report words it: [`value_in_words`], or a range ("4.5%—5%").
pub fn figure_in_words(p: &DataPoint, unit: &Unit, lang: Lang) -> String {
    match p.qualifier {
        Qualifier::Range => figure_with_unit(p, unit, lang),
        q => value_in_words(p.value, q, unit, lang),
    }
}

/// A difference in percentage points, in words: "高约4个百分点" / "≈4 pp higher"; "持平" / "the
/// same"; against something named (`than`, in Chinese and English): "低于目标3个百分点" / "3 pp
/// lower than target". `approx` is how exact the difference is ("", "≈", "≥" or "≤"). The one
/// wording of a difference in points, wherever one is written: gap labels, verdicts, tooltips,
/// the table, cards.
pub fn points_difference(
    diff: f64,
    approx: &str,
    than: Option<(&str, &str)>,
    lang: Lang,
) -> String {
    let size = plain((diff.abs() * 100.0).round() / 100.0);
    let zh_approx = match approx {
        "≈" => "约",
        "≥" => "至少",
        "≤" => "至多",
        _ => "",
    };
    let than = than.map(|(zh, en)| if lang == Lang::Zh { zh } else { en });
    let (zh_than, en_than) = match than {
        Some(t) => (format!("于{t}"), format!(" than {t}")),
        None => (String::new(), String::new()),
    };
    match (lang, diff.total_cmp(&0.0)) {
        (Lang::Zh, std::cmp::Ordering::Equal) => match than {
            Some(t) => format!("与{t}持平"),
            None => "持平".to_owned(),
        },
        (Lang::En, std::cmp::Ordering::Equal) => match than {
            Some(t) => format!("the same as {t}"),
            None => "the same".to_owned(),
        },
        (Lang::Zh, std::cmp::Ordering::Greater) => format!("高{zh_than}{zh_approx}{size}个百分点"),
        (Lang::Zh, std::cmp::Ordering::Less) => format!("低{zh_than}{zh_approx}{size}个百分点"),
        (Lang::En, std::cmp::Ordering::Greater) => format!("{approx}{size} pp higher{en_than}"),
        (Lang::En, std::cmp::Ordering::Less) => format!("{approx}{size} pp lower{en_than}"),
    }
}

/// A count with its noun as English writes it: "1 chart", "5 charts", "1,000,000 rows".
pub fn count(n: usize, one: &str, many: &str) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_take_the_plural_they_need() {
        assert_eq!(super::count(1, "chart", "charts"), "1 chart");
        assert_eq!(super::count(0, "chart", "charts"), "0 charts");
        assert_eq!(super::count(1_000_000, "row", "rows"), "1,000,000 rows");
    }

    use super::*;

    fn unit(zh: &str, en: &str, percent: bool) -> Unit {
        Unit {
            id: "u".into(),
            zh: zh.into(),
            en: en.into(),
            percent,
        }
    }

    #[test]
    fn chinese_scale_words_and_english_grouping() {
        let cases = [
            (13000.0, Lang::Zh, "1.3万"),
            (23500.0, Lang::Zh, "2.35万"),
            (9353.0, Lang::Zh, "9353"),
            (139_100_000_000.0, Lang::Zh, "1391亿"),
            (146_150_000.0, Lang::Zh, "1.4615亿"),
            (3_000_000.0, Lang::Zh, "300万"),
            (-9.9, Lang::Zh, "-9.9"),
            (13000.0, Lang::En, "13,000"),
            (1234.5, Lang::En, "1,234.5"),
            (139_100_000_000.0, Lang::En, "139.1 billion"),
            (3_000_000.0, Lang::En, "3 million"),
            (999.0, Lang::En, "999"),
        ];
        for (value, lang, want) in cases {
            assert_eq!(number(value, lang), want);
        }
    }

    #[test]
    fn values_with_units_and_qualifiers() {
        let pct = unit("%", "%", true);
        let tpd = unit("吨/日", "t/d", false);
        let cases = [
            (7.0, Qualifier::About, &pct, Lang::Zh, "≈7%"),
            (-9.9, Qualifier::Exact, &pct, Lang::En, "-9.9%"),
            (4100.0, Qualifier::Exact, &tpd, Lang::Zh, "4100吨/日"),
            (4100.0, Qualifier::AtLeast, &tpd, Lang::En, "≥4,100 t/d"),
        ];
        for (value, qualifier, unit, lang, want) in cases {
            assert_eq!(value_with_unit(value, qualifier, unit, lang), want);
        }
        assert_eq!(
            points_difference(26.9, "", None, Lang::Zh),
            "高26.9个百分点"
        );
        for (lang, want) in [(Lang::Zh, "7%左右"), (Lang::En, "about 7%")] {
            assert_eq!(value_in_words(7.0, Qualifier::About, &pct, lang), want);
        }
        assert_eq!(value_in_words(3.0, Qualifier::Exact, &pct, Lang::Zh), "3%");
        assert_eq!(readable_quote("PM_{2.5}平均浓度"), "PM2.5平均浓度");
        assert_eq!(readable_quote("没有标记"), "没有标记");
        assert_eq!(
            points_difference(-1.5, "≈", None, Lang::En),
            "≈1.5 pp lower"
        );
        assert_eq!(points_difference(0.0, "", None, Lang::Zh), "持平");
        let target = Some(("目标", "target"));
        assert_eq!(
            [Lang::Zh, Lang::En].map(|lang| points_difference(-3.0, "", target, lang)),
            ["低于目标3个百分点", "3 pp lower than target"]
        );
    }

    #[test]
    fn no_scale_word_before_a_unit_with_a_magnitude_of_its_own() {
        let units = [
            unit("万元", "10,000 yuan", false),
            unit("亿元", "100 million yuan", false),
            unit("千兆瓦时", "GWh", false),
            unit("微克/立方米", "μg/m³", false),
            unit("%", "%", true),
            unit("吨", "t", false),
            unit("立方米/秒", "m³/s", false),
        ];
        let values = [0.0012, 12.0, 12345.0, 36478.2, 1.2e9];
        // Each unit's numbers for the values above, in Chinese and in English.
        let whole = ["0.0012", "12", "12,345", "36,478.2", "1,200,000,000"];
        let scaled_zh = ["0.0012", "12", "1.2345万", "3.64782万", "12亿"];
        let scaled_en = ["0.0012", "12", "12,345", "36,478.2", "1.2 billion"];
        let want: [(&[&str; 5], &[&str; 5]); 7] = [
            (&whole, &whole),
            (&whole, &whole),
            (&whole, &scaled_en),
            (&scaled_zh, &scaled_en),
            (&whole, &whole),
            (&scaled_zh, &scaled_en),
            (&scaled_zh, &scaled_en),
        ];
        for (u, (zh, en)) in units.iter().zip(want) {
            for (k, v) in values.iter().enumerate() {
                assert_eq!(number_in(*v, u, Lang::Zh), zh[k], "{v} {}", u.zh);
                assert_eq!(number_in(*v, u, Lang::En), en[k], "{v} {}", u.en);
            }
        }
        let gwh = &units[2];
        assert_eq!(
            value_with_unit(36478.2, Qualifier::Exact, gwh, Lang::Zh),
            "36,478.2千兆瓦时",
            "the issue's 3.64782万千兆瓦时"
        );
        assert_eq!(
            value_with_unit(36478.2, Qualifier::Exact, gwh, Lang::En),
            "36,478.2 GWh"
        );
        assert_eq!(
            value_with_unit(-12345.0, Qualifier::About, &units[0], Lang::Zh),
            "≈-12,345万元"
        );
        assert_eq!(
            value_with_unit(12345.0, Qualifier::Exact, &units[5], Lang::Zh),
            "1.2345万吨",
            "a plain unit keeps its 万"
        );
        assert_eq!(number_in(9353.0, &units[0], Lang::Zh), "9353");
        // Other magnitudes at a unit's start: 百万吨, 千兆瓦时, 兆瓦; million tonnes.
        for (zh, en) in [
            ("百万吨", "million t"),
            ("千兆瓦时", "thousand MWh"),
            ("兆瓦", "1,000 kW"),
        ] {
            let u = unit(zh, en, false);
            assert_eq!(number_in(2.5e8, &u, Lang::Zh), "250,000,000", "{zh}");
            assert_eq!(number_in(2.5e8, &u, Lang::En), "250,000,000", "{en}");
        }
        // 千 as the unit's own prefix (kWh, km) stacks nothing: 2.5亿千瓦时 as a reader writes it.
        for zh in ["千瓦时", "千米", "千克"] {
            let u = unit(zh, "kWh", false);
            assert_eq!(number_in(2.5e8, &u, Lang::Zh), "2.5亿", "{zh}");
        }
    }

    #[test]
    fn a_records_mean_in_wan_keeps_four_significant_digits() {
        let t = unit("吨", "t", false);
        assert_eq!(statistic_with_unit(36478.176, &t, Lang::Zh), "3.648万吨");
        assert_eq!(statistic_with_unit(36478.176, &t, Lang::En), "36,478.2 t");
        assert_eq!(
            statistic_with_unit(123_456_789.0, &t, Lang::Zh),
            "1.235亿吨"
        );
        assert_eq!(statistic_with_unit(4711.94, &t, Lang::Zh), "4711.9吨");
        assert_eq!(statistic_with_unit(99_999_000.0, &t, Lang::Zh), "1亿吨");
        let gwh = unit("千兆瓦时", "GWh", false);
        assert_eq!(
            statistic_with_unit(36478.176, &gwh, Lang::Zh),
            "36,478.2千兆瓦时"
        );
    }

    #[test]
    fn a_records_statistics_keep_the_digits_a_reader_can_use() {
        assert_eq!(statistic(98.6357), 98.6);
        assert_eq!(statistic(36478.2345), 36478.2);
        assert_eq!(statistic(0.001_234_5), 0.001_23);
        assert_eq!(statistic(-0.04567), -0.0457);
        assert_eq!(statistic(0.0), 0.0);
        assert_eq!(plain(statistic(0.0012)), "0.0012");
    }
}
