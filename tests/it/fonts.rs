//! Every character the app can show has a glyph in the bundled fonts: no boxes on any machine.

use std::path::Path;

fn texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut dirs = vec![root.join("src"), root.join("data")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("rs" | "ron")
            ) {
                out.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).expect("utf-8"),
                ));
            }
        }
    }
    out
}

#[test]
fn every_character_of_the_data_and_the_ui_has_a_glyph() {
    let ctx = egui::Context::default();
    planboard::draw::fonts::install(&ctx);
    let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
    out.textures_delta.clear();
    let mut missing = Vec::new();
    let mut checked = 0;
    for (file, text) in texts() {
        for c in text.chars().filter(|c| !c.is_control()) {
            checked += 1;
            for font in [
                egui::FontId::proportional(14.0),
                egui::FontId::monospace(14.0),
            ] {
                if !ctx.fonts_mut(|f| f.has_glyph(&font, c)) {
                    missing.push(format!(
                        "{c:?} (U+{:04X}) in {file}, {:?}",
                        c as u32, font.family
                    ));
                }
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(checked > 10_000);
    // The check can fail: a private-use character has no glyph.
    assert!(!ctx.fonts_mut(|f| f.has_glyph(&egui::FontId::proportional(14.0), '\u{10FFFD}')));
    assert!(missing.is_empty(), "no glyph for:\n{}", missing.join("\n"));
}

#[test]
fn the_cjk_font_is_the_simplified_chinese_face() {
    // Face 2 of NotoSansCJK-Regular.ttc names itself "Noto Sans CJK SC" (face 0 is JP).
    let font = planboard::draw::fonts::CJK_FONT;
    let needle = "Noto Sans CJK SC"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect::<Vec<u8>>();
    assert!(
        font.windows(needle.len()).any(|w| w == needle.as_slice()),
        "the name table says SC"
    );
}
