//! `tessera search QUERY [--sort added|taken|name|size] [--reverse] [--limit N] [--after CURSOR]`

use super::Outcome;
use crate::cli::{SearchArgs, Sort};
use crate::location::Session;
use crate::output::{self, human_bytes, QueryFailure};
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::domain::{SortKey, SortOrder};

pub fn run(session: &Session, args: &SearchArgs, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let sort = match args.sort {
        Sort::Added => SortKey::Added,
        Sort::Taken => SortKey::Taken,
        Sort::Name => SortKey::Name,
        Sort::Size => SortKey::Size,
    };
    let order = args.reverse.then(|| match sort.default_order() {
        SortOrder::Asc => SortOrder::Desc,
        SortOrder::Desc => SortOrder::Asc,
    });
    let query = args.query.join(" ");
    let request = SearchRequest { query: query.clone(), sort, order, limit: args.limit, cursor: args.after.clone() };
    let page = match search::run(&ctx, &request) {
        Ok(page) => page,
        Err(tessera_core::Error::Query(error)) => return Err(QueryFailure { error, input: query }.into()),
        Err(e) => return Err(e.into()),
    };
    if json {
        output::json(&page);
        return Ok(Outcome::Clean);
    }
    for a in &page.assets {
        let size = match (a.width, a.height) {
            (Some(w), Some(h)) => format!("{w}x{h}"),
            _ => "-".into(),
        };
        println!("{:>8}  {:<8} {:>11} {:>9}  {}", a.id, a.kind, size, human_bytes(a.size), a.name);
    }
    let more = if page.total_exact { "" } else { "+" };
    println!("{} of {}{more} assets", page.assets.len(), page.total);
    if let Some(next) = &page.next {
        println!("more: --after {next}");
    }
    Ok(Outcome::Clean)
}
