//! The article of an HTML page saved from a browser: tags dropped, block elements as line breaks,
//! entities decoded, scripts, styles and navigation removed, and then the densest run of lines of
//! Chinese prose kept — the article — without the menus, footers and link lists around it.

/// Elements whose content is never article text.
const SKIPPED: [&str; 9] = [
    "script", "style", "noscript", "nav", "header", "footer", "aside", "select", "template",
];

/// Elements that end a line.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "hr",
    "title",
];

/// The article text of an HTML page.
pub fn article_text(html: &str) -> String {
    let lines = page_lines(html);
    densest_run(&lines).join("\n")
}

/// Every line of text of a page, in order.
fn page_lines(html: &str) -> Vec<String> {
    let mut out = String::new();
    let mut skip_until: Option<String> = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let (text, tail) = rest.split_at(lt);
        if skip_until.is_none() {
            out.push_str(&decode_entities(text));
        }
        let Some(gt) = tail.find('>') else {
            rest = "";
            break;
        };
        let tag = &tail[1..gt];
        rest = &tail[gt + 1..];
        if tag.starts_with("!--") {
            // A comment: skip to its end.
            if let Some(end) = tail.find("-->") {
                rest = &tail[end + 3..];
            }
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(until) = &skip_until {
            if closing && *until == name {
                skip_until = None;
            }
            continue;
        }
        if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            skip_until = Some(name);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push('\n');
        } else if name == "td" || name == "th" {
            out.push('\t');
        }
    }
    if skip_until.is_none() {
        out.push_str(&decode_entities(rest));
    }
    out.lines()
        .map(|l| {
            l.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace('\u{a0}', " ")
        })
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// The run of lines with the most Chinese prose: each line scores its Chinese characters less a
/// cost per line, so a long menu of short links scores below an article of long paragraphs.
fn densest_run(lines: &[String]) -> Vec<String> {
    const LINE_COST: i64 = 12;
    let (mut best, mut best_range) = (i64::MIN, 0..0);
    let (mut sum, mut start) = (0_i64, 0);
    for (i, line) in lines.iter().enumerate() {
        let cjk = line.chars().filter(|c| super::decode::is_cjk(*c)).count() as i64;
        let score = cjk - LINE_COST;
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += score;
        if sum > best {
            best = sum;
            best_range = start..i + 1;
        }
    }
    lines[best_range].to_vec()
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let end = tail.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| entity(&tail[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "middot" => '·',
        "hellip" => '…',
        "times" => '×',
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(code)?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_without_navigation() {
        let html = r#"<!DOCTYPE html><html><head><title>政府工作报告</title>
            <style>p { color: red }</style><script>var x = "增长 99%";</script></head>
            <body><nav><a href="/">首页</a><a href="/a">政务公开</a></nav>
            <div class="menu"><a>机构</a></div><div><a>新闻</a></div><div><a>服务</a></div>
            <div class="article"><p>全年地区生产总值完成602.5亿元，同比增长5.5%&nbsp;；规模以上工业增加值增长13.9%。</p>
            <p>固定资产投资完成190.4亿元，增长2.4%；一般公共预算收入完成15.87亿元。</p></div>
            <footer>版权所有 &copy; 2023</footer></body></html>"#;
        let text = article_text(html);
        assert!(text.starts_with("全年地区生产总值完成602.5亿元"), "{text}");
        assert!(text.contains("一般公共预算收入完成15.87亿元"));
        assert!(!text.contains("99%") && !text.contains("首页") && !text.contains("版权"));
        assert!(text.contains("同比增长5.5% ；"));
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a&amp;b &#x4E00;&#20108; &bogus; &"),
            "a&b 一二 &bogus; &"
        );
    }
}
