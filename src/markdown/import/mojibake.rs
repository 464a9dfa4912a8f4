//! Repairing mojibake: UTF-8 text that was once decoded as Windows-1252, which
//! turns 🚀 into `ðŸš€` and ✅ into `âœ…` (the seed checklist's headings).

/// The Windows-1252 bytes of a run of text, if every character has one. The
/// WHATWG table maps the five bytes Windows-1252 leaves undefined to the C1
/// controls of the same value, which is how they survive a wrong decoding.
fn bytes_of(run: &str) -> Option<Vec<u8>> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(run);
    (!unmappable).then(|| bytes.into_owned())
}

/// Whether a decoded run looks like a repair rather than a coincidence: real
/// text such as `ß—` can also read as valid UTF-8 (`ߗ`). Symbols, emoji and
/// CJK (three bytes and more) are taken, and Latin-1 letters from the
/// tell-tale `Ã`/`Â` pairs; other two-byte readings are left alone.
fn plausible(run: &str, fixed: &str) -> bool {
    fixed != run
        && !fixed.chars().any(char::is_control)
        && (fixed.chars().any(|c| u32::from(c) >= 0x800) || run.starts_with(['Ã', 'Â']))
}

/// Repairs each run of non-ASCII characters that, read back as Windows-1252
/// bytes, is valid UTF-8 and plausibly mojibake; leaves the rest (a real `é`).
pub fn repair(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        match bytes_of(run).and_then(|b| String::from_utf8(b).ok()) {
            Some(fixed) if plausible(run, &fixed) => out.push_str(&fixed),
            _ => out.push_str(run),
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii() {
            flush(&mut run, &mut out);
            out.push(c);
        } else {
            run.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn the_seeds_headings_are_repaired() {
        assert_eq!(repair("ðŸš€ Pre-Deployment Checklist"), "🚀 Pre-Deployment Checklist");
        assert_eq!(repair("ðŸ”§ Deployment"), "🔧 Deployment");
        assert_eq!(repair("ðŸ“Š Post"), "📊 Post");
        assert_eq!(repair("âœ… Completion Status"), "✅ Completion Status");
        assert_eq!(repair("Status: ðŸš€ Ready"), "Status: 🚀 Ready");
    }

    fn left_alone(text: &str) {
        assert_eq!(repair(text), text);
    }

    preflight_core::cases! {
        real_text_is_left_alone, left_alone:
        an_accent = ("café"),
        accents = ("naïve résumé"),
        japanese = ("日本語"),
        an_emoji = ("🚀 already fine"),
        a_capital_a_with_a_tilde = ("Ã la carte"),
        plain = ("plain"),
        a_sharp_s_and_a_dash = ("ß—"),
        a_sharp_s = ("Straße"),
    }

    #[test]
    fn mojibake_in_real_text_is_repaired() {
        assert_eq!(repair("cafÃ©"), "café", "a UTF-8 é read as Windows-1252");
        assert_eq!(
            repair("\u{c3}\u{81}rvore"),
            "Árvore",
            "a byte Windows-1252 leaves undefined survives as its C1 control"
        );
    }
}
