//! The page's stylesheet, inline: light on screen, and for print no
//! backgrounds, every output shown and no collapsed block left closed. It
//! loads nothing (no `@import`, no `url()`, no web font).

/// The `<style>` element's text.
pub const CSS: &str = "
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1b1f24; background: #fff; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 4px; padding: .5rem;
  white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top; }
.muted, .id, .meta { color: #57606a; }
.badge { font-size: .75rem; border: 1px solid #9a6700; color: #9a6700; border-radius: 1rem;
  padding: 0 .45rem; margin-left: .4rem; vertical-align: middle; }
ul.items { list-style: none; padding-left: 1.2rem; }
li.item { margin: .6rem 0; padding-left: .6rem; border-left: 3px solid #d0d7de; }
li.item.done { border-left-color: #1a7f37; }
li.item.skipped { border-left-color: #8c959f; }
li.item.flagged { border-left-color: #cf222e; background: #fff5f5; }
.status { font-weight: 600; margin-right: .4rem; }
.done > .head .status { color: #1a7f37; }
.skipped > .head .status { color: #57606a; }
.title { font-weight: 600; }
.flag { color: #cf222e; font-weight: 600; margin: .2rem 0; }
.run { margin: .4rem 0 .4rem .2rem; }
.run.failed .outcome { color: #cf222e; font-weight: 600; }
.run.passed .outcome { color: #1a7f37; }
.print-only { display: none; }
svg { width: 100%; height: auto; border: 1px solid #d0d7de; border-radius: 4px; }
svg text { font: 11px system-ui, sans-serif; fill: #1b1f24; }
svg .axis { stroke: #d0d7de; }
svg .bar { fill: #ddf4ff; stroke: #54aeff; }
svg .bar.open { fill: #fff8c5; stroke: #d4a72c; stroke-dasharray: 4 3; }
svg .span { stroke: #8c959f; stroke-width: 1.5; }
svg .mark { fill: #1a7f37; }
svg .mark.skipped { fill: #8c959f; }
svg .mark.todo { fill: #fff; stroke: #57606a; }
svg .mark.forced, svg .mark.out-of-order { fill: #cf222e; stroke: #82071e; }
svg .approval { fill: #0969da; }
svg .approval.forced { fill: #cf222e; }
svg .approval.uncounted { fill: none; stroke: #57606a; }
svg .failed { stroke: #cf222e; stroke-width: 2; }
svg .gate { stroke: #9a6700; stroke-width: 2; stroke-dasharray: 3 2; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  *, *::before, *::after { background: transparent !important; color: #000 !important; box-shadow: none !important; }
  pre { border-color: #888; white-space: pre-wrap; }
  details { display: none; }
  .print-only { display: block; }
  li.item, .run, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  svg .bar, svg .bar.open { fill: none; }
  svg .mark.todo { fill: none; }
}
";
