//! The numbers a sentence states, as a reader of Chinese reads them: Arabic numerals with their
//! scale words (1.3万 = 13000, 1391亿 = 1.391e11), Chinese numerals (一万余 = 10000, 千亿 = 10^11,
//! 三万 = 30000), 半数 (a half: 50%), and a fall (下降 9.9% = −9.9).
//!
//! Used to check that a figure's value is stated in its quote; plain functions on text.

/// Every number `text` states, with scale words applied and falls made negative.
pub fn stated_values(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let (value, end) = if c.is_ascii_digit() {
            arabic(&chars, i)
        } else if chinese_digit(c).is_some() || chinese_unit(c).is_some() {
            match chinese(&chars, i) {
                Some(found) => found,
                None => {
                    i += 1;
                    continue;
                }
            }
        } else if c == '半' && chars.get(i + 1) == Some(&'数') {
            (50.0, i + 2)
        } else {
            i += 1;
            continue;
        };
        let negative = falls_before(&chars, i) || minus_before(&chars, i);
        out.push(if negative { -value } else { value });
        i = end.max(i + 1);
    }
    out
}

/// Whether `text` states `value` (to a relative precision of 1e-9). Whitespace is ignored, as page
/// breaks and extraction put spaces inside numbers ("263. 18 亿元").
pub fn states_value(text: &str, value: f64) -> bool {
    let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    stated_values(&squashed).into_iter().any(|v| same(v, value))
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// An Arabic number from `start`: digits, an optional decimal part, thousands commas, then an
/// optional scale word (万, 亿, 万亿, 千万, 百万) after optional spaces.
fn arabic(chars: &[char], start: usize) -> (f64, usize) {
    let mut s = String::new();
    let mut i = start;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            s.push(c);
        } else if c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit) && !s.contains('.')
        {
            s.push('.');
        } else if c == ','
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
            && chars.get(i + 3).is_some_and(char::is_ascii_digit)
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
        {
            // 1,391: a thousands separator, not a list.
        } else {
            break;
        }
        i += 1;
    }
    let value: f64 = s.parse().unwrap_or(0.0);
    let mut j = i;
    while chars.get(j).is_some_and(|c| *c == ' ') {
        j += 1;
    }
    let at = |k: usize| chars.get(k).copied();
    let mut scale = 1.0;
    let mut k = j;
    // 千 and 百 scale only before 万 or 亿 (2千亿, 5百万); alone they start a unit (千瓦, 千米).
    if let Some(small @ ('千' | '百')) = at(k)
        && matches!(at(k + 1), Some('万' | '亿'))
    {
        scale = if small == '千' { 1e3 } else { 1e2 };
        k += 1;
    }
    match (at(k), at(k + 1)) {
        (Some('万'), Some('亿')) => {
            scale *= 1e12;
            k += 2;
        }
        (Some('万'), _) => {
            scale *= 1e4;
            k += 1;
        }
        (Some('亿'), _) => {
            scale *= 1e8;
            k += 1;
        }
        _ => {}
    }
    if k > j {
        (value * scale, k)
    } else {
        (value, i)
    }
}

fn chinese_digit(c: char) -> Option<f64> {
    Some(match c {
        '零' | '〇' => 0.0,
        '一' => 1.0,
        '二' | '两' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    })
}

fn chinese_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1e3,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// Measure words: a lone Chinese digit before one of these states a count (三家, 一个).
fn measure_word(c: char) -> bool {
    matches!(
        c,
        '个' | '家'
            | '条'
            | '座'
            | '名'
            | '所'
            | '项'
            | '人'
            | '批'
            | '场'
            | '处'
            | '间'
            | '户'
            | '台'
            | '栋'
            | '件'
            | '宗'
            | '张'
            | '套'
            | '株'
            | '轮'
            | '期'
            | '次'
            | '类'
    )
}

/// A Chinese numeral from `start` (一万, 三万, 一千, 千亿, 二十三; 二〇二二 digit by digit). A lone
/// digit is a figure only before a measure word (三家): in 一般, 统一, 三大 it is part of a word.
fn chinese(chars: &[char], start: usize) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut section = 0.0;
    let mut number = 0.0;
    let mut i = start;
    let mut seen_digit = false;
    let mut seen_unit = false;
    let mut digits: Vec<f64> = Vec::new();
    while let Some(&c) = chars.get(i) {
        if let Some(d) = chinese_digit(c) {
            number = d;
            seen_digit = true;
            digits.push(d);
        } else if let Some(u) = chinese_unit(c) {
            seen_unit = true;
            match c {
                '万' => {
                    let n = section + number;
                    total += if n == 0.0 { 1.0 } else { n } * u;
                    section = 0.0;
                    number = 0.0;
                }
                '亿' => {
                    let before = total + section + number;
                    total = if before == 0.0 { 1.0 } else { before } * u;
                    section = 0.0;
                    number = 0.0;
                }
                _ => {
                    section += if number == 0.0 { 1.0 } else { number } * u;
                    number = 0.0;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if !seen_digit && !seen_unit {
        return None;
    }
    if !seen_unit {
        // Digits alone: a lone one counts before a measure word; a run reads digit by digit.
        if digits.len() == 1 && !chars.get(i).is_some_and(|c| measure_word(*c)) {
            return None;
        }
        let value = digits.iter().fold(0.0, |n, d| n * 10.0 + d);
        return Some((value, i));
    }
    let value = total + section + number;
    // A lone 万 or 亿 (万人, 亿元 after a word) states no figure of its own.
    if !seen_digit && i - start == 1 && matches!(chars[start], '万' | '亿' | '十' | '百' | '千')
    {
        return None;
    }
    Some((value, i))
}

/// 下降 9.9%, 减少 3 个, 降低 2 个百分点: a fall stated as a positive number. 下降至 / 降至 / 减少到
/// name the level reached, which stays positive.
fn falls_before(chars: &[char], at: usize) -> bool {
    let before: String = chars[..at]
        .iter()
        .rev()
        .skip_while(|c| c.is_whitespace())
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // 下降了 9.9%, 减少约 3 个, 回落近 2 个百分点: the fall word, then perhaps 了, 约 or 近.
    let before = before.trim_end_matches(['了', '约', '近']);
    ["下降", "减少", "降低", "回落", "降幅", "减幅"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// A minus sign right before the number, not a range's dash (1-11月).
fn minus_before(chars: &[char], at: usize) -> bool {
    at > 0
        && matches!(chars[at - 1], '-' | '−' | '－')
        && !(at > 1 && chars[at - 2].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_numbers_with_scale_words() {
        assert!(states_value("全市首座 1.3 万座", 13000.0));
        assert!(states_value("意向投资额 1391 亿元", 1391e8));
        assert!(states_value("超 600 万平方米", 6e6));
        assert!(states_value("增长 3%", 3.0));
        assert!(!states_value("增长 3%", 30.0));
        assert!(states_value("分别压缩至 65、45、80 个工作日", 45.0));
        assert!(states_value("收入 1,391 亿元", 1391e8));
        assert!(states_value(
            "全年完成一般公共预算收入 263. 18 亿元",
            263.18e8
        ));
        assert!(states_value("剔除留抵退税因素后同 口径下降 4. 1%", -4.1));
        // 千 and 百 start units unless 万 or 亿 follow.
        assert!(states_value("装机10千瓦", 10.0));
        assert!(!states_value("装机10千瓦", 10000.0));
        assert!(states_value("2千亿元", 2e11));
        assert!(states_value("3万亿元", 3e12));
    }

    #[test]
    fn falls_are_negative_and_levels_reached_are_not() {
        assert!(states_value("一般公共预算收入下降 9.9%", -9.9));
        assert!(!states_value("一般公共预算收入下降 9.9%", 9.9));
        assert!(states_value("减少3个", -3.0));
        assert!(states_value("PM2.5浓度下降至 17.5 微克", 17.5));
        assert!(states_value("增长-9.9%", -9.9));
        assert!(states_value("1-11月", 11.0));
        assert!(states_value("回落近 2 个百分点", -2.0));
        assert!(states_value("减少约3个", -3.0));
    }

    #[test]
    fn chinese_numerals() {
        assert!(states_value("惠及一万余家市场主体和三万余名市民", 10000.0));
        assert!(states_value("惠及一万余家市场主体和三万余名市民", 30000.0));
        assert!(states_value("安排全区一千余名干部", 1000.0));
        assert!(states_value("实现产值破千亿", 1e11));
        assert!(states_value("半数以上既有重要建筑", 50.0));
        assert!(states_value("二十三个", 23.0));
        assert!(!states_value("万人次", 10000.0));
        // A lone digit in a word is no figure; before a measure word it is.
        assert!(!states_value("进一步统一标准", 1.0));
        assert!(states_value("支持三家实验室", 3.0));
        assert!(states_value("二〇二二年", 2022.0));
    }
}
