//! The settings store eframe keeps (`app.ron` in the app's data folder), for the window on the
//! CPU path: read and written the way eframe does, so the two renderers share a person's choices.

use std::collections::HashMap;

use super::APP_ID;

/// Why the settings could not be written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot write the settings as RON: {0}")]
    Serialize(#[from] ron::Error),
    #[error("{}: cannot create the settings folder: {source}", .path.display())]
    Folder {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] crate::files::WriteError),
}

impl StoreError {
    /// The error in both languages: its display, and the same in Chinese.
    pub fn message(&self) -> crate::model::Msg {
        let zh = match self {
            Self::Serialize(err) => format!("无法把设置写成 RON：{err}"),
            Self::Folder { path, source } => {
                format!("{}：无法创建设置文件夹：{source}", path.display())
            }
            Self::Write(err) => err.zh(),
        };
        crate::model::Msg::new(self.to_string(), zh)
    }
}

/// The settings store: every entry eframe keeps, ours among them.
pub(crate) struct Store {
    path: std::path::PathBuf,
    entries: HashMap<String, String>,
    dirty: bool,
}

impl Store {
    pub(crate) fn open() -> Option<Self> {
        let dir = eframe::storage_dir(APP_ID)?;
        let path = dir.join("app.ron");
        let entries = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default();
        Some(Self {
            path,
            entries,
            dirty: false,
        })
    }

    pub(crate) fn get(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }

    pub(crate) fn set(&mut self, key: &str, value: String) {
        self.entries.insert(key.to_owned(), value);
        self.dirty = true;
    }

    /// Write the entries when they changed since the last write that succeeded; a failure keeps
    /// them to write at the next change, and says why.
    pub(crate) fn flush(&mut self) -> Result<(), StoreError> {
        if !self.dirty {
            return Ok(());
        }
        let text = ron::ser::to_string_pretty(&self.entries, ron::ser::PrettyConfig::default())?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
                path: dir.to_owned(),
                source,
            })?;
        }
        crate::files::write_atomic(&self.path, text.as_bytes())?;
        self.dirty = false;
        Ok(())
    }
}
