//! Where run logs live: a folder per checklist under the platform's data directory
//! (`$XDG_DATA_HOME/preflight/` on Linux), one `<run>.jsonl` file per run.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::slug::slugify;

/// The extension of run log files.
pub const EXTENSION: &str = "jsonl";

/// preflight's data directory, if the platform has one for this user.
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "preflight").map(|dirs| dirs.data_dir().to_path_buf())
}

/// Where the view remembers, per checklist and run, where it was: the
/// platform's state directory (`$XDG_STATE_HOME/preflight/` on Linux), else
/// beside the run logs.
pub fn state_dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "preflight")?;
    Some(
        dirs.state_dir()
            .map_or_else(|| dirs.data_dir().join("view"), std::path::Path::to_path_buf),
    )
}

/// The file name of what the view remembers of a run.
pub fn view_file_name(run: &str) -> String {
    let log = run_file_name(run);
    let stem = log.strip_suffix(&format!(".{EXTENSION}")).unwrap_or(&log);
    format!("{stem}.view.json")
}

/// A 64-bit FNV-1a hash: tiny, and stable across Rust versions and platforms,
/// which `std`'s hasher does not promise. Folder names must never change.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = Fnv1a::default();
    hash.add(bytes);
    hash.value()
}

/// [`fnv1a`] of text written a piece at a time (`write!` into it): the hash
/// of a large value's printed form, without the printed form being held
/// (the `Debug` form of a 100,000-item checklist is about 19 MB).
#[derive(Debug, Clone, Copy)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn add(&mut self, bytes: &[u8]) {
        self.0 = bytes
            .iter()
            .fold(self.0, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    }

    /// The hash of everything written so far.
    pub fn value(self) -> u64 {
        self.0
    }
}

impl std::fmt::Write for Fnv1a {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.add(text.as_bytes());
        Ok(())
    }
}

/// The folder name of a checklist file's runs: its file name, readable, and a
/// hash of its canonical path, so that two files with the same title (or name)
/// never share runs. It does not depend on the file's contents, so the run log
/// can be found, and read, while the checklist is still being parsed.
pub fn file_key(canonical_path: &Path) -> String {
    let stem = canonical_path.file_stem().unwrap_or_default().to_string_lossy();
    let mut readable = slugify(&stem);
    readable.truncate(40);
    let readable = readable.trim_end_matches('-');
    let hash = fnv1a(canonical_path.as_os_str().as_encoded_bytes());
    if readable.is_empty() {
        format!("{hash:016x}")
    } else {
        format!("{readable}-{hash:016x}")
    }
}

/// The folder name of a bundled checklist's runs: stable across installs.
pub fn bundled_key(file_name: &str) -> String {
    let stem = file_name.strip_suffix(".yaml").unwrap_or(file_name);
    format!("bundled-{}", slugify(stem))
}

/// Why a run name was refused.
pub fn check_run_name(run: &str) -> Result<(), String> {
    if run.trim().is_empty() {
        return Err("a run name cannot be empty".to_owned());
    }
    if run.chars().count() > 100 {
        return Err("a run name has at most 100 characters".to_owned());
    }
    if run.chars().any(crate::text::is_unsafe) {
        return Err("a run name cannot hold control characters or bidirectional formatting characters".to_owned());
    }
    Ok(())
}

/// The longest encoded run name kept whole in a file name. With `.jsonl.lock`
/// after it, the lock file's name stays well under the 255 bytes that file
/// systems allow.
const MAX_ENCODED: usize = 200;

/// How much of a long encoded name is kept in front of its hash.
const KEPT_OF_LONG: usize = 120;

/// The file name of a run: the name itself where it is safe in a file name, with
/// every other byte percent-encoded, so that names stay readable and distinct
/// names never share a file ("a b" and "a-b" differ). A name whose encoding is
/// too long for a file name (100 CJK characters take 900 bytes) keeps its
/// beginning, readable, and ends in a hash of the whole name.
pub fn run_file_name(run: &str) -> String {
    let mut name = String::with_capacity(run.len() + 6);
    for (i, byte) in run.bytes().enumerate() {
        let safe = byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_') || (byte == b'.' && i > 0);
        if safe {
            name.push(char::from(byte));
        } else {
            let _ = write!(name, "%{byte:02X}");
        }
    }
    if name.len() > MAX_ENCODED {
        // Cut between two encoded bytes, never inside a `%XX`.
        let mut cut = KEPT_OF_LONG;
        while name.as_bytes()[cut - 1] == b'%' || name.as_bytes()[cut - 2] == b'%' {
            cut -= 1;
        }
        name.truncate(cut);
        let _ = write!(name, "~{:016x}", fnv1a(run.as_bytes()));
    }
    name.push('.');
    name.push_str(EXTENSION);
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_written_a_piece_at_a_time_is_the_hash_of_the_whole() {
        let mut pieces = Fnv1a::default();
        let name = "deploy";
        write!(pieces, "{name}{:?}", ["a", "b"]).unwrap();
        assert_eq!(pieces.value(), fnv1a(b"deploy[\"a\", \"b\"]"));
        assert_eq!(Fnv1a::default().value(), fnv1a(b""));
    }

    #[test]
    fn run_file_names_are_safe_readable_and_distinct() {
        assert_eq!(run_file_name("default"), "default.jsonl");
        assert_eq!(run_file_name("v2.3.0 release"), "v2.3.0%20release.jsonl");
        assert_eq!(run_file_name("../etc/passwd"), "%2E.%2Fetc%2Fpasswd.jsonl");
        assert_ne!(run_file_name("a b"), run_file_name("a-b"));
        assert_eq!(run_file_name("é"), "%C3%A9.jsonl");
    }

    #[test]
    fn a_long_run_name_fits_a_file_name_and_stays_distinct() {
        let cjk: String = "本番環境へのデプロイ".repeat(10);
        assert_eq!(cjk.chars().count(), 100);
        assert!(check_run_name(&cjk).is_ok());
        let name = run_file_name(&cjk);
        assert!(name.len() + ".lock".len() <= 255, "{} bytes", name.len());
        assert!(name.starts_with("%E6%9C%AC"), "readable where possible: {name}");
        let mut other = cjk.clone();
        other.pop();
        other.push('x');
        assert_ne!(run_file_name(&other), name, "names that share a beginning stay apart");
        assert_eq!(
            run_file_name(&"a".repeat(100)),
            format!("{}.jsonl", "a".repeat(100)),
            "short names unchanged"
        );
        for n in 60..=100 {
            let name = run_file_name(&"é%".repeat(n / 2));
            assert!(
                name.len() <= 255 && !name.contains("%~") && !name.contains("%E~"),
                "{name}"
            );
        }
    }

    #[test]
    fn run_names_are_checked() {
        assert!(check_run_name("2026-11-29 hotfix").is_ok());
        assert!(check_run_name(" ").is_err());
        assert!(check_run_name("a\nb").is_err());
        assert!(check_run_name("release\u{202e}").is_err());
        assert!(check_run_name("\u{9b}2J").is_err());
        assert!(check_run_name(&"x".repeat(101)).is_err());
    }

    #[test]
    fn keys_separate_files_with_the_same_title_and_stay_stable() {
        let a = file_key(Path::new("/srv/a/deploy.yaml"));
        let b = file_key(Path::new("/srv/b/deploy.yaml"));
        assert_ne!(a, b);
        assert!(a.starts_with("deploy-"));
        assert_eq!(
            file_key(Path::new("/x/Deploy")),
            "deploy-cc122c33e32dc10c",
            "must never change"
        );
        assert_eq!(
            bundled_key("production-deployment.yaml"),
            "bundled-production-deployment"
        );
        assert_eq!(file_key(Path::new("/🚀.yaml")), "9df118a6a77822b2");
    }
}
