//! Writing files so that a failure leaves nothing behind and an existing file intact: images,
//! screenshots and the saved settings all go through [`write_atomic`]; a drafted data file through
//! [`write_new`], which never replaces one.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: the folder does not exist; create it or choose another", .0.display())]
    MissingFolder(PathBuf),
    #[error("{}: the file exists; choose another name or replace it", .0.display())]
    Exists(PathBuf),
    #[error("{}: cannot write here: {source}", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl WriteError {
    /// The error in Chinese, saying what the English display says: the window speaks both.
    pub fn zh(&self) -> String {
        match self {
            Self::MissingFolder(dir) => {
                format!("{}：文件夹不存在；请创建它或另选一个", dir.display())
            }
            Self::Exists(path) => format!("{}：文件已存在；请另取文件名或替换它", path.display()),
            Self::Write { path, source } => {
                format!("{}：无法写入此处：{source}", path.display())
            }
        }
    }
}

/// Write `bytes` to `path` through a temporary file in the same folder, renamed into place only
/// once complete: on any failure there is no partial file and an existing one is kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let tmp = complete_temp(path, bytes)?;
    tmp.persist(path).map_err(|e| WriteError::Write {
        path: path.to_owned(),
        source: e.error,
    })?;
    Ok(())
}

/// Like [`write_atomic`], but never over an existing file: [`WriteError::Exists`] instead.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let tmp = complete_temp(path, bytes)?;
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.to_owned()))
        }
        Err(e) => Err(WriteError::Write {
            path: path.to_owned(),
            source: e.error,
        }),
    }
}

/// A temporary file beside `path` holding `bytes`, synced, with the permissions `path` will have.
fn complete_temp(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, WriteError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(WriteError::MissingFolder(dir.to_owned()));
    }
    let err = |source| WriteError::Write {
        path: path.to_owned(),
        source,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".planboard-").suffix(".part");
    // Temporary files are private (0600); an image is an ordinary file others may read.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder.tempfile_in(dir).map_err(err)?;
    // Replacing a file keeps its permissions: a private image stays private.
    if let Ok(existing) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(existing.permissions())
            .map_err(err)?;
    }
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    Ok(tmp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = dir.path().join("nope").join("x.png");
        assert!(matches!(
            write_atomic(&missing, b"x"),
            Err(WriteError::MissingFolder(_))
        ));
        let ok = dir.path().join("x.png");
        write_atomic(&ok, b"first").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&ok, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        }
        write_atomic(&ok, b"second").expect("overwrite");
        assert_eq!(std::fs::read(&ok).expect("read"), b"second");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&ok).expect("stat").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "an existing file's permissions are kept");
        }
        let entries = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(entries, 1, "no temporary file left behind");
    }

    #[test]
    fn write_new_never_replaces() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("r.ron");
        write_new(&path, b"first").expect("a new file");
        assert!(matches!(
            write_new(&path, b"second"),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(std::fs::read(&path).expect("read"), b"first");
        let entries = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(entries, 1, "no temporary file left behind");
    }
}
