//! The command-line grammar.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "tessera", version, about = "Tessera: a digital asset library on your desktop")]
pub struct Cli {
    /// The library folder (NAME.tessera). Default: $TESSERA_LIBRARY, else the default library in your data folder.
    #[arg(long, global = true, env = "TESSERA_LIBRARY", value_name = "DIR")]
    pub library: Option<PathBuf>,
    /// Print one JSON object on stdout instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a library in DIR (or say it already is one).
    Init { dir: PathBuf },
    /// Import files and folders (recursively).
    Ingest(IngestArgs),
    /// Find assets: words, "phrases", tag:, -tag:, type:, ext:, uploader:, width>, height<, orientation:, taken:,
    /// added>, rating>=.
    Search(SearchArgs),
    /// Everything known about one asset.
    Show { id: i64 },
    /// Add (+name) and remove (-name) tags: `tessera tag 12 13 +summer -draft`.
    Tag {
        /// Asset ids, then tag edits.
        #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
        words: Vec<String>,
    },
    /// Library figures.
    Stats,
    /// Make missing thumbnails (or all of them with --rebuild).
    Thumbs {
        /// Throw the cache away and make every thumbnail again.
        #[arg(long)]
        rebuild: bool,
        /// Also make the 1024 px previews.
        #[arg(long)]
        previews: bool,
    },
    /// Re-hash every original; report missing, corrupt and orphaned files. Changes nothing.
    Verify,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Record NAME as the uploader (default: your user name).
    #[arg(long = "as", value_name = "NAME")]
    pub uploader: Option<String>,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Make 1024 px previews now instead of on first view.
    #[arg(long)]
    pub previews: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (several words are joined); empty matches every asset.
    #[arg(num_args = 0.., allow_hyphen_values = true)]
    pub query: Vec<String>,
    #[arg(long, value_enum, default_value_t = Sort::Added)]
    pub sort: Sort,
    /// Oldest/smallest/Z first (the default is newest, largest, A first).
    #[arg(long)]
    pub reverse: bool,
    #[arg(long, default_value_t = 100)]
    pub limit: u32,
    /// Continue after this cursor (the `next` value of the previous page).
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Sort {
    Added,
    Taken,
    Name,
    Size,
}
