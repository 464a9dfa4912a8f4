//! Markdown in: the files people already have read as GitHub shows them.
//! One test per construct (fixtures in tests/fixtures/markdown-in), and for
//! every fixture and for generated documents: every word GitHub shows ends up
//! in some text of the checklist.

mod common;

use std::collections::HashMap;

use common::Sandbox;
use preflight::format::outline_of;
use preflight::markdown::import::Outline;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/markdown-in/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn read(name: &str) -> Outline {
    outline_of(&fixture(name), name.trim_end_matches(".md"))
}

/// `Section: title` for every item, sub-items indented.
fn shape(outline: &Outline) -> Vec<String> {
    let mut out = Vec::new();
    for phase in &outline.phases {
        for section in &phase.sections {
            for item in &section.items {
                out.push(format!("{}: {}{}", section.name, "  ".repeat(item.depth), item.title));
            }
        }
    }
    out
}

/// How many ticked boxes GitHub shows in a document.
fn ticks(markdown: &str) -> usize {
    Parser::new_ext(markdown, Options::ENABLE_TASKLISTS)
        .filter(|e| matches!(e, Event::TaskListMarker(true)))
        .count()
}

fn item<'a>(outline: &'a Outline, title: &str) -> &'a preflight::markdown::import::OutlineItem {
    outline
        .items()
        .find(|i| i.title == title)
        .unwrap_or_else(|| panic!("no item {title:?} in {:#?}", shape(outline)))
}

/// The words GitHub shows of a Markdown text, lower case: its text, code and
/// HTML's text, not link targets, comments or markup.
fn shown_words(markdown: &str) -> Vec<String> {
    let options = Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut text = String::new();
    let mut in_front = false;
    let mut html = String::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_front = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_front = false,
            Event::Text(t) | Event::Code(t) if !in_front => {
                text.push(' ');
                text.push_str(&t);
            }
            Event::Html(t) => html.push_str(&t),
            Event::End(TagEnd::HtmlBlock) => {
                text.push_str(&without_tags(&remove_comments(&html)));
                html.clear();
            }
            Event::InlineHtml(t) => text.push_str(&without_tags(&remove_comments(&t))),
            _ => {}
        }
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

fn without_tags(html: &str) -> String {
    let mut out = String::from(" ");
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = rest[open..].find('>').map_or("", |close| &rest[open + close + 1..]);
    }
    out.push_str(rest);
    out.push(' ');
    out
}

fn remove_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("-->").map_or("", |end| &rest[start + end + 3..]);
    }
    out.push_str(rest);
    out
}

/// Every text of the outline, as a reader sees it.
fn outline_words(outline: &Outline) -> HashMap<String, usize> {
    let mut texts = vec![outline.title.clone()];
    texts.extend(outline.description.clone());
    for phase in &outline.phases {
        texts.push(phase.name.clone());
        texts.extend(phase.description.clone());
        for section in &phase.sections {
            texts.push(section.name.clone());
            texts.extend(section.description.clone());
            for item in &section.items {
                texts.push(item.title.clone());
                texts.extend(item.detail.clone());
                texts.extend(item.command.clone());
            }
        }
    }
    let mut words = HashMap::new();
    for text in texts {
        for word in shown_words(&text) {
            *words.entry(word).or_default() += 1;
        }
    }
    words
}

/// The document without its front matter: what GitHub shows as text.
fn body(markdown: &str) -> &str {
    preflight::markdown::import::front_matter_block(markdown).map_or(markdown, |front| {
        let end = markdown.find(front).unwrap_or(0) + front.len();
        markdown[end..].split_once('\n').map_or("", |(_, rest)| rest)
    })
}

/// The `words` that `have` does not hold, counting repeats.
fn not_in(words: Vec<String>, mut have: HashMap<String, usize>) -> Vec<String> {
    let mut missing = Vec::new();
    for word in words {
        match have.get_mut(&word) {
            Some(n) if *n > 0 => *n -= 1,
            _ => missing.push(word),
        }
    }
    missing
}

/// The words GitHub shows of `markdown` that no text of its import holds.
fn lost_words(markdown: &str, outline: &Outline) -> Vec<String> {
    not_in(shown_words(body(markdown)), outline_words(outline))
}

/// The words GitHub shows of `original` that it does not show of `other`.
fn missing_from(original: &str, other: &str) -> Vec<String> {
    let mut have: HashMap<String, usize> = HashMap::new();
    for word in shown_words(other) {
        *have.entry(word).or_default() += 1;
    }
    not_in(shown_words(original), have)
}

#[test]
fn nothing_github_shows_is_lost_from_any_fixture() {
    let dir = format!("{}/tests/fixtures/markdown-in", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 10);
    for name in names {
        let markdown = fixture(&name);
        let outline = read(&name);
        assert!(outline.item_count() > 0, "{name}");
        assert_eq!(lost_words(&markdown, &outline), Vec::<String>::new(), "{name}");
        let checklist = outline.to_checklist().unwrap();
        let state = preflight::run::RunState::replay(&checklist, &[]);
        let exported = preflight::markdown::export::markdown(&checklist, &state, "run");
        let body = preflight::markdown::import::front_matter_block(&markdown).map_or(markdown.as_str(), |front| {
            markdown[markdown.find(front).unwrap() + front.len()..]
                .split_once('\n')
                .map_or("", |(_, rest)| rest)
        });
        let mut missing = missing_from(body, &exported);
        // Front matter's words are the title and description, in the export too.
        missing.retain(|w| !outline.title.to_lowercase().contains(w.as_str()));
        assert_eq!(
            missing,
            Vec::<String>::new(),
            "{name}: its export shows every word\n{exported}"
        );
    }
}

#[test]
fn a_group_label_names_a_section_and_titles_keep_their_own_words() {
    let outline = read("01-label-glued.md");
    assert_eq!(
        shape(&outline),
        [
            "Nixpkgs 21.11 Release Notes (#1234 (https://example.com/1234)): (Package updates) Added `hello` 2.12",
            "Nixpkgs 21.11 Release Notes (#1234 (https://example.com/1234)): (Package updates) Removed `oldtool`",
            "Infrastructure: Hydra jobsets created",
        ]
    );
}

#[test]
fn reference_links_resolve_in_titles_and_descriptions() {
    let outline = read("02-reference-links.md");
    assert_eq!(
        outline.description.as_deref(),
        Some("Read the [process](https://example.com/process) first; footnotes work too[^why].")
    );
    assert_eq!(
        shape(&outline),
        [
            "Gate: No open [release blockers](https://example.com/blockers \"Blockers\")",
            "Gate: Sign-off from the [security team](<https://example.com/security team>)",
        ]
    );
}

#[test]
fn a_fenced_block_in_a_task_is_its_command_and_other_code_its_detail() {
    let outline = read("03-fenced-in-task.md");
    let rollback = item(&outline, "Roll back the deployment:");
    assert_eq!(rollback.command.as_deref(), Some("kubectl rollout undo deploy/api"));
    assert_eq!(rollback.detail, None);
    let confirm = item(&outline, "Confirm the version");
    assert_eq!(
        (confirm.command.as_deref(), confirm.detail.as_deref()),
        (None, Some("```yaml\nimage: api:1.2.3\n```"))
    );
    let tell = item(&outline, "Tell the channel, two ways:");
    assert_eq!(
        tell.command.as_deref(),
        Some("./notify --channel ops"),
        "the first shell block"
    );
    assert_eq!(
        tell.detail.as_deref(),
        Some("```bash\n./notify --channel release\n```"),
        "the rest: detail"
    );
}

#[test]
fn paragraphs_bold_lines_and_numbered_steps_over_task_lists_name_their_sections() {
    let outline = read("04-labels-over-lists.md");
    assert_eq!(
        shape(&outline),
        [
            "Tests: Unit tests added",
            "Side effects: None",
            "Documentation: README updated",
            "Check for known security issues: `cargo audit` is clean",
            "Tag the release: Tag pushed",
        ]
    );
}

#[test]
fn criteria_under_a_task_are_its_detail_and_the_code_after_it_its_command() {
    let outline = read("05-under-a-step.md");
    let check = item(&outline, "Check that all vulnerabilities are ready:");
    assert_eq!(
        check.detail.as_deref(),
        Some("- a CVE is assigned\n- the advisory is drafted")
    );
    let disable = item(&outline, "Disable the feature with this command:");
    assert_eq!(
        disable.command.as_deref(),
        Some("kubectl scale deploy/feature --replicas=0")
    );
    assert_eq!(
        shape(&outline)[0],
        "Check for known security issues: Check that all vulnerabilities are ready:"
    );
}

#[test]
fn quotes_lose_their_marks_and_front_matter_is_read_as_yaml() {
    let outline = read("06-quotes-and-front-matter.md");
    assert_eq!(outline.title, "Security review");
    assert_eq!(
        outline.description.as_deref(),
        Some("A review a second person signs off.\n\n**Note:** reviews take a day.\nPlan for it.")
    );
    assert_eq!(
        item(&outline, "Threat model updated").detail.as_deref(),
        Some("Link the model here.")
    );
    assert!(outline.left_out.is_empty(), "{:?}", outline.left_out);
}

#[test]
fn a_first_heading_with_no_task_is_the_title_and_not_also_a_phase() {
    let outline = read("07-first-heading.md");
    assert_eq!(outline.title, "What problem does this PR solve?");
    assert_eq!(outline.description.as_deref(), Some("Issue Number: close #xxx"));
    assert_eq!(
        shape(&outline),
        [
            "Check List / Tests: Unit test",
            "Check List / Tests: Manual test (add detailed scripts or steps below)"
        ]
    );
    let left: Vec<(usize, &str)> = outline.left_out.iter().map(|l| (l.line, l.what)).collect();
    assert_eq!(left, [(7, "HTML comment")], "the comment inside the label's line");
}

#[test]
fn a_runbook_of_headings_and_shell_blocks_imports_one_step_per_block() {
    let outline = read("08-runbook-headings.md");
    assert_eq!(outline.title, "PostgreSQL major upgrade");
    assert_eq!(
        outline.description.as_deref(),
        Some("How we upgrade a primary without losing writes.")
    );
    assert_eq!(
        shape(&outline),
        [
            "Before: Take a base backup first.",
            "Upgrade: Check the clusters are compatible"
        ]
    );
    assert_eq!(
        item(&outline, "Check the clusters are compatible").command.as_deref(),
        Some("pg_upgrade --check -b /usr/lib/postgresql/14/bin -B /usr/lib/postgresql/16/bin\necho ok"),
        "a console session's commands, without prompts or output"
    );
    let steps = outline.steps.unwrap();
    assert_eq!((steps.list_items, steps.shell_blocks), (0, 2));
}

#[test]
fn a_numbered_procedure_without_boxes_imports_its_steps() {
    let outline = read("09-procedure-steps.md");
    assert_eq!(
        shape(&outline),
        [
            "Releasing the crate: Update `CHANGELOG.md`.",
            "Releasing the crate: Bump the version in `Cargo.toml`:",
            "Releasing the crate: Publish:",
            "Releasing the crate:   run the dry run first",
            "Releasing the crate:   then publish for real",
        ]
    );
    assert_eq!(
        item(&outline, "Bump the version in `Cargo.toml`:").command.as_deref(),
        Some("cargo set-version --bump minor")
    );
}

#[test]
fn an_unclosed_comment_hides_the_rest_as_github_does() {
    let outline = read("10-unclosed-comment.md");
    assert_eq!(
        shape(&outline),
        ["Onboarding: Laptop issued", "Onboarding: Accounts created"]
    );
    let left: Vec<(usize, &str)> = outline.left_out.iter().map(|l| (l.line, l.what)).collect();
    assert_eq!(left, [(6, "HTML comment")]);
}

#[test]
fn import_says_it_took_steps_when_a_document_has_no_boxes() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("UPGRADE.md", &fixture("08-runbook-headings.md"));
    let ran = sandbox.run(&["import", path.to_str().unwrap(), "-o", "upgrade.yaml"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("no task boxes; imported 2 shell blocks as steps"),
        "{}",
        ran.stderr
    );
    let json = sandbox.ok(&["status", "upgrade.yaml", "--json"]);
    assert!(json.contains("pg_basebackup -D /backup/base -Fp -Xs -P"), "{json}");
}

#[test]
fn a_description_holding_a_ticked_box_never_exports_as_a_tick() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "c.yaml",
        "title: T\ndescription: |-\n  Done before:\n\n  - [x] approved\n  ## Not a phase\nphases:\n  - name: P\n    description: \"- [X] also not\"\n    sections:\n      - name: S\n        items:\n          - title: Real\n            detail: |-\n              Criteria:\n\n              * [x] shown, not ticked\n",
    );
    let exported = sandbox.ok(&["export", "c.yaml"]);
    assert_eq!(ticks(&exported), 0, "{exported}");
    let boxes = Parser::new_ext(&exported, Options::ENABLE_TASKLISTS)
        .filter(|e| matches!(e, Event::TaskListMarker(_)))
        .count();
    assert_eq!(boxes, 2, "the item and the phase's line in the summary: {exported}");
    sandbox.write("back.md", &exported);
    let back = outline_of(&exported, "back");
    assert_eq!(back.phases.len(), 1, "no heading came out of a description");
    assert_eq!(back.item_count(), 1);
}

mod generated {
    use std::fmt::Write as _;

    use proptest::prelude::*;

    use super::{lost_words, outline_of};

    /// A word to build text from: letters only, so every one is seen.
    fn word() -> impl Strategy<Value = String> {
        "[a-z]{2,8}"
    }

    fn words(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
        prop::collection::vec(word(), n).prop_map(|w| w.join(" "))
    }

    /// One block of a document: a heading, a paragraph, a label, a task list
    /// (with sub-items, criteria and code under tasks), a plain list, code,
    /// a quote, a table or a reference link.
    fn block() -> impl Strategy<Value = String> {
        prop_oneof![
            (2..4usize, words(1..4)).prop_map(|(n, w)| format!("{} {w}\n", "#".repeat(n))),
            words(3..12).prop_map(|w| format!("{w}.\n")),
            words(1..3).prop_map(|w| format!("**{w}**\n")),
            prop::collection::vec(
                (
                    any::<bool>(),
                    words(1..6),
                    prop::option::of(words(1..4)),
                    prop::option::of(words(1..3)),
                    any::<bool>()
                ),
                1..4
            )
            .prop_map(|items| {
                let mut out = String::new();
                for (ticked, title, criteria, sub, code) in items {
                    let mark = if ticked { 'x' } else { ' ' };
                    let _ = writeln!(out, "- [{mark}] {title}");
                    if let Some(c) = criteria {
                        let _ = writeln!(out, "  - {c}");
                    }
                    if let Some(s) = sub {
                        let _ = writeln!(out, "  - [ ] {s}");
                    }
                    if code {
                        let _ = writeln!(out, "  ```sh\n  echo {title}\n  ```");
                    }
                }
                out
            }),
            prop::collection::vec(words(1..5), 1..3).prop_map(|items| items
                .iter()
                .map(|i| format!("1. {i}"))
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"),
            (prop::option::of("sh|yaml"), words(1..4))
                .prop_map(|(info, w)| format!("```{}\n{w}\n```\n", info.unwrap_or_default())),
            words(2..8).prop_map(|w| format!("> {w}\n")),
            (words(1..2), words(1..2)).prop_map(|(a, b)| format!("| {a} | {b} |\n|---|---|\n| {b} | {a} |\n")),
            (words(1..3), word()).prop_map(|(w, r)| format!("See [{w}][{r}].\n\n[{r}]: https://example.com/{r}\n")),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn every_word_github_shows_survives_the_import(blocks in prop::collection::vec(block(), 1..10), title in prop::option::of(super::generated::words(1..3))) {
            let mut markdown = title.map(|t| format!("# {t}\n\n")).unwrap_or_default();
            markdown.push_str(&blocks.join("\n"));
            let outline = outline_of(&markdown, "generated");
            prop_assume!(outline.item_count() > 0);
            prop_assert_eq!(lost_words(&markdown, &outline), Vec::<String>::new(), "{}", markdown);
            // And its export shows every word again.
            let checklist = outline.to_checklist().unwrap();
            let state = preflight::run::RunState::replay(&checklist, &[]);
            let exported = preflight::markdown::export::markdown(&checklist, &state, "run");
            prop_assert_eq!(super::missing_from(&markdown, &exported), Vec::<String>::new(), "{}\n---\n{}", markdown, exported);
        }
    }
}

/// A task, then `depth` times `marker` and words: imported whole.
fn imports_whole(name: &str, marker: &str, depth: usize, words: &str) {
    let sandbox = Sandbox::new();
    let markdown = format!("- [ ] a\n\n{}{words}\n", marker.repeat(depth));
    let path = sandbox.write(name, &markdown);
    let ran = sandbox.run(&["import", path.to_str().unwrap()]);
    assert_eq!(ran.code, 0, "{name}: {}", ran.stderr);
    assert!(ran.stdout.contains("deep"), "{name}: its text is kept");
}

preflight_core::cases! { hostile_nesting_imports_whole_without_exhausting_the_stack, imports_whole:
    quotes_100_000_deep = ("quotes.md", "> ", 100_000, "deep quote"),
    lists_50_000_deep = ("lists.md", "- ", 50_000, "deep list"),
}

#[test]
fn a_runbooks_commands_and_verifications_show_in_its_export_and_read_back() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "rb.yaml",
        "title: RB\nphases:\n  - name: P\n    sections:\n      - name: S\n        items:\n          - title: Deploy\n            detail: With care.\n            command: |-\n              make deploy\n              ```\n            verify: curl -fsS https://example.com/health\n",
    );
    let exported = sandbox.ok(&["export", "rb.yaml"]);
    assert!(
        exported.contains("  ````sh command\n  make deploy\n  ```\n  ````\n"),
        "a fence nothing in it closes: {exported}"
    );
    let back = outline_of(&exported, "back");
    let deploy = item(&back, "Deploy");
    assert_eq!(deploy.command.as_deref(), Some("make deploy\n```"));
    assert_eq!(deploy.verify.as_deref(), Some("curl -fsS https://example.com/health"));
    assert_eq!(deploy.detail.as_deref(), Some("With care."));
}

#[test]
fn a_bare_block_is_a_command_only_after_words_that_say_run_it() {
    let md = "# D\n## Checks\n- [ ] Check the logs. You should see the following:\n\n  ```\n  WARN cache cold; touch PWNED_1\n  ```\n- [ ] Set the runtime limits:\n\n  ```\n  ulimit -n 4096; touch PWNED_2\n  ```\n- [ ] Flush the cache. Run this:\n\n  ```\n  cache flush\n  ```\n";
    let outline = outline_of(md, "d");
    let commands: Vec<Option<&str>> = outline.items().map(|i| i.command.as_deref()).collect();
    assert_eq!(commands, [None, None, Some("cache flush")]);
}

#[test]
fn code_in_a_collapsed_details_block_is_never_a_command() {
    let md = "- [ ] Rotate keys\n  <details><summary>Notes</summary>\n\n  ```sh\n  echo hidden-in-details\n  ```\n\n  </details>\n";
    let outline = outline_of(md, "d");
    let rotate = item(&outline, "Rotate keys");
    assert_eq!(rotate.command, None);
    assert!(
        rotate.detail.as_deref().unwrap().contains("echo hidden-in-details"),
        "{rotate:?}"
    );
    let runbook = "# Runbook\n## Restart\nRestart the service:\n\n```sh\nsystemctl restart app\n```\n\n<details>\n<summary>Troubleshooting</summary>\n\n```sh\nrm -rf /var/lib/app/state\n```\n\n</details>\n";
    let outline = outline_of(runbook, "r");
    let commands: Vec<&str> = outline.items().filter_map(|i| i.command.as_deref()).collect();
    assert_eq!(commands, ["systemctl restart app"], "{:#?}", shape(&outline));
}

#[test]
fn a_block_after_a_list_goes_under_the_task_just_above_it_and_nothing_else() {
    let md = "- [ ] Check free disk space\n- If the disk is full, an admin may run the cleanup below\n\n```sh\nrm -rf /var/lib/app/data\n```\n\n> - [ ] Read the quoted warning\n\n```bash\necho outside-the-quote\n```\n\n- [ ] Parent\n  - [ ] Child\n\n```sh\necho child\n```\n";
    let outline = outline_of(md, "a");
    let commands: Vec<(&str, Option<&str>)> = outline
        .items()
        .map(|i| (i.title.as_str(), i.command.as_deref()))
        .collect();
    assert_eq!(
        commands,
        [
            ("Check free disk space", None),
            ("Read the quoted warning", None),
            ("Parent", None),
            ("Child", Some("echo child")),
        ]
    );
}

#[test]
fn a_console_here_document_keeps_the_lines_the_shell_prompts_with_gt() {
    let md =
        "- [ ] Write the config\n\n  ```console\n  $ cat <<EOF > target.conf\n  > enabled = true\n  > EOF\n  ```\n";
    let outline = outline_of(md, "c");
    assert_eq!(
        item(&outline, "Write the config").command.as_deref(),
        Some("cat <<EOF > target.conf\nenabled = true\nEOF")
    );
}

#[test]
fn a_commands_control_characters_are_cleaned_as_in_a_yaml_file() {
    let md = "- [ ] Paste\n\n  ```sh\n  echo harmless \u{1b}[201~\n  ```\n";
    let outline = outline_of(md, "p");
    assert_eq!(item(&outline, "Paste").command.as_deref(), Some("echo harmless [201~"));
}

#[test]
fn a_completion_status_heading_is_a_summary_only_when_its_boxes_count_items() {
    let md = "# Incident\n## Respond\n- [ ] Page the on-call\n## Completion Status\n- [ ] Update the public status page\n- [ ] Notify affected customers\n### Follow-ups\n- [ ] File the postmortem\n";
    let outline = outline_of(md, "i");
    assert_eq!(outline.item_count(), 4, "{:#?}", shape(&outline));
    let seed = "# T\n## P\n- [ ] real\n## ✅ Completion Status\n- [ ] **P**: ___/___ items completed\n";
    assert_eq!(outline_of(seed, "s").item_count(), 1);
}

#[test]
fn tasks_in_a_quote_under_a_task_are_its_sub_items() {
    let outline = outline_of("- [ ] outer\n  > - [x] inner in quote\n", "q");
    assert_eq!(shape(&outline), ["q: outer", "q:   inner in quote"]);
}

#[test]
fn a_front_matter_title_names_a_document_without_headings() {
    let outline = outline_of("---\ntitle: From the front\n---\n- [ ] a\n", "file-name");
    assert_eq!(outline.title, "From the front");
}

#[test]
fn a_step_whose_words_are_only_a_colon_is_still_named() {
    let outline = outline_of("Run:\n\n```sh\nmake\n```\n\n:\n\n```sh\nmake test\n```\n", "s");
    let titles: Vec<&str> = outline.items().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Run", "Run"]);
}

#[test]
fn a_tilde_fence_with_a_backtick_in_its_info_stays_code_through_export() {
    let sandbox = Sandbox::new();
    let md = "- [ ] Check the sample output\n\n  ~~~ text`raw\n  - [x] migrated users\n  # 42 rows\n  ~~~\n";
    sandbox.write("tf.md", md);
    let exported = sandbox.ok(&["export", "tf.md"]);
    assert_eq!(ticks(&exported), 0, "{exported}");
    let back = outline_of(&exported, "back");
    assert_eq!(back.item_count(), 1, "{exported}");
}

#[test]
fn descriptions_that_would_not_stand_alone_never_leak_into_the_export() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "y.yaml",
        "title: T\ndescription: \"> - [x] approved by security\"\nphases:\n  - name: P\n    description: \"Overview\\n========\"\n    sections:\n      - name: S\n        description: \"You need:\\n\\n- a key\"\n        items:\n          - title: Real\n            detail: \"```\\nunclosed\"\n          - Second\n",
    );
    let exported = sandbox.ok(&["export", "y.yaml"]);
    assert_eq!(ticks(&exported), 0, "{exported}");
    let back = outline_of(&exported, "back");
    assert_eq!(shape(&back), ["S: Real", "S: Second"], "{exported}");
    assert_eq!(back.phases[0].name, "P");
}

#[test]
fn heading_and_label_names_are_the_plain_text_a_reader_sees() {
    let outline = outline_of(
        "# R&amp;D *Release*\n## 1. Prepare `v2`\n**Tests &amp; docs:**\n\n- [ ] a\n",
        "n",
    );
    assert_eq!(outline.title, "R&D Release");
    assert_eq!(outline.phases[0].name, "1. Prepare v2", "a leading 1. stays text");
    assert_eq!(outline.phases[0].sections[0].name, "Tests & docs");
}
