//! What the window calls the data open: its title, and each page's name. With the files of
//! several places open (31 provinces' reports), no one file's title stands for them all, and a
//! page says whose it is: "广东省 · 主要指标".

use std::collections::BTreeSet;

use super::DataSource;
use crate::model::{ChartKind, DataFile, Lang, Page, Place};

/// The one place a file's sources are of, if they name exactly one.
fn file_place(file: &DataFile) -> Option<&Place> {
    let mut places = file.report.sources.iter().filter_map(|s| s.place.as_ref());
    let first = places.next()?;
    places.all(|p| p.code == first.code).then_some(first)
}

impl DataSource {
    /// How many places the open files' sources name, each counted once.
    pub fn place_count(&self) -> usize {
        let codes: BTreeSet<&str> = self
            .files
            .iter()
            .flat_map(|f| &f.report.sources)
            .filter_map(|s| s.place.as_ref().map(|p| p.code.as_str()))
            .collect();
        codes.len()
    }

    /// The place of the file that declares page `id`, when the files open are of several
    /// places, that file is of one, and the page does not compare places (a chart of kind
    /// `Places` is everyone's).
    pub fn page_place(&self, id: &str) -> Option<&Place> {
        if self.place_count() < 2 {
            return None;
        }
        let file = self
            .files
            .iter()
            .find(|f| f.report.pages.iter().any(|p| p.id == id))?;
        let page = file.report.pages.iter().find(|p| p.id == id)?;
        let compares = page.charts.iter().any(|c| {
            self.report
                .chart(c)
                .is_some_and(|c| c.kind == ChartKind::Places)
        });
        if compares { None } else { file_place(file) }
    }

    /// A page's name as the window shows it: its title, after its place's name when the files
    /// open are of several places ("广东省 · 主要指标").
    pub fn page_name(&self, page: &Page, lang: Lang) -> String {
        let title = page.title.get(lang);
        match self.page_place(&page.id) {
            Some(place) => format!("{} · {title}", place.name(lang)),
            None => title.to_owned(),
        }
    }

    /// What the data open is called: the report's title, when one report is open (or files that
    /// all add to one issuer's report, as the embedded data does); else how many files are open,
    /// and of how many places ("31 个文件，31 个地区").
    pub fn data_title(&self, lang: Lang) -> String {
        let issuers: BTreeSet<&str> = self
            .files
            .iter()
            .map(|f| f.report.issuer.get(lang))
            .collect();
        let places = self.place_count();
        if self.files.len() <= 1 || (issuers.len() == 1 && places < 2) {
            return self.report.title.get(lang).to_owned();
        }
        let files = self.files.len();
        match (places, lang) {
            (0 | 1, Lang::Zh) => format!("{files} 个文件"),
            (0 | 1, Lang::En) => format!("{files} files"),
            (_, Lang::Zh) => format!("{files} 个文件，{places} 个地区"),
            (_, Lang::En) => format!("{files} files, {places} places"),
        }
    }

    /// The window's title: the app's name and [`Self::data_title`].
    pub fn window_title(&self, lang: Lang) -> String {
        format!("planboard · {}", self.data_title(lang))
    }
}
