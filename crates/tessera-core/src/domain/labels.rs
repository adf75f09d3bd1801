//! Label sets: colour labels are text in XMP (Bridge writes "Approved", "Review", "To Do"; Lightroom "Red",
//! "Green"…). The library keeps the text as the file wrote it and maps it to one of its six colours through the
//! label names it holds (defaults for Bridge and Lightroom; `tessera label set NAME COLOUR` edits them), so a Bridge
//! label does not turn white in Bridge after a round trip.

use serde::{Deserialize, Serialize};

/// One label text and the colour it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct LabelName {
    pub name: String,
    pub colour: String,
    /// `bridge`, `lightroom` (the defaults) or `custom`.
    pub set: String,
}

/// The library's label names, looked up without regard to case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelSets {
    names: Vec<LabelName>,
}

impl LabelSets {
    pub fn new(names: Vec<LabelName>) -> Self {
        LabelSets { names }
    }

    /// The colour `text` stands for, if any.
    pub fn colour_of(&self, text: &str) -> Option<&str> {
        let text = text.trim();
        self.names.iter().find(|n| n.name.eq_ignore_ascii_case(text)).map(|n| n.colour.as_str())
    }

    /// The text to write for an asset labelled `colour`: the text it came with while that still stands for the
    /// colour, else the Lightroom name of the colour (capitalised, as Lightroom and Bridge match it), else the colour.
    pub fn text_for(&self, colour: &str, kept: Option<&str>) -> String {
        if let Some(kept) = kept.filter(|k| self.colour_of(k) == Some(colour)) {
            return kept.to_string();
        }
        self.names
            .iter()
            .find(|n| n.set == "lightroom" && n.colour == colour)
            .map(|n| n.name.clone())
            .unwrap_or_else(|| capitalised(colour))
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets() -> LabelSets {
        let n = |name: &str, colour: &str, set: &str| LabelName {
            name: name.into(),
            colour: colour.into(),
            set: set.into(),
        };
        LabelSets::new(vec![
            n("Approved", "green", "bridge"),
            n("Green", "green", "lightroom"),
            n("Red", "red", "lightroom"),
        ])
    }

    #[test]
    fn text_maps_to_colour_and_back() {
        let s = sets();
        assert_eq!(s.colour_of(" approved "), Some("green"), "any case, trimmed");
        assert_eq!(s.colour_of("Nope"), None);
        assert_eq!(s.text_for("green", Some("Approved")), "Approved", "the Bridge text is written back");
        assert_eq!(s.text_for("red", Some("Approved")), "Red", "relabelled red: the old text no longer fits");
        assert_eq!(s.text_for("green", None), "Green");
        assert_eq!(s.text_for("purple", None), "Purple", "a colour with no name in the sets");
    }
}
