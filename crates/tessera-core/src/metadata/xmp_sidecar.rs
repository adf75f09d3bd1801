//! Writing XMP sidecars that ExifTool, Bridge, Lightroom, darktable and digiKam read. Pure: text in, text out, no
//! files (the use case in `app::xmp` does the I/O).
//!
//! An existing sidecar is merged, not replaced: it is streamed through `quick-xml` (the same reader as
//! [`super::xmp`], which never expands DTD entities), the properties we own ([`OURS`]) are dropped wherever they
//! appear (element or attribute form), everything else is copied as it was, and one `rdf:Description` with our
//! values goes in before the first `</rdf:RDF>`. A sidecar we cannot parse is refused rather than overwritten, so
//! another tool's data is never lost.
//!
//! Licence: written as `plus:OtherLicenseInfo` (a top-level PLUS lang-alt that ExifTool reads back as
//! `XMP-plus:OtherLicenseInfo`); `plus:Licensee`/`plus:Licensor` are structs naming parties, not the licence.

use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, BytesText, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, Writer};
use serde::{Deserialize, Serialize};

/// Sidecars of 4 MiB or more are refused (the same bound as embedded packets).
pub const SIDECAR_LIMIT: usize = 4 << 20;

/// What we write into a sidecar, and remember having written (for the three-way merge of `tessera xmp read`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SidecarProps {
    pub title: Option<String>,
    pub description: Option<String>,
    pub alt_text: Option<String>,
    pub creator: Option<String>,
    pub credit: Option<String>,
    /// The copyright notice (dc:rights).
    pub rights: Option<String>,
    pub usage_terms: Option<String>,
    pub licence: Option<String>,
    /// The label text as the library holds it (xmp:Label).
    pub label: Option<String>,
    /// -1 (rejected) ..= 5.
    pub rating: Option<i8>,
    /// Tag paths with `/`.
    pub tags: Vec<String>,
    pub headline: Option<String>,
    pub instructions: Option<String>,
    pub contact_email: Option<String>,
    pub contact_url: Option<String>,
    pub contact_phone: Option<String>,
    pub web_statement: Option<String>,
    /// xmpRights:Marked as XMP writes it: "True" or "False".
    pub marked: Option<String>,
    pub licensor: Option<String>,
}

const NS: &[(&str, &str)] = &[
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("xmp", "http://ns.adobe.com/xap/1.0/"),
    ("xmpRights", "http://ns.adobe.com/xap/1.0/rights/"),
    ("photoshop", "http://ns.adobe.com/photoshop/1.0/"),
    ("Iptc4xmpCore", "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"),
    ("lr", "http://ns.adobe.com/lightroom/1.0/"),
    ("digiKam", "http://www.digikam.org/ns/1.0/"),
    ("plus", "http://ns.useplus.org/ldf/xmp/1.0/"),
    // As ExifTool writes it (no trailing slash; it warns about the slash form).
    ("MicrosoftPhoto", "http://ns.microsoft.com/photo/1.0"),
];

/// The properties we own, by namespace URI and local name: dropped from an existing sidecar and written anew.
const OURS: &[(&str, &str)] = &[
    ("http://purl.org/dc/elements/1.1/", "title"),
    ("http://purl.org/dc/elements/1.1/", "description"),
    ("http://purl.org/dc/elements/1.1/", "subject"),
    ("http://purl.org/dc/elements/1.1/", "creator"),
    ("http://purl.org/dc/elements/1.1/", "rights"),
    ("http://ns.adobe.com/xap/1.0/", "Rating"),
    ("http://ns.adobe.com/xap/1.0/", "Label"),
    ("http://ns.adobe.com/xap/1.0/rights/", "UsageTerms"),
    ("http://ns.adobe.com/photoshop/1.0/", "Credit"),
    ("http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/", "AltTextAccessibility"),
    ("http://ns.adobe.com/lightroom/1.0/", "hierarchicalSubject"),
    ("http://www.digikam.org/ns/1.0/", "TagsList"),
    ("http://ns.useplus.org/ldf/xmp/1.0/", "OtherLicenseInfo"),
    ("http://ns.microsoft.com/photo/1.0", "LastKeywordXMP"),
    ("http://ns.microsoft.com/photo/1.0/", "LastKeywordXMP"),
    ("http://ns.adobe.com/photoshop/1.0/", "Headline"),
    ("http://ns.adobe.com/photoshop/1.0/", "Instructions"),
    ("http://ns.adobe.com/xap/1.0/rights/", "WebStatement"),
    ("http://ns.adobe.com/xap/1.0/rights/", "Marked"),
    // Structs, replaced whole: their other fields (a contact's address, a licensor's URL) are not kept.
    ("http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/", "CreatorContactInfo"),
    ("http://ns.useplus.org/ldf/xmp/1.0/", "Licensor"),
];

const NS_RDF: &[u8] = b"http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// Why an existing sidecar was not merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SidecarProblem {
    TooLarge,
    Malformed(String),
    NoRdf,
}

impl std::fmt::Display for SidecarProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SidecarProblem::TooLarge => write!(f, "larger than {} MiB", SIDECAR_LIMIT >> 20),
            SidecarProblem::Malformed(why) => write!(f, "not well-formed XML ({why})"),
            SidecarProblem::NoRdf => write!(f, "no rdf:RDF element"),
        }
    }
}

/// Keywords flat, as Lightroom exports them: each tag's leaf and its ancestors' leaves, once each, in order.
/// A `|` inside a name stays part of the keyword.
pub fn flat_keywords(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        for part in tag.split('/').map(str::trim).filter(|p| !p.is_empty()) {
            if !out.iter().any(|k| k == part) {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// The full paths: the asset's tags without those that are only an ancestor of another of its tags (a path
/// implies its parents in every reader), deduplicated.
pub fn leaf_paths(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let is_ancestor = tags.iter().any(|other| other.len() > tag.len() && other.starts_with(&format!("{tag}/")));
        if !is_ancestor && !out.contains(tag) {
            out.push(tag.clone());
        }
    }
    out
}

/// A new sidecar, or `existing` with our properties replaced and the rest kept.
pub fn render_sidecar(existing: Option<&str>, props: &SidecarProps) -> Result<String, SidecarProblem> {
    let ours = our_description(props);
    let Some(existing) = existing.filter(|s| !s.trim().is_empty()) else {
        return Ok(format!(
            "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
             <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n \
             <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n{ours} </rdf:RDF>\n\
             </x:xmpmeta>\n<?xpacket end=\"w\"?>\n"
        ));
    };
    if existing.len() >= SIDECAR_LIMIT {
        return Err(SidecarProblem::TooLarge);
    }
    merge(existing, &ours)
}

fn merge(xml: &str, ours: &str) -> Result<String, SidecarProblem> {
    let mut reader = NsReader::from_str(xml);
    let mut writer = Writer::new(Vec::new());
    let bad = |e: &dyn std::fmt::Display| SidecarProblem::Malformed(e.to_string());
    let mut depth = 0usize;
    let mut skip: Option<usize> = None;
    let mut inserted = false;
    loop {
        let event = reader.read_event().map_err(|e| bad(&e))?;
        let out = match event {
            Event::Eof => break,
            // A DTD could declare entities; nothing expands them here, and nothing needs them: leave it out.
            Event::DocType(_) => None,
            Event::Start(e) => {
                depth += 1;
                if skip.is_some() {
                    None
                } else if is_ours(&reader, &e) {
                    skip = Some(depth);
                    None
                } else {
                    Some(Event::Start(filtered(&reader, e)))
                }
            }
            Event::Empty(e) => (skip.is_none() && !is_ours(&reader, &e)).then(|| Event::Empty(filtered(&reader, e))),
            Event::End(e) => {
                let closing = depth;
                depth = depth.saturating_sub(1);
                if let Some(at) = skip {
                    if at == closing {
                        skip = None;
                    }
                    None
                } else {
                    let (resolved, local) = reader.resolve_element(e.name());
                    let rdf = matches!(resolved, ResolveResult::Bound(ns) if ns.0 == NS_RDF)
                        || e.name().prefix().is_some_and(|p| p.as_ref() == b"rdf");
                    if !inserted && rdf && local.as_ref() == b"RDF" {
                        writer.write_event(Event::Text(BytesText::from_escaped(ours))).map_err(|e| bad(&e))?;
                        inserted = true;
                    }
                    Some(Event::End(e))
                }
            }
            other => skip.is_none().then_some(other),
        };
        if let Some(event) = out {
            writer.write_event(event).map_err(|e| bad(&e))?;
        }
    }
    if skip.is_some() || depth != 0 {
        return Err(SidecarProblem::Malformed("unclosed elements".into()));
    }
    if !inserted {
        return Err(SidecarProblem::NoRdf);
    }
    String::from_utf8(writer.into_inner()).map_err(|e| bad(&e))
}

fn is_ours(reader: &NsReader<&[u8]>, e: &BytesStart<'_>) -> bool {
    let (resolved, local) = reader.resolve_element(e.name());
    owned(resolved, local.as_ref())
}

fn owned(resolved: ResolveResult<'_>, local: &[u8]) -> bool {
    let ResolveResult::Bound(ns) = resolved else { return false };
    OURS.iter().any(|(uri, name)| uri.as_bytes() == ns.0 && name.as_bytes() == local)
}

/// The element with our properties' attributes (attribute form, `xmp:Rating="3"`) taken off.
fn filtered<'a>(reader: &NsReader<&[u8]>, e: BytesStart<'a>) -> BytesStart<'a> {
    let keep: Vec<_> = e
        .attributes()
        .with_checks(false)
        .flatten()
        .filter(|a| {
            let (resolved, local) = reader.resolve_attribute(a.key);
            !owned(resolved, local.as_ref())
        })
        .map(|a| (a.key.as_ref().to_vec(), a.value.into_owned()))
        .collect();
    if keep.len() == e.attributes().with_checks(false).count() {
        return e;
    }
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut out = BytesStart::new(name);
    for (key, value) in keep {
        out.push_attribute(quick_xml::events::attributes::Attribute {
            key: quick_xml::name::QName(&key),
            value: value.into(),
        });
    }
    out
}

fn our_description(p: &SidecarProps) -> String {
    let decls: String = NS.iter().map(|(prefix, uri)| format!("\n    xmlns:{prefix}=\"{uri}\"")).collect();
    let mut body = String::new();
    let simple = |body: &mut String, name: &str, value: &Option<String>| {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            body.push_str(&format!("   <{name}>{}</{name}>\n", escape(v)));
        }
    };
    let alt = |body: &mut String, name: &str, value: &Option<String>| {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            body.push_str(&format!(
                "   <{name}>\n    <rdf:Alt>\n     <rdf:li xml:lang=\"x-default\">{}</rdf:li>\n    </rdf:Alt>\n   </{name}>\n",
                escape(v)
            ));
        }
    };
    let list = |body: &mut String, name: &str, kind: &str, values: &[String]| {
        if values.is_empty() {
            return;
        }
        body.push_str(&format!("   <{name}>\n    <rdf:{kind}>\n"));
        for v in values {
            body.push_str(&format!("     <rdf:li>{}</rdf:li>\n", escape(v)));
        }
        body.push_str(&format!("    </rdf:{kind}>\n   </{name}>\n"));
    };
    alt(&mut body, "dc:title", &p.title);
    alt(&mut body, "dc:description", &p.description);
    alt(&mut body, "Iptc4xmpCore:AltTextAccessibility", &p.alt_text);
    let creators: Vec<String> = p.creator.iter().filter(|c| !c.trim().is_empty()).cloned().collect();
    list(&mut body, "dc:creator", "Seq", &creators);
    simple(&mut body, "photoshop:Credit", &p.credit);
    alt(&mut body, "dc:rights", &p.rights);
    alt(&mut body, "xmpRights:UsageTerms", &p.usage_terms);
    alt(&mut body, "plus:OtherLicenseInfo", &p.licence);
    simple(&mut body, "xmp:Label", &p.label);
    simple(&mut body, "xmp:Rating", &p.rating.map(|r| r.to_string()));
    list(&mut body, "dc:subject", "Bag", &flat_keywords(&p.tags));
    let paths = leaf_paths(&p.tags);
    let piped: Vec<String> = paths.iter().map(|t| t.replace('/', "|")).collect();
    list(&mut body, "lr:hierarchicalSubject", "Bag", &piped);
    list(&mut body, "digiKam:TagsList", "Seq", &paths);
    list(&mut body, "MicrosoftPhoto:LastKeywordXMP", "Bag", &paths);
    simple(&mut body, "photoshop:Headline", &p.headline);
    simple(&mut body, "photoshop:Instructions", &p.instructions);
    let contact = [("CiEmailWork", &p.contact_email), ("CiUrlWork", &p.contact_url), ("CiTelWork", &p.contact_phone)];
    if contact.iter().any(|(_, v)| v.as_deref().is_some_and(|v| !v.trim().is_empty())) {
        body.push_str("   <Iptc4xmpCore:CreatorContactInfo rdf:parseType=\"Resource\">\n");
        for (name, value) in contact {
            if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
                body.push_str(&format!("    <Iptc4xmpCore:{name}>{}</Iptc4xmpCore:{name}>\n", escape(v)));
            }
        }
        body.push_str("   </Iptc4xmpCore:CreatorContactInfo>\n");
    }
    simple(&mut body, "xmpRights:WebStatement", &p.web_statement);
    simple(&mut body, "xmpRights:Marked", &p.marked);
    if let Some(v) = p.licensor.as_deref().filter(|v| !v.trim().is_empty()) {
        body.push_str(&format!(
            "   <plus:Licensor>\n    <rdf:Seq>\n     <rdf:li rdf:parseType=\"Resource\">\n      \
             <plus:LicensorName>{}</plus:LicensorName>\n     </rdf:li>\n    </rdf:Seq>\n   </plus:Licensor>\n",
            escape(v)
        ));
    }
    format!("  <rdf:Description rdf:about=\"\"{decls}>\n{body}  </rdf:Description>\n")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a test that unwraps fails loudly")]
mod tests {
    use super::*;

    fn props() -> SidecarProps {
        SidecarProps {
            title: Some("A <title> & more".into()),
            rating: Some(4),
            tags: vec!["Brand".into(), "Brand/Product".into(), "Brand/Product/Sneaker".into(), "a|b".into()],
            ..SidecarProps::default()
        }
    }

    #[test]
    fn keywords_flat_and_hierarchical() {
        let tags = props().tags;
        assert_eq!(flat_keywords(&tags), ["Brand", "Product", "Sneaker", "a|b"], "leaves and ancestors, | kept");
        assert_eq!(leaf_paths(&tags), ["Brand/Product/Sneaker", "a|b"], "ancestors are implied by the full path");
    }

    #[test]
    fn new_sidecar_reads_back_with_the_packet_reader() {
        let xml = render_sidecar(None, &props()).unwrap();
        let read = super::super::xmp::read_xmp(xml.as_bytes());
        assert_eq!(read.title.as_deref(), Some("A <title> & more"), "escaped and read back");
        assert_eq!(read.rating, Some(4));
        assert_eq!(read.keywords, ["Brand", "Product", "Sneaker", "a|b"]);
    }

    #[test]
    fn every_property_written_is_read_back_by_our_own_reader() {
        let all = SidecarProps {
            title: Some("T".into()),
            description: Some("D".into()),
            alt_text: Some("Alt".into()),
            creator: Some("Ana".into()),
            credit: Some("Studio".into()),
            rights: Some("(c) Studio".into()),
            usage_terms: Some("Web only".into()),
            licence: Some("CC BY".into()),
            label: Some("Red".into()),
            rating: Some(-1),
            tags: vec!["a/b".into()],
            headline: Some("Big news".into()),
            instructions: Some("Embargo & crop".into()),
            contact_email: Some("ana@example.com".into()),
            contact_url: Some("https://ana.example".into()),
            contact_phone: Some("+1 555".into()),
            web_statement: Some("https://ana.example/rights".into()),
            marked: Some("True".into()),
            licensor: Some("Ana Ltd".into()),
        };
        let x = super::super::xmp::read_xmp(render_sidecar(None, &all).unwrap().as_bytes());
        let got = [&x.alt_text, &x.credit, &x.rights, &x.usage_terms, &x.licence, &x.label, &x.creator];
        let want = ["Alt", "Studio", "(c) Studio", "Web only", "CC BY", "Red", "Ana"];
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.as_deref(), Some(w), "{x:?}");
        }
        assert_eq!(x.rating, Some(-1), "a reject reads back as -1");
        assert_eq!((&x.lr_hierarchical, &x.digikam_tags), (&vec!["a/b".to_string()], &vec!["a/b".to_string()]));
        assert_eq!(x.ms_keywords, ["a/b"]);
        let got = [&x.headline, &x.instructions, &x.contact_email, &x.contact_url, &x.contact_phone];
        let want = ["Big news", "Embargo & crop", "ana@example.com", "https://ana.example", "+1 555"];
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.as_deref(), Some(w), "{x:?}");
        }
        assert_eq!((x.web_statement.as_deref(), x.marked), (Some("https://ana.example/rights"), Some(true)));
        assert_eq!(x.licensor.as_deref(), Some("Ana Ltd"));
    }

    #[test]
    fn merge_keeps_unknown_properties_and_replaces_ours() {
        let existing = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
  xmp:Rating="1" crs:Exposure2012="+0.50">
 <dc:title xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Alt><rdf:li xml:lang="x-default">old</rdf:li></rdf:Alt></dc:title>
 <crs:ToneCurve><rdf:Seq><rdf:li>0, 0</rdf:li></rdf:Seq></crs:ToneCurve>
</rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let xml = render_sidecar(Some(existing), &props()).unwrap();
        assert!(xml.contains(r#"crs:Exposure2012="+0.50""#), "another tool's attribute is kept: {xml}");
        assert!(xml.contains("<rdf:li>0, 0</rdf:li>"), "another tool's element is kept: {xml}");
        assert!(!xml.contains("old") && !xml.contains(r#"xmp:Rating="1""#), "our old values are gone: {xml}");
        let read = super::super::xmp::read_xmp(xml.as_bytes());
        assert_eq!((read.title.as_deref(), read.rating), (Some("A <title> & more"), Some(4)));
    }

    #[test]
    fn hostile_or_broken_sidecars_are_refused_not_overwritten() {
        let p = props();
        assert!(matches!(render_sidecar(Some("<rdf:RDF><unclosed>"), &p), Err(SidecarProblem::Malformed(_))));
        assert_eq!(render_sidecar(Some("<x:xmpmeta></x:xmpmeta>"), &p), Err(SidecarProblem::NoRdf));
        let huge = format!("<rdf:RDF>{}</rdf:RDF>", " ".repeat(SIDECAR_LIMIT));
        assert_eq!(render_sidecar(Some(&huge), &p), Err(SidecarProblem::TooLarge));
        let bomb = r#"<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""><o:n xmlns:o="urn:o">&b;</o:n></rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let xml = render_sidecar(Some(bomb), &p).unwrap();
        assert!(!xml.contains("DOCTYPE") && !xml.contains("aaaaaaaaaa"), "entities are neither declared nor expanded");
    }
}
