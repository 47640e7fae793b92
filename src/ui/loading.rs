//! What the window shows of data loading on its own thread ([`crate::data_source`]): the progress
//! line above the page, and the problems of a load that failed, cut to what a notice can hold.

use egui::RichText;

use crate::data_source::{Wake, Waker};
use crate::i18n::tr;
use crate::model::Lang;

/// A load or a watched change done on another thread wakes the window: egui draws a frame then.
impl Wake for egui::Context {
    fn waker(&self) -> Waker {
        let ctx = self.clone();
        std::sync::Arc::new(move || ctx.request_repaint())
    }
}

/// The most problem lines a notice shows: a notice of thousands of lines costs every frame its
/// layout while it is up; `planboard check` lists them all.
pub const NOTICE_LINES: usize = 20;

/// `lines` joined, at most [`NOTICE_LINES`] of them, and how many more there are.
pub fn first_lines(lines: Vec<String>, lang: Lang) -> String {
    let more = lines.len().saturating_sub(NOTICE_LINES);
    let mut shown: Vec<String> = lines.into_iter().take(NOTICE_LINES).collect();
    if more > 0 {
        shown.push(match lang {
            Lang::Zh => format!("……另有 {more} 个问题（planboard check 可列出全部）"),
            Lang::En => format!("… and {more} more problems (planboard check lists them all)"),
        });
    }
    shown.join("\n")
}

/// The line above the page while data loads: a spinner and what is loading. The data on screen
/// stays below it until the new data is ready.
pub fn loading_ui(ui: &mut egui::Ui, lang: Lang, what: &str) {
    ui.horizontal(|ui| {
        ui.add(egui::Spinner::new());
        ui.label(RichText::new(format!(
            "{}{what}{}",
            tr(lang, "正在载入 ", "Loading "),
            tr(lang, " …", " …")
        )));
    });
    ui.add_space(6.0);
}

#[cfg(test)]
mod tests {
    use super::{Lang, NOTICE_LINES, first_lines};

    #[test]
    fn a_notice_shows_the_first_problems_and_counts_the_rest() {
        let lines = |n: usize| (0..n).map(|i| format!("a.ron:{i}:1: wrong")).collect();
        assert_eq!(
            first_lines(lines(2), Lang::En),
            "a.ron:0:1: wrong\na.ron:1:1: wrong"
        );
        let en = first_lines(lines(10_000), Lang::En);
        assert_eq!(en.lines().count(), NOTICE_LINES + 1);
        assert!(
            en.ends_with("… and 9980 more problems (planboard check lists them all)"),
            "{en}"
        );
        let zh = first_lines(lines(10_000), Lang::Zh);
        assert!(
            zh.ends_with("……另有 9980 个问题（planboard check 可列出全部）"),
            "{zh}"
        );
    }
}
