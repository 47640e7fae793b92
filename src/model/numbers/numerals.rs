//! The numerals themselves: Arabic with thousands commas and a scale word, and Chinese (一万余,
//! 千亿, 三万).

use super::skip_space;
use crate::model::lexicon::Lexicon;

/// An Arabic number from `start`: digits, an optional decimal part (spaces after the point are
/// extraction noise: "263. 18"), thousands commas, then an optional scale word (万, 亿, 万亿, 千万,
/// 百万) after optional spaces.
pub(super) fn arabic(chars: &[char], start: usize) -> (f64, usize) {
    let mut s = String::new();
    let mut i = start;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            s.push(c);
        } else if matches!(c, '.' | '·') && !s.contains('.') && {
            let d = skip_space(chars, i + 1);
            chars.get(d).is_some_and(char::is_ascii_digit) && (d == i + 1 || d <= i + 2)
        } {
            s.push('.');
            i = skip_space(chars, i + 1);
            continue;
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
    let j = skip_space(chars, i);
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

pub(super) fn chinese_digit(c: char) -> Option<f64> {
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

pub(super) fn chinese_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1e3,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// A Chinese numeral from `start` (一万, 三万, 一千, 千亿, 二十三; 二〇二二 digit by digit). A lone
/// digit is a figure only before a measure word (三家): in 一般, 统一, 三大 it is part of a word.
/// Two digits in a row after a unit (十四五) are a name, not a number.
pub(super) fn chinese(chars: &[char], start: usize, lex: &Lexicon) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut section = 0.0;
    let mut number = 0.0;
    let mut i = start;
    let mut seen_digit = false;
    let mut seen_unit = false;
    let mut last_was_digit = false;
    let mut digits: Vec<f64> = Vec::new();
    while let Some(&c) = chars.get(i) {
        if let Some(d) = chinese_digit(c) {
            if seen_unit && last_was_digit && d != 0.0 && number != 0.0 {
                return None;
            }
            number = d;
            seen_digit = true;
            last_was_digit = true;
            digits.push(d);
        } else if let Some(u) = chinese_unit(c) {
            seen_unit = true;
            last_was_digit = false;
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
        if digits.len() == 1 && !chars.get(i).is_some_and(|c| lex.is_measure_word(*c)) {
            return None;
        }
        // 唯一一个, 一一对应: a repeated digit is a word; digit-by-digit numbers are years (二〇二二).
        if digits.len() == 2 {
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
