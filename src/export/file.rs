//! What can go wrong making an image, and file names that stay in their folder.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: the folder does not exist; create it or choose another", .0.display())]
    MissingFolder(PathBuf),
    #[error(transparent)]
    Write(#[from] crate::files::WriteError),
    #[error("{}: another chart (`{other}`) has the same file name; expected chart ids that differ after / \\ and .. are replaced", .path.display())]
    NameClash { path: PathBuf, other: String },
    #[error("cannot encode the PNG: {0}")]
    Png(#[source] png::EncodingError),
    #[error("the image is too large to encode")]
    TooLarge,
    #[error("cannot embed the font {0}")]
    Font(String),
}

impl ExportError {
    /// The error in both languages: its display, and the same in Chinese, for the window.
    pub fn message(&self) -> crate::model::Msg {
        let zh = match self {
            Self::MissingFolder(dir) => {
                format!("{}：文件夹不存在；请创建它或另选一个", dir.display())
            }
            Self::Write(err) => err.zh(),
            Self::NameClash { path, other } => format!(
                "{}：另一张图（`{other}`）的文件名与之相同；图表 id 在替换 / \\ 和 .. 之后应互不相同",
                path.display()
            ),
            Self::Png(err) => format!("无法编码 PNG：{err}"),
            Self::TooLarge => "图片太大，无法编码".to_owned(),
            Self::Font(name) => format!("无法嵌入字体 {name}"),
        };
        crate::model::Msg::new(self.to_string(), zh)
    }
}

/// A file name from an id that cannot leave the folder it is joined to: path separators, `..`,
/// control characters and leading dots are replaced.
pub fn safe_file_name(id: &str, extension: &str) -> String {
    let mut name: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    while name.contains("..") {
        name = name.replace("..", "_");
    }
    let name = name.trim_start_matches('.');
    let name = if name.is_empty() { "chart" } else { name };
    format!("{name}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each error is said in Chinese too, naming the same file.
    #[test]
    fn errors_are_said_in_both_languages() {
        let missing = ExportError::MissingFolder(PathBuf::from("/no/such"));
        let msg = missing.message();
        assert_eq!(msg.en, missing.to_string());
        assert_eq!(msg.zh, "/no/such：文件夹不存在；请创建它或另选一个");
        let write = ExportError::Write(crate::files::WriteError::Exists(PathBuf::from("a.png")));
        assert_eq!(
            write.message().zh,
            "a.png：文件已存在；请另取文件名或替换它"
        );
    }

    #[test]
    fn names_stay_in_the_folder() {
        assert_eq!(safe_file_name("headline", "png"), "headline.png");
        assert_eq!(safe_file_name("../etc/passwd", "png"), "__etc_passwd.png");
        assert_eq!(safe_file_name("a/b\\c", "png"), "a_b_c.png");
        assert_eq!(safe_file_name("..", "png"), "_.png");
        assert_eq!(safe_file_name("", "png"), "chart.png");
        assert_eq!(safe_file_name("空气质量", "png"), "空气质量.png");
    }
}
