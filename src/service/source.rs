//! Which checklist a command works on: a file, or one of the bundled checklists,
//! named by its file name (`production-deployment.yaml`) or its stem.

use std::path::{Path, PathBuf};

use crate::bundled::{self, Bundled, PRODUCTION_DEPLOYMENT};
use crate::checklist::Checklist;
use crate::format;
use crate::hinted::hinted;
use crate::store::runlog::{Header, RunLog, place};

/// The canonical path of a checklist file, also of one about to be written
/// (`import -o`): its folder made canonical, and its name. Its runs are found
/// under the same folder before and after the file exists.
pub fn canonical(path: &Path) -> PathBuf {
    if let Ok(canonical) = path.canonicalize() {
        return canonical;
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

#[derive(Debug, Clone)]
pub enum Source {
    Bundled(Bundled),
    File(PathBuf),
}

impl Source {
    /// A path that exists is a file; otherwise a bundled checklist's name is
    /// accepted; anything else is taken as a path, so that loading it says what
    /// is wrong. No argument means the bundled Production Deployment checklist.
    pub fn resolve(arg: Option<&Path>) -> Source {
        let Some(path) = arg else {
            return Source::Bundled(PRODUCTION_DEPLOYMENT);
        };
        if path.exists() {
            return Source::File(path.to_path_buf());
        }
        let name = path.to_string_lossy();
        bundled::ALL
            .iter()
            .find(|b| b.file_name == name || b.name() == name)
            .map_or_else(|| Source::File(path.to_path_buf()), |b| Source::Bundled(*b))
    }

    pub fn load(&self) -> anyhow::Result<Checklist> {
        Ok(match self {
            Source::Bundled(bundled) => bundled.load()?,
            Source::File(path) => format::load_file(path)?,
        })
    }

    /// The checklist's file name, as a run log's first line records it.
    pub fn file_name(&self) -> String {
        match self {
            Source::Bundled(bundled) => bundled.file_name.to_owned(),
            Source::File(path) => path
                .file_name()
                .unwrap_or(path.as_os_str())
                .to_string_lossy()
                .into_owned(),
        }
    }

    /// The folder that holds this checklist's runs.
    pub fn runs_dir(&self) -> anyhow::Result<PathBuf> {
        let data = place::data_dir().ok_or_else(|| {
            hinted(
                "cannot find a data directory for run logs",
                "set XDG_DATA_HOME or HOME, or name a run log with --state FILE",
            )
        })?;
        Ok(data.join(self.folder_key()))
    }

    /// The name of this checklist's folder, for its runs and what the view
    /// remembers of them.
    pub fn folder_key(&self) -> String {
        match self {
            Source::Bundled(bundled) => place::bundled_key(bundled.file_name),
            Source::File(path) => place::file_key(&canonical(path)),
        }
    }

    /// The names of the checklist's runs, read from their logs' first lines.
    pub fn run_names(&self) -> Vec<String> {
        let Ok(entries) = self.runs_dir().and_then(|dir| Ok(std::fs::read_dir(dir)?)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|ext| ext == place::EXTENSION))
            .filter_map(|path| RunLog::new(path, Header::default()).header().ok().flatten())
            .map(|header| header.run)
            .collect();
        names.sort();
        names
    }
}
