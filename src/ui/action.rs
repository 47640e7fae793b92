//! What a person asked for in a frame. Panels return actions while they draw; the app applies them
//! after drawing, so no panel changes state or starts file work in the middle of a frame.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::draw::Theme;
use crate::model::Lang;
use crate::ui::settings::PageRef;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    ShowPage(PageRef),
    SetLang(Lang),
    SetTheme(Theme),
    SetImageScale(f32),
    SetPrintLight(bool),
    SetImageFormat(crate::export::ImageFormat),
    /// Replace a chart's hidden series (a check box, "all", "none", "only this", or the legend).
    SetHidden {
        chart: String,
        hidden: BTreeSet<String>,
    },
    /// Show another window of time, or means, in a time chart (wheel, drag, the range strip, the
    /// means choice, double-click to fit).
    SetTimeView {
        chart: String,
        view: crate::charts::time::TimeView,
    },
    /// Ask where to save a chart's image, then save it.
    SaveChart(String),
    /// Copy a chart's image to the clipboard.
    CopyChart(String),
    /// Copy text (a card's figure and sentence) to the clipboard.
    CopyText(String),
    /// Ask for a folder, then export every chart into it.
    ExportAll,
    /// Ask for data files, then open them together.
    AskOpenFiles,
    /// Ask for a folder of data files, then open it.
    AskOpenFolder,
    /// Open these data files together (dropped on the window).
    OpenFiles(Vec<PathBuf>),
    /// Go back to the data compiled into the binary.
    UseEmbedded,
    /// Restore the default settings.
    ResetSettings,
    /// Close the data file's error bar.
    DismissDataError,
}
