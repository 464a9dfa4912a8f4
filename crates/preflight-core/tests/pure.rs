//! The core stays pure because it cannot reach the crates that would make it
//! impure: none of its dependencies, nor theirs, reads files beyond what `std`
//! offers, starts processes, handles signals or draws on a terminal.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Crates that would let the core touch the file system, the terminal, signals
/// or the operating system beyond `std`.
const FORBIDDEN: &[&str] = &[
    "crossterm",
    "directories",
    "libc",
    "mio",
    "nix",
    "ratatui",
    "rustix",
    "signal-hook",
    "tempfile",
    "whoami",
];

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The names under `[dependencies]` of a manifest (dev-dependencies are the
/// tests' own and do not reach the built crate).
fn direct_dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == "[dependencies]";
        } else if inside && !line.is_empty() && !line.starts_with('#') {
            let name = line.split(['=', ' ']).next().unwrap_or_default();
            names.push(name.to_owned());
        }
    }
    names
}

/// Every package of the lock file with the names of what it depends on (a
/// dependency written `name version` when two versions are locked).
fn locked_packages(lock: &str) -> BTreeMap<String, Vec<String>> {
    let mut packages = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let mut name = String::new();
        let mut dependencies = Vec::new();
        let mut in_list = false;
        for line in block.lines() {
            let line = line.trim();
            if let Some(value) = line.strip_prefix("name = ") {
                value.trim_matches('"').clone_into(&mut name);
            } else if line.starts_with("dependencies = [") {
                in_list = true;
            } else if in_list && line == "]" {
                in_list = false;
            } else if in_list {
                let entry = line.trim_end_matches(',').trim_matches('"');
                dependencies.push(entry.split(' ').next().unwrap_or_default().to_owned());
            }
        }
        packages.entry(name).or_insert_with(Vec::new).extend(dependencies);
    }
    packages
}

#[test]
fn the_core_reaches_no_file_system_process_or_terminal_crate() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let direct = direct_dependencies(&read(&here.join("Cargo.toml")));
    assert!(
        direct.contains(&"pulldown-cmark".to_owned()),
        "the manifest was read: {direct:?}"
    );
    let packages = locked_packages(&read(&here.join("../../Cargo.lock")));
    let mut seen = BTreeSet::new();
    let mut to_visit = direct;
    while let Some(name) = to_visit.pop() {
        if seen.insert(name.clone()) {
            to_visit.extend(packages.get(&name).cloned().unwrap_or_default());
        }
    }
    let reached: Vec<&str> = FORBIDDEN.iter().copied().filter(|f| seen.contains(*f)).collect();
    assert!(reached.is_empty(), "the core depends on {reached:?} (through {seen:?})");
}

#[test]
fn the_lock_file_is_read_through_to_what_a_dependency_pulls_in() {
    let packages = locked_packages(&read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.lock")));
    let tempfile = packages
        .get("tempfile")
        .expect("tempfile is locked (a test dependency)");
    assert!(
        tempfile.iter().any(|d| d == "rustix" || d == "windows-sys"),
        "the walk would see what tempfile pulls in: {tempfile:?}"
    );
}
