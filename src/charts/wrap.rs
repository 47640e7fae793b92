//! Wrapping category labels so long Chinese names fit under their bars instead of being dropped
//! or overlapping.

/// Break `text` into lines of at most `max_units` display units, where a CJK character counts 2
/// and other characters 1. Latin words are kept whole when they fit; CJK text breaks anywhere, but
/// never before closing punctuation. At most `max_lines` lines; the last ends with "…" when cut.
pub fn wrap_label(text: &str, max_units: usize, max_lines: usize) -> String {
    let max_units = max_units.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let mut tokens = tokens(text).into_iter().peekable();
    while let Some(tok) = tokens.next() {
        let w = width(&tok);
        let closing = tok.chars().next().is_some_and(is_closing);
        if used + w > max_units && !line.is_empty() && !(closing && used + w <= max_units + 2) {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            used = 0;
            if tok.trim().is_empty() {
                continue;
            }
        }
        line.push_str(&tok);
        used += w;
        let _ = tokens.peek();
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while width(last) + 2 > max_units && last.pop().is_some() {}
            last.push('…');
        }
    }
    lines.join("\n")
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x201C..=0x201D)
}

pub(super) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '）' | '”' | '：' | '；' | ')' | ',' | '.'
    )
}

fn width(s: &str) -> usize {
    s.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

/// CJK characters one by one; runs of other characters as words; spaces on their own.
pub(super) fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_cjk(c) || c.is_whitespace() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Break `text` into at most `max_lines` lines no wider than `max_width` points as `measure`
/// finds them: Latin words whole when they fit, CJK anywhere but before closing punctuation. The
/// last line ends with "…" when the text is cut.
pub fn wrap_to_width(
    text: &str,
    max_width: f32,
    max_lines: usize,
    measure: &dyn Fn(&str) -> f32,
) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens(text) {
        let candidate = format!("{line}{token}");
        let closing = token.chars().next().is_some_and(is_closing);
        if !line.is_empty() && measure(candidate.trim_end()) > max_width && !closing {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            if token.trim().is_empty() {
                continue;
            }
            // A word wider than the room on its own: cut it by characters.
            if measure(&token) > max_width {
                for c in token.chars() {
                    let next = format!("{line}{c}");
                    if !line.is_empty() && measure(&next) > max_width {
                        lines.push(std::mem::take(&mut line));
                    }
                    line.push(c);
                }
                continue;
            }
        }
        line.push_str(&token);
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && measure(&format!("{last}…")) > max_width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::wrap_label;

    #[test]
    fn short_labels_stay_on_one_line() {
        assert_eq!(wrap_label("地区生产总值", 20, 3), "地区生产总值");
    }

    #[test]
    fn long_chinese_breaks_by_width() {
        assert_eq!(
            wrap_label("社会消费品零售总额", 8, 3),
            "社会消费\n品零售总\n额"
        );
    }

    #[test]
    fn latin_words_stay_whole() {
        assert_eq!(
            wrap_label("General public budget revenue", 14, 3),
            "General public\nbudget revenue"
        );
    }

    #[test]
    fn too_long_is_cut_with_an_ellipsis() {
        let s = wrap_label("规模以上工业增加值规模以上工业增加值", 6, 2);
        assert_eq!(s, "规模以\n上工…");
    }
}
