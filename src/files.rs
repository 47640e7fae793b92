//! Writing files so that a failure leaves nothing behind and an existing file intact: images,
//! screenshots and the saved settings all go through [`write_atomic`].

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: the folder does not exist; create it or choose another", .0.display())]
    MissingFolder(PathBuf),
    #[error("{}: cannot write here: {source}", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Write `bytes` to `path` through a temporary file in the same folder, renamed into place only
/// once complete: on any failure there is no partial file and an existing one is kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
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
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
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
}
