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
