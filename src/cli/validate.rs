//! `preflight validate`: load each checklist and say what it holds or what is wrong,
//! and, of a Markdown file, what its import leaves out (as `import` says it).

use std::fmt::Write as _;
use std::process::ExitCode;

use super::args::{Globals, ValidateArgs};
use super::paint::Paint;
use super::phrases::left_out_summary;
use super::{exit, output};
use crate::bundled::{Bundled, PRODUCTION_DEPLOYMENT};
use crate::checklist::Checklist;
use crate::format;
use crate::service::Source;
use crate::text::{escape_for_terminal, plural};

fn summary(name: &str, checklist: &Checklist) -> String {
    let mut line = format!(
        "{name}: {}, {}, {}",
        plural(checklist.phases().len(), "phase", "phases"),
        plural(checklist.sections().len(), "section", "sections"),
        plural(checklist.items().len(), "item", "items"),
    );
    let sub_items = checklist.items().iter().filter(|i| i.parent.is_some()).count();
    if sub_items > 0 {
        let _ = write!(line, " ({sub_items} of them sub-items)");
    }
    line
}

fn bundled_summary(bundled: Bundled) -> anyhow::Result<String> {
    let checklist = bundled.load()?;
    Ok(summary(&format!("{} (bundled)", bundled.file_name), &checklist))
}

pub fn run(args: &ValidateArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let paths = &args.checklists;
    let paint = Paint::stderr(globals.color);
    let mut report = String::new();
    let mut failed = false;
    if paths.is_empty() {
        writeln!(report, "{}", bundled_summary(PRODUCTION_DEPLOYMENT)?)?;
    }
    for path in paths {
        // A bundled checklist's name, where no file of that name exists, as
        // every command that takes CHECKLIST reads it.
        if let Source::Bundled(bundled) = Source::resolve(Some(path)) {
            writeln!(report, "{}", bundled_summary(bundled)?)?;
            continue;
        }
        match format::open_file(path) {
            Ok(loaded) => {
                let name = escape_for_terminal(&path.display().to_string());
                writeln!(report, "{}", summary(&name, &loaded.checklist))?;
                if let Some(left_out) = left_out_summary(&loaded.left_out) {
                    output::report(&format!("{name}: {left_out}"));
                }
            }
            Err(err) => {
                failed = true;
                output::error(paint, &err.to_string());
            }
        }
    }
    output::print(&report)?;
    Ok(ExitCode::from(if failed { exit::ERROR } else { exit::OK }))
}
