//! The review page in the window: the review of one drafted file of those open, a choice of
//! which, and what its actions do to the data on screen and the file.

use egui::Ui;

use super::PlanboardApp;
use crate::i18n::tr;
use crate::model::Lang;
use crate::ui::notices::Notice;
use crate::ui::review_view::{self, ReviewAction, ReviewSession};

impl PlanboardApp {
    /// The review page: started from the first file with drafted figures, or the one chosen;
    /// its changes reach the charts at once and the file on save.
    pub(super) fn review_page_ui(&mut self, ui: &mut Ui, lang: Lang) {
        if self.review.is_none() {
            self.review = ReviewSession::start(&self.data, None);
        }
        let Some(session) = &mut self.review else {
            ui.label(tr(
                lang,
                "没有待审阅的数据文件",
                "No drafted file to review",
            ));
            return;
        };
        for action in review_view::review_ui(ui, session, &self.data, lang) {
            let done = match action {
                ReviewAction::Open(file) => {
                    // The figures reviewed so far are in the data on screen (unsaved, they
                    // stay until the window closes); the chosen file's review starts.
                    if let Some(next) = ReviewSession::start(&self.data, Some(file)) {
                        *session = next;
                    }
                    Ok(())
                }
                ReviewAction::Changed => review_view::show_changes(&mut self.data, session),
                ReviewAction::Save => session
                    .review
                    .save(&self.data.files, session.file, &session.report)
                    .map(|path| {
                        self.notices.push(Notice::info(format!(
                            "{}{}",
                            tr(lang, "已保存：", "Saved: "),
                            path.display()
                        )));
                    }),
            };
            if let Err(err) = done {
                self.notices.push(review_view::failure(lang, &err));
            }
        }
    }
}
