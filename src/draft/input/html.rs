//! An HTML page saved from a browser, read by a real HTML parser (html5ever, through `scraper`):
//! its text with block elements as line breaks, without scripts, styles and navigation, and then
//! the densest run of lines of Chinese prose kept — the article — without the menus, footers and
//! link lists around it. The parser, not a tag stripper, decides what is text: every entity, a
//! `>` inside an attribute, a script holding `</div>`, an element left open.

use scraper::{Html, Node};

use super::{Raw, Reader};
use crate::draft::DraftError;
use crate::model::lexicon::is_cjk;

pub(super) struct Page;

pub(super) const READER: Page = Page;

impl Reader for Page {
    fn expected(&self) -> &'static str {
        "an HTML page saved from a browser (File → Save page as, HTML only)"
    }

    fn detect(&self, raw: &Raw) -> bool {
        raw.decoded().is_ok_and(|(text, _)| {
            let head: String = text.chars().take(2048).collect::<String>().to_lowercase();
            head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
        })
    }

    fn read(&self, raw: &Raw) -> Result<String, DraftError> {
        let (text, _) = raw.decoded()?;
        let article = article_text(text);
        // Fewer than twenty Chinese characters is a menu or an error page, not a report.
        if article.chars().filter(|c| is_cjk(*c)).count() < 20 {
            return Err(DraftError::NoArticle {
                file: raw.file().to_owned(),
            });
        }
        Ok(article)
    }

    fn origin(&self) -> Option<&'static str> {
        Some("article of an HTML page")
    }
}

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
pub(super) fn article_text(html: &str) -> String {
    let lines = page_lines(html);
    densest_run(&lines).join("\n")
}

/// Every line of text of a page, in order.
fn page_lines(html: &str) -> Vec<String> {
    let page = Html::parse_document(html);
    let mut out = String::new();
    // Depth first with an explicit stack (a deeply nested page cannot exhaust the call stack);
    // an element is pushed again, closing, below its children, to end its line after them.
    let mut stack = vec![(page.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) => {
                let name = element.name();
                if SKIPPED.contains(&name) {
                    continue;
                }
                if BLOCKS.contains(&name) {
                    out.push('\n');
                } else if name == "td" || name == "th" {
                    out.push('\t');
                }
                if !closing {
                    stack.push((node, true));
                    stack.extend(node.children().rev().map(|c| (c, false)));
                }
            }
            Node::Document | Node::Fragment => {
                stack.extend(node.children().rev().map(|c| (c, false)));
            }
            _ => {}
        }
    }
    // Runs of white space (the no-break spaces of &nbsp; and the ideographic spaces that indent
    // paragraphs among them) as one space.
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// The run of lines with the most Chinese prose: each line scores its Chinese characters less a
/// cost per line, so a long menu of short links scores below an article of long paragraphs.
fn densest_run(lines: &[String]) -> Vec<String> {
    const LINE_COST: i64 = 12;
    let (mut best, mut best_range) = (i64::MIN, 0..0);
    let (mut sum, mut start) = (0_i64, 0);
    for (i, line) in lines.iter().enumerate() {
        let cjk = line.chars().filter(|c| is_cjk(*c)).count() as i64;
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
    lines.get(best_range).map(<[String]>::to_vec).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_without_navigation() {
        let html = r#"<!DOCTYPE html><html><head><title>政府工作报告</title>
            <style>p { color: red }</style><script>var x = "增长 99%</div>";</script></head>
            <body><nav><a href="/">首页</a><a href="/a">政务公开</a></nav>
            <div class="menu"><a>机构</a></div><div><a>新闻</a></div><div><a>服务</a></div>
            <div class="article"><p>全年地区生产总值完成602.5亿元，同比增长5.5%&nbsp;；规模以上工业增加值增长13.9%。</p>
            <!-- 增长 88% --><p title="a > b">固定资产投资完成190.4亿元，增长2.4%；一般公共预算收入完成15.87亿元。</p></div>
            <footer>版权所有 &copy; 2023</footer></body></html>"#;
        let text = article_text(html);
        assert!(text.starts_with("全年地区生产总值完成602.5亿元"), "{text}");
        assert!(text.contains("一般公共预算收入完成15.87亿元"));
        for gone in ["99%", "88%", "首页", "版权", "b\""] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
        assert!(text.contains("同比增长5.5% ；"));
    }

    #[test]
    fn entities_and_tables() {
        let html = "<html><body><p>a&amp;b &#x4E00;&#20108; &ldquo;十四五&rdquo; &bogus; &</p>\
                    <table><tr><td>生产总值</td><td>295.4</td></tr></table></body></html>";
        let lines = page_lines(html);
        assert_eq!(lines[0], "a&b 一二 “十四五” &bogus; &");
        assert_eq!(lines[1], "生产总值 295.4");
    }
}
