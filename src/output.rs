//! Output files (`export -o PATH`): written so that PATH stays what it was.
//!
//! - A regular file, or a new one, is written under a temporary name beside
//!   it (`NAME.PID.partial`) and moved over PATH only once complete: flushed
//!   and synced to disk. A failed or interrupted write leaves PATH as it was.
//!   A replaced file keeps its permissions.
//! - A symlink is followed and stays a link: its target is written as above
//!   (created when the link dangles).
//! - A character device (`/dev/null`, a terminal) or a FIFO is written
//!   directly, never renamed over; so is anything under `/dev` or `/proc`
//!   (`/dev/stdout` leads to whatever standard output is).
//! - A folder, a socket or a block device is refused.
//!
//! Every message names PATH as the user gave it, never the temporary file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::article::io_message;

/// Why an output file could not be written; the message names the user's path.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {reason}", path.display())]
pub struct OutputError {
    pub path: PathBuf,
    pub reason: String,
}

impl OutputError {
    fn new(path: &Path, reason: impl Into<String>) -> Self {
        OutputError { path: path.to_path_buf(), reason: reason.into() }
    }
}

/// An output file being written; see the module documentation.
pub struct OutputFile {
    /// The path as the user gave it, for messages.
    shown: PathBuf,
    out: BufWriter<File>,
    /// Set for a file written under a temporary name: (temporary, destination).
    rename: Option<(PathBuf, PathBuf)>,
    /// The first write error, kept so that the message can name the path
    /// however the error travelled back to the caller.
    failed: Option<String>,
}

impl OutputFile {
    pub fn create(path: &Path) -> Result<OutputFile, OutputError> {
        let err = |reason: String| OutputError::new(path, reason);
        let direct = |file: io::Result<File>| -> Result<OutputFile, OutputError> {
            let file = file.map_err(|e| err(io_message(&e)))?;
            Ok(OutputFile { shown: path.to_path_buf(), out: buffer(file), rename: None, failed: None })
        };
        if path.starts_with("/dev") || path.starts_with("/proc") {
            return direct(OpenOptions::new().write(true).create(true).truncate(true).open(path));
        }
        let (dest, existing) = match fs::metadata(path) {
            Ok(m) => (fs::canonicalize(path).map_err(|e| err(io_message(&e)))?, Some(m)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                (link_target(path).map_err(|e| err(io_message(&e)))?, None)
            }
            Err(e) => return Err(err(io_message(&e))),
        };
        if let Some(m) = &existing {
            let kind = file_kind(m);
            match kind {
                Kind::Regular => {}
                Kind::Direct => return direct(OpenOptions::new().write(true).open(path)),
                Kind::Refused(what) => return Err(err(format!("it is {what}; give a file name"))),
            }
        }
        let folder = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let Some(name) = dest.file_name() else { return Err(err("not a file name".into())) };
        let mut tmp_name = name.to_os_string();
        tmp_name.push(format!(".{}.partial", std::process::id()));
        let tmp = folder.join(tmp_name);
        // create_new: never through a link or over a file someone left at that name.
        let file = OpenOptions::new().write(true).create_new(true).open(&tmp).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => err(format!("its folder {} does not exist", folder.display())),
            io::ErrorKind::PermissionDenied => err(format!(
                "permission denied in its folder {} (the file is written beside its destination and moved into place)",
                folder.display()
            )),
            _ => err(io_message(&e)),
        })?;
        if let Some(m) = &existing {
            // A replaced file keeps its mode; failing to copy it is not worth failing the export.
            let _ = fs::set_permissions(&tmp, m.permissions());
        }
        Ok(OutputFile { shown: path.to_path_buf(), out: buffer(file), rename: Some((tmp, dest)), failed: None })
    }

    /// Finishes the file: flushed, synced and moved into place.
    pub fn commit(mut self) -> Result<(), OutputError> {
        let flushed = self.out.flush().and_then(|()| self.out.get_ref().sync_all());
        let flushed = match (flushed, self.rename.is_some()) {
            // A device or FIFO may not sync (EINVAL); what was written is written.
            (Err(e), false) if e.kind() == io::ErrorKind::InvalidInput => Ok(()),
            (other, _) => other,
        };
        if let Err(e) = flushed {
            return Err(self.fail(io_message(&e)));
        }
        if let Some((tmp, dest)) = self.rename.take() {
            if let Err(e) = fs::rename(&tmp, &dest) {
                let _ = fs::remove_file(&tmp);
                return Err(OutputError::new(&self.shown, format!("{} (it is unchanged)", io_message(&e))));
            }
            // The rename itself reaches the disk with its folder.
            if let Some(folder) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
                let _ = File::open(folder).and_then(|f| f.sync_all());
            }
        }
        Ok(())
    }

    /// The error to report for a run that failed: the write error, naming the
    /// path, when writing failed; else the run's own error. The temporary file
    /// is removed (on drop).
    pub fn abandon(mut self, e: anyhow::Error) -> anyhow::Error {
        match self.failed.take() {
            Some(what) => self.fail(what).into(),
            None => e,
        }
    }

    fn fail(&self, what: String) -> OutputError {
        let state = if self.rename.is_some() { "it is unchanged" } else { "it holds what was written before" };
        OutputError::new(&self.shown, format!("{what} ({state})"))
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf).inspect_err(|e| {
            self.failed.get_or_insert_with(|| io_message(e));
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush().inspect_err(|e| {
            self.failed.get_or_insert_with(|| io_message(e));
        })
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        if let Some((tmp, _)) = &self.rename {
            let _ = fs::remove_file(tmp);
        }
    }
}

/// Runs `write` with standard output, or with PATH opened as an [`OutputFile`]
/// and committed when `write` succeeds.
pub fn write_to(
    path: Option<&Path>,
    stdout: impl FnOnce() -> Box<dyn Write>,
    write: impl FnOnce(Box<dyn Write + '_>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let Some(path) = path else { return write(stdout()) };
    let mut file = OutputFile::create(path)?;
    match write(Box::new(&mut file)) {
        Ok(()) => Ok(file.commit()?),
        Err(e) => Err(file.abandon(e)),
    }
}

fn buffer(file: File) -> BufWriter<File> {
    BufWriter::with_capacity(64 * 1024, file)
}

enum Kind {
    Regular,
    /// Written in place: a character device or a FIFO.
    Direct,
    /// Never written: what it is, for the message.
    Refused(&'static str),
}

fn file_kind(m: &fs::Metadata) -> Kind {
    let t = m.file_type();
    if t.is_file() {
        return Kind::Regular;
    }
    if t.is_dir() {
        return Kind::Refused("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() || t.is_fifo() {
            return Kind::Direct;
        }
        if t.is_block_device() {
            return Kind::Refused("a block device (a disk)");
        }
        if t.is_socket() {
            return Kind::Refused("a socket");
        }
    }
    Kind::Refused("not a regular file")
}

/// Where a path that does not exist will be created: itself, or, for a
/// dangling symlink, the end of its chain of links.
fn link_target(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(path: &Path, text: &str) -> Result<(), OutputError> {
        let mut f = OutputFile::create(path)?;
        f.write_all(text.as_bytes()).unwrap();
        f.commit()
    }

    #[test]
    fn a_regular_file_is_replaced_only_when_complete() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        let mut f = OutputFile::create(&path).unwrap();
        f.write_all(b"new").unwrap();
        f.flush().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        drop(f);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "the temporary file was left behind");
        written(&path, "new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        written(&path, "new").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_gets_its_target_created_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink("sub/target.csv", &link).unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        written(&link, "x").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(dir.path().join("sub/target.csv")).unwrap(), "x");
    }

    #[test]
    fn errors_name_the_path_given_not_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no/such/out.csv");
        let e = written(&missing, "x").unwrap_err().to_string();
        assert!(e.starts_with(&format!("cannot write {}: its folder", missing.display())), "{e}");
        assert!(!e.contains("partial"), "{e}");
        let e = written(dir.path(), "x").unwrap_err().to_string();
        assert!(e.contains("it is a folder") && !e.contains("partial"), "{e}");
    }
}
