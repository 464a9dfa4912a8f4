//! Where a run log sits in a git work tree: a folder on its path that is a
//! symbolic link there was most likely committed as one (`git rm -r runs;
//! ln -s /some/dir runs`), and writing through it would put the log, and its
//! lock, outside the repository.

use std::path::{Path, PathBuf};

/// The first folder on the way from `log` up to the root of the git work
/// tree that holds it that is a symbolic link; `None` when there is none, or
/// when `log` is in no work tree (links elsewhere are the user's own). Only
/// the path as written is looked at, never where a link leads.
pub(super) fn linked_folder(log: &Path) -> Option<PathBuf> {
    let absolute = if log.is_absolute() {
        log.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(log)
    };
    let mut first_link = None;
    for folder in absolute.ancestors().skip(1) {
        let Ok(meta) = std::fs::symlink_metadata(folder) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            first_link.get_or_insert_with(|| folder.to_path_buf());
        } else if std::fs::symlink_metadata(folder.join(".git")).is_ok() {
            return first_link;
        }
    }
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_linked_folder_inside_a_work_tree_is_found_and_one_outside_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, repo.join("runs")).unwrap();
        std::fs::create_dir(repo.join("plain")).unwrap();
        assert_eq!(linked_folder(&repo.join("runs/r.jsonl")), Some(repo.join("runs")));
        assert_eq!(linked_folder(&repo.join("plain/r.jsonl")), None);
        std::os::unix::fs::symlink(&elsewhere, dir.path().join("outside")).unwrap();
        assert_eq!(
            linked_folder(&dir.path().join("outside/r.jsonl")),
            None,
            "in no work tree"
        );
    }
}
