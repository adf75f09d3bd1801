//! XMP extraction: locate the packet by byte search, parse it with quick-xml.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{QName, ResolveResult};
use quick_xml::NsReader;
use serde::{Deserialize, Serialize};

/// The XMP fields Tessera indexes. Strings are trimmed; empty values are `None`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct XmpFields {
    /// dc:title (x-default alternative preferred).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// dc:description (x-default alternative preferred).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// dc:subject, in document order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// xmp:Rating, -1 (rejected) ..= 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<i8>,
    /// dc:creator; several creators are joined with ", ".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// dc:rights (x-default alternative preferred).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rights: Option<String>,
    /// Iptc4xmpCore:AltTextAccessibility.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<String>,
    /// photoshop:Credit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// xmpRights:UsageTerms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage_terms: Option<String>,
    /// plus:OtherLicenseInfo (what `tessera xmp write` puts the licence in).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// xmp:Label, the text as written (Bridge's "Approved", Lightroom's "Red").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// lr:hierarchicalSubject, as paths with `/` (Lightroom and Bridge separate with `|`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lr_hierarchical: Vec<String>,
    /// digiKam:TagsList, paths with `/`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub digikam_tags: Vec<String>,
    /// MicrosoftPhoto:LastKeywordXMP, paths with `/` (Windows Photo Gallery).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ms_keywords: Vec<String>,
    /// photoshop:Headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// photoshop:Instructions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Iptc4xmpCore:CreatorContactInfo/Iptc4xmpCore:CiEmailWork.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// Iptc4xmpCore:CreatorContactInfo/Iptc4xmpCore:CiUrlWork.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_url: Option<String>,
    /// Iptc4xmpCore:CreatorContactInfo/Iptc4xmpCore:CiTelWork.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
    /// xmpRights:WebStatement (a URL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web_statement: Option<String>,
    /// xmpRights:Marked: true = copyrighted, false = public domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marked: Option<bool>,
    /// plus:Licensor[1]/plus:LicensorName.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licensor: Option<String>,
    /// xmp:MetadataDate, else xmp:ModifyDate, as written (ISO 8601): when the packet was last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata_date: Option<String>,
    /// xmp:ModifyDate as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modify_date: Option<String>,
}

/// Only the first 16 MiB of a file are searched for a packet.
const SEARCH_LIMIT: usize = 16 << 20;
/// Packets of 4 MiB or more are ignored.
const PACKET_LIMIT: usize = 4 << 20;
/// How many opening tags without a matching close are tried before giving up
/// (bounds the work on adversarial input).
const MAX_CANDIDATES: usize = 8;

const NS_DC: &[u8] = b"http://purl.org/dc/elements/1.1/";
const NS_XMP: &[u8] = b"http://ns.adobe.com/xap/1.0/";
const NS_RDF: &[u8] = b"http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const NS_IPTC: &[u8] = b"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
const NS_PHOTOSHOP: &[u8] = b"http://ns.adobe.com/photoshop/1.0/";
const NS_XMP_RIGHTS: &[u8] = b"http://ns.adobe.com/xap/1.0/rights/";
const NS_PLUS: &[u8] = b"http://ns.useplus.org/ldf/xmp/1.0/";
const NS_LR: &[u8] = b"http://ns.adobe.com/lightroom/1.0/";
const NS_DIGIKAM: &[u8] = b"http://www.digikam.org/ns/1.0/";
/// ExifTool writes the Microsoft namespace without the trailing slash (and "fixes" the slash one); read both.
const NS_MS_PHOTO: &[u8] = b"http://ns.microsoft.com/photo/1.0";
const NS_MS_PHOTO_SLASH: &[u8] = b"http://ns.microsoft.com/photo/1.0/";

/// Finds the XMP packet anywhere in `bytes` and reads the indexed fields.
/// Never fails: no packet or malformed XML gives what could be read (possibly
/// `XmpFields::default()`).
pub fn read_xmp(bytes: &[u8]) -> XmpFields {
    match find_packet(bytes) {
        Some(packet) => parse_packet(&String::from_utf8_lossy(packet)),
        None => XmpFields::default(),
    }
}

/// `<x:xmpmeta` ... `</x:xmpmeta>`, else a bare `<rdf:RDF` ... `</rdf:RDF>`.
fn find_packet(bytes: &[u8]) -> Option<&[u8]> {
    // In a JPEG the packet sits in an APP1 segment before the scan data: search only the header (the entropy-coded
    // data of a large photo is megabytes of bytes not worth scanning).
    let limit = jpeg_header_end(bytes).unwrap_or(bytes.len()).min(SEARCH_LIMIT);
    let pairs: [(&[u8], &[u8]); 2] = [(b"<x:xmpmeta", b"</x:xmpmeta>"), (b"<rdf:RDF", b"</rdf:RDF>")];
    for (open, close) in pairs {
        let mut from = 0;
        for _ in 0..MAX_CANDIDATES {
            let Some(start) = find(bytes.get(from..limit)?, open).map(|i| from + i) else {
                break;
            };
            let window_end = bytes.len().min(start.saturating_add(PACKET_LIMIT));
            let window = bytes.get(start..window_end)?;
            if let Some(end) = find(window, close) {
                return window.get(..end + close.len());
            }
            from = start + 1;
        }
    }
    None
}

/// The offset of a JPEG's start-of-scan marker (the end of its metadata segments), or None for other files.
fn jpeg_header_end(bytes: &[u8]) -> Option<usize> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        if marker == 0xDA || marker == 0xD9 {
            return Some(at);
        }
        if marker == 0xFF || (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            at += if marker == 0xFF { 1 } else { 2 };
            continue;
        }
        let len = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        at += 2 + len;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    loop {
        let at = from + hay.get(from..)?.iter().position(|&b| b == first)?;
        if hay.get(at + 1..)?.starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prop {
    Title,
    Description,
    Subject,
    Creator,
    Rights,
    Rating,
    AltText,
    Credit,
    UsageTerms,
    Licence,
    Label,
    LrHierarchical,
    DigikamTags,
    MsKeywords,
    Headline,
    Instructions,
    ContactEmail,
    ContactUrl,
    ContactPhone,
    WebStatement,
    Marked,
    Licensor,
    MetadataDate,
    ModifyDate,
}

/// Namespaces we care about, resolved from declarations, or from the usual
/// prefix when the packet forgot to declare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Dc,
    Xmp,
    Rdf,
    Iptc,
    Photoshop,
    XmpRights,
    Plus,
    Lr,
    Digikam,
    MsPhoto,
}

fn namespace(resolved: ResolveResult<'_>, name: QName<'_>) -> Option<Ns> {
    let by_uri = |uri: &[u8]| match uri {
        NS_DC => Some(Ns::Dc),
        NS_XMP => Some(Ns::Xmp),
        NS_RDF => Some(Ns::Rdf),
        NS_IPTC => Some(Ns::Iptc),
        NS_PHOTOSHOP => Some(Ns::Photoshop),
        NS_XMP_RIGHTS => Some(Ns::XmpRights),
        NS_PLUS => Some(Ns::Plus),
        NS_LR => Some(Ns::Lr),
        NS_DIGIKAM => Some(Ns::Digikam),
        NS_MS_PHOTO | NS_MS_PHOTO_SLASH => Some(Ns::MsPhoto),
        _ => None,
    };
    match resolved {
        ResolveResult::Bound(ns) => by_uri(ns.0),
        ResolveResult::Unknown(_) | ResolveResult::Unbound => match name.prefix().map(|p| p.into_inner()) {
            Some(b"dc") => Some(Ns::Dc),
            Some(b"xmp" | b"xap") => Some(Ns::Xmp),
            Some(b"rdf") => Some(Ns::Rdf),
            _ => None,
        },
    }
}

fn classify(ns: Option<Ns>, local: &[u8]) -> Option<Prop> {
    match (ns?, local) {
        (Ns::Dc, b"title") => Some(Prop::Title),
        (Ns::Dc, b"description") => Some(Prop::Description),
        (Ns::Dc, b"subject") => Some(Prop::Subject),
        (Ns::Dc, b"creator") => Some(Prop::Creator),
        (Ns::Dc, b"rights") => Some(Prop::Rights),
        (Ns::Xmp, b"Rating") => Some(Prop::Rating),
        (Ns::Xmp, b"Label") => Some(Prop::Label),
        (Ns::Iptc, b"AltTextAccessibility") => Some(Prop::AltText),
        (Ns::Photoshop, b"Credit") => Some(Prop::Credit),
        (Ns::XmpRights, b"UsageTerms") => Some(Prop::UsageTerms),
        (Ns::Plus, b"OtherLicenseInfo") => Some(Prop::Licence),
        (Ns::Lr, b"hierarchicalSubject") => Some(Prop::LrHierarchical),
        (Ns::Digikam, b"TagsList") => Some(Prop::DigikamTags),
        (Ns::MsPhoto, b"LastKeywordXMP") => Some(Prop::MsKeywords),
        (Ns::Photoshop, b"Headline") => Some(Prop::Headline),
        (Ns::Photoshop, b"Instructions") => Some(Prop::Instructions),
        // Fields of the CreatorContactInfo struct: found wherever they are (the struct itself is not captured).
        (Ns::Iptc, b"CiEmailWork") => Some(Prop::ContactEmail),
        (Ns::Iptc, b"CiUrlWork") => Some(Prop::ContactUrl),
        (Ns::Iptc, b"CiTelWork") => Some(Prop::ContactPhone),
        (Ns::XmpRights, b"WebStatement") => Some(Prop::WebStatement),
        (Ns::XmpRights, b"Marked") => Some(Prop::Marked),
        // plus:Licensor is a list of structs; the first licensor's name is the one kept.
        (Ns::Plus, b"LicensorName") => Some(Prop::Licensor),
        (Ns::Xmp, b"MetadataDate") => Some(Prop::MetadataDate),
        (Ns::Xmp, b"ModifyDate") => Some(Prop::ModifyDate),
        _ => None,
    }
}

/// One value of a property: its `xml:lang` (if any) and text.
type Item = (Option<String>, String);

/// A property element being read (element form).
struct Capture {
    prop: Prop,
    depth: usize,
    items: Vec<Item>,
    /// The `rdf:li` being read, with the depth it opened at.
    li: Option<(usize, Item)>,
    /// Text directly inside the property element (simple values).
    direct: String,
}

impl Capture {
    fn push_text(&mut self, s: &str) {
        match &mut self.li {
            Some((_, (_, text))) => text.push_str(s),
            None => self.direct.push_str(s),
        }
    }
}

fn parse_packet(xml: &str) -> XmpFields {
    let mut fields = XmpFields::default();
    let mut reader = NsReader::from_str(xml);
    let mut depth = 0usize;
    let mut capture: Option<Capture> = None;

    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) => {
                depth += 1;
                match &mut capture {
                    Some(cap) => {
                        if cap.li.is_none() && is_rdf(&reader, &e, b"li") {
                            cap.li = Some((depth, (lang(&e), String::new())));
                        }
                    }
                    None => {
                        if is_rdf(&reader, &e, b"Description") || is_struct(&reader, &e) {
                            read_attributes(&reader, &e, &mut fields);
                        } else if let Some(prop) = element_prop(&reader, &e) {
                            capture = Some(Capture { prop, depth, items: Vec::new(), li: None, direct: String::new() });
                        }
                    }
                }
            }
            Event::Empty(e) if capture.is_none() && (is_rdf(&reader, &e, b"Description") || is_struct(&reader, &e)) => {
                read_attributes(&reader, &e, &mut fields);
            }
            Event::Text(t) => {
                if let (Some(cap), Ok(s)) = (&mut capture, t.decode()) {
                    cap.push_text(&s);
                }
            }
            Event::CData(t) => {
                if let (Some(cap), Ok(s)) = (&mut capture, t.decode()) {
                    cap.push_text(&s);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(cap) = &mut capture {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        cap.push_text(c.encode_utf8(&mut [0; 4]));
                    } else if let Some(s) = r.decode().ok().and_then(|n| resolve_predefined_entity(&n)) {
                        cap.push_text(s);
                    }
                }
            }
            Event::End(_) => {
                if let Some(cap) = &mut capture {
                    if cap.li.as_ref().is_some_and(|(d, _)| *d == depth) {
                        if let Some((_, item)) = cap.li.take() {
                            cap.items.push(item);
                        }
                    }
                    if cap.depth == depth {
                        if let Some(cap) = capture.take() {
                            let items = if cap.items.is_empty() { vec![(None, cap.direct)] } else { cap.items };
                            apply(&mut fields, cap.prop, items);
                        }
                    }
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    fields
}

fn is_rdf(reader: &NsReader<&[u8]>, e: &BytesStart<'_>, local: &[u8]) -> bool {
    let (resolved, name) = reader.resolve_element(e.name());
    name.as_ref() == local && namespace(resolved, e.name()) == Some(Ns::Rdf)
}

/// An element whose attributes may hold the fields of a struct: CreatorContactInfo (`rdf:parseType="Resource"` or
/// attribute form) and the `rdf:li` of plus:Licensor. Reading the attributes of any `rdf:li` is harmless: only
/// properties we know are taken.
fn is_struct(reader: &NsReader<&[u8]>, e: &BytesStart<'_>) -> bool {
    let (resolved, local) = reader.resolve_element(e.name());
    let ns = namespace(resolved, e.name());
    (ns == Some(Ns::Iptc) && local.as_ref() == b"CreatorContactInfo")
        || (ns == Some(Ns::Rdf) && local.as_ref() == b"li")
}

fn element_prop(reader: &NsReader<&[u8]>, e: &BytesStart<'_>) -> Option<Prop> {
    let (resolved, local) = reader.resolve_element(e.name());
    classify(namespace(resolved, e.name()), local.as_ref())
}

fn lang(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == b"xml:lang")
        .map(|a| String::from_utf8_lossy(&a.value).trim().to_owned())
}

/// Attribute form: `<rdf:Description xmp:Rating="4" dc:title="...">`.
fn read_attributes(reader: &NsReader<&[u8]>, e: &BytesStart<'_>, fields: &mut XmpFields) {
    for attr in e.attributes().with_checks(false).flatten() {
        let (resolved, local) = reader.resolve_attribute(attr.key);
        let Some(prop) = classify(namespace(resolved, attr.key), local.as_ref()) else {
            continue;
        };
        if let Ok(value) = attr.decode_and_unescape_value(reader.decoder()) {
            apply(fields, prop, vec![(None, value.into_owned())]);
        }
    }
}

/// Stores a property's values; the first occurrence of a scalar wins.
fn apply(fields: &mut XmpFields, prop: Prop, items: Vec<Item>) {
    let items: Vec<Item> = items
        .into_iter()
        .map(|(lang, text)| (lang, text.trim().to_owned()))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    if items.is_empty() {
        return;
    }
    let set = |slot: &mut Option<String>, value: String| {
        if slot.is_none() {
            *slot = Some(value);
        }
    };
    match prop {
        Prop::Title => set(&mut fields.title, pick_lang(items)),
        Prop::Description => set(&mut fields.description, pick_lang(items)),
        Prop::Rights => set(&mut fields.rights, pick_lang(items)),
        Prop::AltText => set(&mut fields.alt_text, pick_lang(items)),
        Prop::UsageTerms => set(&mut fields.usage_terms, pick_lang(items)),
        Prop::Licence => set(&mut fields.licence, pick_lang(items)),
        Prop::Credit => set(&mut fields.credit, pick_lang(items)),
        Prop::Label => set(&mut fields.label, pick_lang(items)),
        Prop::LrHierarchical => fields.lr_hierarchical.extend(items.into_iter().map(|(_, t)| t.replace('|', "/"))),
        Prop::DigikamTags => fields.digikam_tags.extend(items.into_iter().map(|(_, t)| t)),
        Prop::MsKeywords => fields.ms_keywords.extend(items.into_iter().map(|(_, t)| t)),
        Prop::Headline => set(&mut fields.headline, pick_lang(items)),
        Prop::Instructions => set(&mut fields.instructions, pick_lang(items)),
        Prop::ContactEmail => set(&mut fields.contact_email, pick_lang(items)),
        Prop::ContactUrl => set(&mut fields.contact_url, pick_lang(items)),
        Prop::ContactPhone => set(&mut fields.contact_phone, pick_lang(items)),
        Prop::WebStatement => set(&mut fields.web_statement, pick_lang(items)),
        Prop::Licensor => set(&mut fields.licensor, pick_lang(items)),
        Prop::MetadataDate => set(&mut fields.metadata_date, pick_lang(items)),
        Prop::ModifyDate => set(&mut fields.modify_date, pick_lang(items)),
        Prop::Marked => {
            if fields.marked.is_none() {
                fields.marked = items.first().and_then(|(_, t)| parse_bool(t));
            }
        }
        Prop::Creator => {
            let all: Vec<String> = items.into_iter().map(|(_, t)| t).collect();
            set(&mut fields.creator, all.join(", "));
        }
        Prop::Subject => fields.keywords.extend(items.into_iter().map(|(_, t)| t)),
        Prop::Rating => {
            if fields.rating.is_none() {
                fields.rating = items.first().and_then(|(_, t)| parse_rating(t));
            }
        }
    }
}

/// The x-default alternative, else the first one. `items` is non-empty.
fn pick_lang(items: Vec<Item>) -> String {
    let default = items
        .iter()
        .position(|(lang, _)| lang.as_deref().is_some_and(|l| l.eq_ignore_ascii_case("x-default")))
        .unwrap_or(0);
    items.into_iter().nth(default).map(|(_, t)| t).unwrap_or_default()
}

/// XMP Booleans are "True" and "False"; some tools write other cases or 1/0.
fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// "4", "-1", "3.0" -> rating in -1..=5; anything else is `None`.
fn parse_rating(s: &str) -> Option<i8> {
    let v: f64 = s.trim().parse().ok()?;
    if v.fract() != 0.0 || !(-1.0..=5.0).contains(&v) {
        return None;
    }
    Some(v as i8)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{app1_xmp, jpeg, FULL_XMP};
    use super::*;

    fn wrap(description: &str) -> String {
        format!(
            r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">{description}</rdf:RDF></x:xmpmeta>"#
        )
    }

    #[test]
    fn element_form_round_trip() {
        let f = read_xmp(&jpeg(&[app1_xmp(FULL_XMP)]));
        assert_eq!(f.title.as_deref(), Some("Sunset & Sea"));
        assert_eq!(f.description.as_deref(), Some("Evening at the beach"));
        assert_eq!(f.keywords, vec!["beach", "Sunset"]);
        assert_eq!(f.rating, Some(4));
        assert_eq!(f.creator.as_deref(), Some("Ada Lovelace"));
        assert_eq!(f.rights.as_deref(), Some("(c) 2024 Ada"));
    }

    #[test]
    fn attribute_form_with_other_prefixes_and_entities() {
        let x = wrap(
            r#"<rdf:Description rdf:about="" xmlns:xap="http://ns.adobe.com/xap/1.0/"
                 xmlns:purl="http://purl.org/dc/elements/1.1/"
                 xap:Rating="5" purl:title="Fish &amp; Chips &#x263A; &lt;3"/>"#,
        );
        let f = read_xmp(x.as_bytes());
        assert_eq!(f.rating, Some(5));
        assert_eq!(f.title.as_deref(), Some("Fish & Chips \u{263A} <3"));
    }

    #[test]
    fn element_rating_and_entities_in_text() {
        let x = wrap(
            r#"<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <xmp:Rating> 3 </xmp:Rating>
                <dc:creator><rdf:Seq><rdf:li>A &amp; B</rdf:li><rdf:li> C&#233;line </rdf:li><rdf:li/></rdf:Seq></dc:creator>
                <dc:subject><rdf:Bag><rdf:li><![CDATA[x<y]]></rdf:li><rdf:li>  </rdf:li></rdf:Bag></dc:subject>
              </rdf:Description>"#,
        );
        let f = read_xmp(x.as_bytes());
        assert_eq!(f.rating, Some(3));
        assert_eq!(f.creator.as_deref(), Some("A & B, C\u{e9}line"));
        assert_eq!(f.keywords, vec!["x<y"]);
    }

    #[test]
    fn lang_alt_prefers_x_default() {
        let x = wrap(
            r#"<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title><rdf:Alt><rdf:li xml:lang="de-DE">Hallo</rdf:li><rdf:li xml:lang="x-default">Hello</rdf:li></rdf:Alt></dc:title>
                <dc:description><rdf:Alt><rdf:li xml:lang="fr">Bonjour</rdf:li><rdf:li xml:lang="it">Ciao</rdf:li></rdf:Alt></dc:description>
              </rdf:Description>"#,
        );
        let f = read_xmp(x.as_bytes());
        assert_eq!(f.title.as_deref(), Some("Hello"));
        assert_eq!(f.description.as_deref(), Some("Bonjour"));
    }

    #[test]
    fn headline_instructions_contact_rights_licensor_and_ms_keywords() {
        // Element form, as ExifTool writes it (structs with rdf:parseType="Resource").
        let x = wrap(
            r#"<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
                 xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
                 xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"
                 xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                 photoshop:Headline="Big news" xmpRights:Marked="True" xmp:MetadataDate="2026-01-02T03:04:05Z">
                <photoshop:Instructions>Crop &amp; embargo</photoshop:Instructions>
                <Iptc4xmpCore:CreatorContactInfo rdf:parseType="Resource">
                  <Iptc4xmpCore:CiEmailWork>ada@example.com</Iptc4xmpCore:CiEmailWork>
                  <Iptc4xmpCore:CiUrlWork>https://ada.example</Iptc4xmpCore:CiUrlWork>
                  <Iptc4xmpCore:CiTelWork>+44 1</Iptc4xmpCore:CiTelWork>
                </Iptc4xmpCore:CreatorContactInfo>
                <xmpRights:WebStatement>https://ada.example/rights</xmpRights:WebStatement>
                <plus:Licensor><rdf:Seq><rdf:li rdf:parseType="Resource"><plus:LicensorName>Ada Ltd</plus:LicensorName></rdf:li>
                  <rdf:li rdf:parseType="Resource"><plus:LicensorName>Second</plus:LicensorName></rdf:li></rdf:Seq></plus:Licensor>
                <MicrosoftPhoto:LastKeywordXMP><rdf:Bag><rdf:li>Places/Paris</rdf:li></rdf:Bag></MicrosoftPhoto:LastKeywordXMP>
              </rdf:Description>"#,
        );
        let f = read_xmp(x.as_bytes());
        assert_eq!(f.headline.as_deref(), Some("Big news"));
        assert_eq!(f.instructions.as_deref(), Some("Crop & embargo"));
        assert_eq!(f.contact_email.as_deref(), Some("ada@example.com"));
        assert_eq!(f.contact_url.as_deref(), Some("https://ada.example"));
        assert_eq!(f.contact_phone.as_deref(), Some("+44 1"));
        assert_eq!(f.web_statement.as_deref(), Some("https://ada.example/rights"));
        assert_eq!(f.marked, Some(true));
        assert_eq!(f.licensor.as_deref(), Some("Ada Ltd"), "the first licensor is kept");
        assert_eq!(f.ms_keywords, vec!["Places/Paris"]);
        assert_eq!(f.metadata_date.as_deref(), Some("2026-01-02T03:04:05Z"));
        // Attribute form of the structs.
        let x = wrap(
            r#"<rdf:Description xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
                 xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"
                 xmpRights:Marked="False">
                <Iptc4xmpCore:CreatorContactInfo Iptc4xmpCore:CiEmailWork="b@example.com"/>
                <plus:Licensor><rdf:Seq><rdf:li plus:LicensorName="B Ltd"/></rdf:Seq></plus:Licensor>
              </rdf:Description>"#,
        );
        let f = read_xmp(x.as_bytes());
        assert_eq!((f.contact_email.as_deref(), f.licensor.as_deref()), (Some("b@example.com"), Some("B Ltd")));
        assert_eq!(f.marked, Some(false), "False is public domain, not unknown");
        for (raw, want) in [("True", Some(true)), ("false", Some(false)), ("1", Some(true)), ("yes", None), ("", None)]
        {
            assert_eq!(parse_bool(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn rating_range() {
        for (raw, want) in [
            ("-1", Some(-1)),
            ("0", Some(0)),
            ("5", Some(5)),
            ("2.0", Some(2)),
            ("6", None),
            ("-2", None),
            ("2.5", None),
            ("abc", None),
            ("", None),
            ("NaN", None),
            ("300", None),
        ] {
            let x = wrap(&format!(r#"<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="{raw}"/>"#));
            assert_eq!(read_xmp(x.as_bytes()).rating, want, "{raw:?}");
        }
    }

    #[test]
    fn bare_rdf_packet_and_undeclared_prefixes() {
        let x = r#"junk<rdf:RDF><rdf:Description xmp:Rating="2"><dc:subject><rdf:Bag><rdf:li>k</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF>junk"#;
        let f = read_xmp(x.as_bytes());
        assert_eq!(f.rating, Some(2));
        assert_eq!(f.keywords, vec!["k"]);
    }

    #[test]
    fn foreign_namespace_same_local_name_ignored() {
        let x = wrap(
            r#"<rdf:Description xmlns:my="urn:example" my:Rating="5"><my:title>Nope</my:title></rdf:Description>"#,
        );
        assert_eq!(read_xmp(x.as_bytes()), XmpFields::default());
    }

    #[test]
    fn malformed_and_truncated_packets() {
        assert_eq!(read_xmp(b""), XmpFields::default());
        assert_eq!(read_xmp(b"<x:xmpmeta> never closed"), XmpFields::default());
        assert_eq!(read_xmp(b"<x:xmpmeta><<<&bogus;</x:xmpmeta>"), XmpFields::default());
        let full = FULL_XMP.as_bytes();
        for n in 0..full.len() {
            let _ = read_xmp(&full[..n]);
        }
        // Damaged XML still yields what was read before the damage.
        let broken = FULL_XMP.replace("</dc:description>", "</dc:oops>");
        assert_eq!(read_xmp(broken.as_bytes()).title.as_deref(), Some("Sunset & Sea"));
    }

    #[test]
    fn packet_search_limits() {
        let x = wrap(r#"<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="1"/>"#);
        let mut late = vec![0u8; SEARCH_LIMIT];
        late.extend_from_slice(x.as_bytes());
        assert_eq!(read_xmp(&late).rating, None);
        let mut huge = b"<x:xmpmeta>".to_vec();
        huge.resize(PACKET_LIMIT + 10, b' ');
        huge.extend_from_slice(b"</x:xmpmeta>");
        assert_eq!(find_packet(&huge), None);
        assert_eq!(find(b"abcabd", b"abd"), Some(3));
        assert_eq!(find(b"ab", b"abc"), None);
    }
}
