//! Repairing mojibake: UTF-8 text that was once decoded as Windows-1252, which
//! turns 🚀 into `ðŸš€` and ✅ into `âœ…` (the seed checklist's headings).

/// The characters Windows-1252 puts at 0x80–0x9F; `None` where it has none (those
/// bytes usually survive as the C1 control of the same value).
const HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The Windows-1252 byte of a character, if it has one.
fn byte_of(c: char) -> Option<u8> {
    let code = u32::from(c);
    if let Some(at) = HIGH.iter().position(|&h| h == Some(c)) {
        return u8::try_from(0x80 + at).ok();
    }
    match code {
        0x80..=0x9f if HIGH[usize::try_from(code - 0x80).ok()?].is_none() => u8::try_from(code).ok(),
        0xa0..=0xff => u8::try_from(code).ok(),
        _ => None,
    }
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
        let bytes: Option<Vec<u8>> = run.chars().map(byte_of).collect();
        match bytes.and_then(|b| String::from_utf8(b).ok()) {
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

    #[test]
    fn real_text_is_left_alone() {
        for text in [
            "café",
            "naïve résumé",
            "日本語",
            "🚀 already fine",
            "Ã la carte",
            "plain",
            "ß—",
            "Straße",
        ] {
            assert_eq!(repair(text), text);
        }
        assert_eq!(repair("cafÃ©"), "café", "a UTF-8 é read as Windows-1252");
    }
}
