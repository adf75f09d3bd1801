//! The filter keys of the query language: their names, their usage in error messages, and which take comparisons.

use std::fmt;

/// The filter keys, in the order they are listed in error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    Tag,
    Type,
    Ext,
    Uploader,
    Creator,
    Credit,
    Campaign,
    Width,
    Height,
    Orientation,
    Rating,
    Taken,
    Added,
    Is,
    Licence,
    Label,
    Flag,
    Missing,
    Expires,
    Rights,
    Collection,
    Smart,
    Status,
}

impl Key {
    pub(super) const ALL: [Key; 23] = [
        Key::Tag,
        Key::Type,
        Key::Ext,
        Key::Uploader,
        Key::Creator,
        Key::Credit,
        Key::Campaign,
        Key::Width,
        Key::Height,
        Key::Orientation,
        Key::Rating,
        Key::Taken,
        Key::Added,
        Key::Is,
        Key::Licence,
        Key::Label,
        Key::Flag,
        Key::Missing,
        Key::Expires,
        Key::Rights,
        Key::Collection,
        Key::Smart,
        Key::Status,
    ];

    pub(super) fn parse(s: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name().eq_ignore_ascii_case(s))
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Key::Tag => "tag",
            Key::Type => "type",
            Key::Ext => "ext",
            Key::Uploader => "uploader",
            Key::Creator => "creator",
            Key::Credit => "credit",
            Key::Campaign => "campaign",
            Key::Width => "width",
            Key::Height => "height",
            Key::Orientation => "orientation",
            Key::Rating => "rating",
            Key::Taken => "taken",
            Key::Added => "added",
            Key::Is => "is",
            Key::Licence => "licence",
            Key::Label => "label",
            Key::Flag => "flag",
            Key::Missing => "missing",
            Key::Expires => "expires",
            Key::Rights => "rights",
            Key::Collection => "collection",
            Key::Smart => "smart",
            Key::Status => "status",
        }
    }

    /// An example shown in error messages.
    pub(super) fn usage(self) -> &'static str {
        match self {
            Key::Tag => "tag:NAME",
            Key::Type => "type:image",
            Key::Ext => "ext:jpg",
            Key::Uploader => "uploader:NAME",
            Key::Creator => "creator:NAME",
            Key::Credit => "credit:NAME",
            Key::Campaign => "campaign:NAME",
            Key::Width => "width>=1920",
            Key::Height => "height<=500",
            Key::Orientation => "orientation:landscape",
            Key::Rating => "rating>=4",
            Key::Taken => "taken:2024-05",
            Key::Added => "added>2025-01-01",
            Key::Is => "is:untagged, is:archived, is:trashed",
            Key::Licence => "licence:\"CC BY\"",
            Key::Label => "label:red",
            Key::Flag => "flag:pick",
            Key::Missing => "missing:alt",
            Key::Expires => "expires<2027-01-01",
            Key::Rights => "rights:expired",
            Key::Collection => "collection:NAME",
            Key::Smart => "smart:NAME",
            Key::Status => "status:approved",
        }
    }

    pub(super) fn takes_comparison(self) -> bool {
        matches!(self, Key::Width | Key::Height | Key::Rating | Key::Taken | Key::Added | Key::Expires)
    }

    pub(super) fn known_list() -> String {
        let names: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
        names.join(", ")
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
