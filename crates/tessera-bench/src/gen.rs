//! A synthetic library: realistic-looking assets inserted through the core's own API (`app::ingest::records::insert`).
//!
//! Deterministic for a given seed: names like `IMG_4821.jpg`, `DSC01234.JPG`, `brand_summer_campaign_final_v3.png`;
//! 1-6 tags per asset drawn from a vocabulary of ~300 words with a Zipf (1/rank) distribution; titles on ~30 % and
//! descriptions on ~12 %; 20 uploaders, 30 camera models; taken dates over 10 years (2015-2024); added_at increasing.

use tessera_core::blobs::originals::stored_rel_path;
use tessera_core::domain::NewAsset;
use tessera_core::AssetKind;

/// splitmix64: small, fast, good enough for synthetic data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Real words first (most frequent), then pronounceable made-up words for the long tail.
const WORDS: &[&str] = &[
    "summer",
    "brand",
    "product",
    "team",
    "beach",
    "campaign",
    "portrait",
    "event",
    "office",
    "logo",
    "city",
    "travel",
    "winter",
    "social",
    "banner",
    "food",
    "nature",
    "family",
    "website",
    "launch",
    "spring",
    "autumn",
    "holiday",
    "mountain",
    "sunset",
    "poster",
    "print",
    "studio",
    "client",
    "wedding",
    "party",
    "conference",
    "retail",
    "store",
    "kitchen",
    "garden",
    "street",
    "night",
    "architecture",
    "interior",
    "exterior",
    "drone",
    "aerial",
    "sea",
    "lake",
    "river",
    "forest",
    "snow",
    "rain",
    "sky",
    "cloud",
    "flower",
    "tree",
    "dog",
    "cat",
    "bird",
    "horse",
    "car",
    "bike",
    "train",
    "plane",
    "boat",
    "bridge",
    "tower",
    "museum",
    "church",
    "market",
    "cafe",
    "restaurant",
    "coffee",
    "wine",
    "bread",
    "cake",
    "fruit",
    "vegetable",
    "sport",
    "football",
    "tennis",
    "running",
    "yoga",
    "fitness",
    "music",
    "concert",
    "festival",
    "art",
    "gallery",
    "exhibition",
    "fashion",
    "model",
    "shoes",
    "bag",
    "jewelry",
    "watch",
    "glasses",
    "hat",
    "dress",
    "jacket",
    "shirt",
    "packaging",
    "label",
    "bottle",
    "box",
    "catalog",
    "brochure",
    "flyer",
    "newsletter",
    "report",
    "annual",
    "quarterly",
    "presentation",
    "slide",
    "icon",
    "illustration",
    "sketch",
    "mockup",
    "draft",
    "final",
    "approved",
    "rejected",
    "archive",
    "press",
    "media",
    "interview",
    "headshot",
    "staff",
    "ceo",
    "board",
    "meeting",
    "workshop",
    "training",
    "onboarding",
    "recruiting",
    "careers",
    "culture",
    "values",
    "sustainability",
    "green",
    "blue",
    "red",
    "yellow",
    "black",
    "white",
    "minimal",
    "vintage",
    "modern",
    "classic",
    "bright",
    "dark",
    "warm",
    "cold",
    "morning",
    "evening",
    "golden",
    "hour",
    "macro",
    "wide",
    "panorama",
    "detail",
    "texture",
    "pattern",
    "background",
    "wallpaper",
    "hero",
    "thumbnail",
    "cover",
    "header",
    "footer",
    "instagram",
    "facebook",
    "linkedin",
    "twitter",
    "youtube",
    "tiktok",
    "ad",
    "billboard",
    "signage",
    "window",
    "display",
    "shelf",
    "warehouse",
    "factory",
    "machine",
    "tool",
    "hands",
    "smile",
    "kids",
    "baby",
    "couple",
    "friends",
    "crowd",
    "stage",
    "light",
    "shadow",
    "reflection",
    "water",
    "fire",
    "sand",
    "rock",
    "desert",
    "island",
    "harbor",
    "lighthouse",
    "castle",
    "village",
    "farm",
    "field",
    "road",
    "highway",
    "tunnel",
    "station",
    "airport",
    "hotel",
    "pool",
    "spa",
    "resort",
    "camping",
    "hiking",
    "climbing",
    "skiing",
    "surfing",
    "sailing",
    "diving",
    "fishing",
    "berlin",
    "paris",
    "london",
    "tokyo",
    "newyork",
    "barcelona",
    "rome",
    "lisbon",
    "vienna",
    "prague",
    "oslo",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "ven", "to", "sel", "dar", "qui", "bel", "nor", "tas", "fen", "gri", "mo", "pla", "zu",
    "hen", "cor", "vi",
];

const UPLOADERS: &[&str] = &[
    "alice", "bruno", "chloe", "dmitri", "elena", "farid", "greta", "hiro", "ines", "jonas", "kaori", "liam", "maya",
    "noah", "olga", "pablo", "quinn", "rosa", "samir", "tess",
];

const CAMERAS: &[&str] = &[
    "Canon EOS 5D Mark IV",
    "Canon EOS R5",
    "Canon EOS R6",
    "Canon EOS 80D",
    "Canon PowerShot G7 X",
    "NIKON CORPORATION NIKON D850",
    "NIKON CORPORATION NIKON Z 6",
    "NIKON CORPORATION NIKON D750",
    "NIKON CORPORATION NIKON Z 7II",
    "SONY ILCE-7M3",
    "SONY ILCE-7RM4",
    "SONY ILCE-6400",
    "SONY DSC-RX100M7",
    "FUJIFILM X-T4",
    "FUJIFILM X100V",
    "FUJIFILM X-T30",
    "Apple iPhone 13 Pro",
    "Apple iPhone 12",
    "Apple iPhone 15",
    "Apple iPhone SE",
    "Google Pixel 7",
    "Google Pixel 8 Pro",
    "samsung SM-G991B",
    "samsung SM-S918B",
    "OLYMPUS CORPORATION E-M10MarkIII",
    "Panasonic DC-GH5",
    "LEICA CAMERA AG LEICA Q2",
    "DJI FC3170",
    "DJI FC7303",
    "RICOH IMAGING COMPANY, LTD. GR III",
];

const DIMENSIONS: &[(u32, u32)] = &[
    (6000, 4000),
    (4032, 3024),
    (5472, 3648),
    (3840, 2160),
    (1920, 1080),
    (8256, 5504),
    (6240, 4160),
    (4000, 3000),
    (2048, 1365),
    (1080, 1080),
    (1200, 628),
    (3000, 2000),
    (7952, 5304),
    (4608, 3456),
    (1280, 720),
];

/// The vocabulary (real words, then made-up ones) and a Zipf sampler over it.
#[derive(Debug)]
pub struct Vocabulary {
    pub words: Vec<String>,
    cdf: Vec<f64>,
}

impl Vocabulary {
    pub fn new(size: usize) -> Vocabulary {
        let mut words: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
        let mut i = 0usize;
        while words.len() < size {
            let a = SYLLABLES[i % SYLLABLES.len()];
            let b = SYLLABLES[(i / SYLLABLES.len() + 3 * i) % SYLLABLES.len()];
            let c = SYLLABLES[(i * 7 + 1) % SYLLABLES.len()];
            let w = format!("{a}{b}{c}");
            if !words.contains(&w) {
                words.push(w);
            }
            i += 1;
        }
        words.truncate(size);
        let mut cdf = Vec::with_capacity(words.len());
        let mut sum = 0.0;
        for rank in 0..words.len() {
            sum += 1.0 / (rank as f64 + 1.0);
            cdf.push(sum);
        }
        for v in &mut cdf {
            *v /= sum;
        }
        Vocabulary { words, cdf }
    }

    /// A word with probability proportional to 1/rank.
    pub fn zipf<'a>(&'a self, rng: &mut Rng) -> &'a str {
        let u = rng.unit();
        let i = self.cdf.partition_point(|&c| c < u).min(self.words.len() - 1);
        &self.words[i]
    }

    /// A word chosen uniformly.
    pub fn uniform<'a>(&'a self, rng: &mut Rng) -> &'a str {
        rng.pick(&self.words).as_str()
    }
}

/// 2015-01-01T00:00:00Z and 2025-01-01T00:00:00Z.
pub const TAKEN_FROM: i64 = 1_420_070_400;
pub const TAKEN_TO: i64 = 1_735_689_600;
/// added_at of the first asset: 2016-01-01; then ~300 s apart on average (1M assets span ~9.5 years).
pub const ADDED_FROM: i64 = 1_451_606_400;

/// Generates asset `index` (0-based); `added_at` is the previous asset's, advanced.
pub fn asset(index: u64, rng: &mut Rng, vocab: &Vocabulary, added_at: i64) -> NewAsset {
    let hash = blake3::hash(&index.to_le_bytes()).to_hex().to_string();
    let roll = rng.unit();
    let (kind, ext, mime) = if roll < 0.90 {
        match rng.below(10) {
            0..=6 => (AssetKind::Image, "jpg", "image/jpeg"),
            7 | 8 => (AssetKind::Image, "png", "image/png"),
            _ => (AssetKind::Image, "webp", "image/webp"),
        }
    } else if roll < 0.94 {
        (AssetKind::Video, "mp4", "video/mp4")
    } else if roll < 0.97 {
        (AssetKind::Document, "pdf", "application/pdf")
    } else if roll < 0.99 {
        (AssetKind::Audio, "mp3", "audio/mpeg")
    } else {
        (AssetKind::Font, "otf", "font/otf")
    };
    let name = name(rng, vocab, ext);
    let uploader = rng.pick(UPLOADERS).to_string();
    let photo = kind == AssetKind::Image && ext == "jpg";
    let camera = (photo && rng.chance(0.8)).then(|| rng.pick(CAMERAS).to_string());
    let taken_at = (photo || rng.chance(0.2))
        .then(|| TAKEN_FROM + rng.below((TAKEN_TO - TAKEN_FROM) as u64) as i64)
        .filter(|_| rng.chance(0.9));
    let taken = taken_at.map(|t| tessera_core::domain::query::dates::format_utc(t).trim_end_matches('Z').to_string());
    let (w, h) = *rng.pick(DIMENSIONS);
    let (w, h) = if rng.chance(0.3) { (h, w) } else { (w, h) };
    let dims = matches!(kind, AssetKind::Image | AssetKind::Video).then_some((w, h));
    // Log-uniform sizes from 20 kB to 60 MB.
    let size = (20_000f64 * (3000f64).powf(rng.unit())) as u64;
    let n_tags = [1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6][rng.below(12) as usize];
    let mut tags: Vec<String> = Vec::with_capacity(n_tags);
    for _ in 0..n_tags * 2 {
        if tags.len() == n_tags {
            break;
        }
        let t = vocab.zipf(rng);
        if !tags.iter().any(|x| x == t) {
            tags.push(t.to_string());
        }
    }
    let title_words = 2 + rng.below(4) as usize;
    let title = rng.chance(0.3).then(|| sentence(rng, vocab, title_words));
    let description_words = 6 + rng.below(12) as usize;
    let description = rng.chance(0.12).then(|| sentence(rng, vocab, description_words));
    let rating = rng.chance(0.2).then(|| 1 + rng.below(5) as u8);
    NewAsset {
        kind: Some(kind),
        ext: ext.to_string(),
        mime: mime.to_string(),
        source_path: format!("/home/{uploader}/Pictures/{index}/{name}"),
        stored_path: stored_rel_path(&hash, ext),
        name,
        hash,
        size,
        stored_size: dims,
        display_size: dims,
        orientation: photo.then_some(1),
        title,
        description,
        creator: camera.is_some().then(|| uploader.clone()),
        rights: None,
        credit: None,
        campaign: None,
        rating,
        taken,
        taken_at,
        added_at,
        uploader,
        camera,
        tags,
        collections: Vec::new(),
        exif_json: "{}".into(),
        xmp_json: "{}".into(),
        thumbnail_note: None,
        ..NewAsset::default()
    }
}

fn name(rng: &mut Rng, vocab: &Vocabulary, ext: &str) -> String {
    let roll = rng.below(100);
    if ext == "jpg" && roll < 35 {
        format!("IMG_{:04}.jpg", rng.below(10_000))
    } else if ext == "jpg" && roll < 55 {
        format!("DSC{:05}.JPG", rng.below(100_000))
    } else if ext == "jpg" && roll < 65 {
        format!(
            "PXL_{}{:02}{:02}_{:09}.jpg",
            2019 + rng.below(6),
            1 + rng.below(12),
            1 + rng.below(28),
            rng.below(1_000_000_000)
        )
    } else if ext == "png" && roll < 20 {
        format!(
            "Screenshot {}-{:02}-{:02} at {:02}.{:02}.{:02}.png",
            2019 + rng.below(6),
            1 + rng.below(12),
            1 + rng.below(28),
            rng.below(24),
            rng.below(60),
            rng.below(60)
        )
    } else {
        let mut parts: Vec<String> = Vec::new();
        if rng.chance(0.4) {
            parts.push(rng.pick(&["brand", "client", "acme", "nordic", "studio", "promo"]).to_string());
        }
        for _ in 0..1 + rng.below(3) {
            parts.push(vocab.zipf(rng).to_string());
        }
        if rng.chance(0.5) {
            parts.push(
                rng.pick(&["final", "draft", "v2", "v3", "final_v3", "approved", "2023", "2024", "web", "print"])
                    .to_string(),
            );
        }
        let sep = *rng.pick(&["_", "-", " "]);
        format!("{}.{ext}", parts.join(sep))
    }
}

fn sentence(rng: &mut Rng, vocab: &Vocabulary, words: usize) -> String {
    let glue = ["and", "with", "at", "in", "the", "for", "on"];
    let mut out: Vec<&str> = Vec::with_capacity(words);
    for i in 0..words {
        out.push(if i % 3 == 2 { *rng.pick(&glue) } else { vocab.uniform(rng) });
    }
    let mut s = out.join(" ");
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s
}
