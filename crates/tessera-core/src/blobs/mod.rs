//! Files a library keeps besides its database: the originals (content-addressed, written atomically) and derived
//! images (thumbnails and previews now, renditions later) in the cache. The only code that knows where they live, so
//! an object-store backend replaces this module, not the use cases.

pub mod cache;
pub mod originals;
