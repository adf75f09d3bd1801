//! Flags in any position: `tessera search beach --json --limit 5` and `tessera search --json --limit 5 beach` mean
//! the same. Before clap reads the command line, every flag the command knows (and its value) is moved in front of
//! the positional words, and the words follow a `--`; so a query word that starts with `-` (`-tag:draft`, `-beach`)
//! or a tag edit (`-draft`) stays a word, and flags after the words are still flags. A `--` typed by the user ends
//! the flags, as usual.

use clap::Command;
use std::ffi::{OsStr, OsString};

/// Rewrites `args` (program name first) for `command` as described above.
pub fn flags_first(args: Vec<OsString>, command: &Command) -> Vec<OsString> {
    let mut tokens = args.into_iter();
    let mut out: Vec<OsString> = tokens.next().into_iter().collect();
    let mut level = command;
    // Flags of the commands above this one that apply below it too.
    let mut inherited: Vec<&clap::Arg> = Vec::new();
    let mut flags: Vec<OsString> = Vec::new();
    let mut words: Vec<OsString> = Vec::new();
    let mut ended = false;
    while let Some(token) = tokens.next() {
        let text = token.to_string_lossy().into_owned();
        if ended {
            words.push(token);
            continue;
        }
        if text == "--" {
            ended = true;
            continue;
        }
        let known = |arg: &&clap::Arg| matches_flag(arg, &text);
        let flag = level.get_arguments().find(known).or_else(|| inherited.iter().copied().find(known));
        if let Some(arg) = flag {
            let inline_value = text.starts_with("--") && text.contains('=');
            flags.push(token);
            if takes_value(arg) && !inline_value {
                flags.extend(tokens.next());
            }
            continue;
        }
        if text.starts_with("--") && text.len() > 2 {
            // Unknown flags stay flags, so clap names them in its error.
            flags.push(token);
            continue;
        }
        if words.is_empty() && !text.starts_with('-') {
            if let Some(sub) = level.find_subcommand(OsStr::new(&text)) {
                inherited.extend(level.get_arguments().filter(|a| a.is_global_set()));
                out.append(&mut flags);
                out.push(token);
                level = sub;
                continue;
            }
        }
        words.push(token);
    }
    out.append(&mut flags);
    if !words.is_empty() {
        out.push("--".into());
        out.append(&mut words);
    }
    out
}

fn matches_flag(arg: &clap::Arg, text: &str) -> bool {
    if let Some(long) = text.strip_prefix("--") {
        let name = long.split_once('=').map_or(long, |(name, _)| name);
        return arg.get_long() == Some(name) || arg.get_all_aliases().is_some_and(|a| a.contains(&name));
    }
    let mut chars = text.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('-'), Some(short), None) => arg.get_short() == Some(short),
        _ => false,
    }
}

fn takes_value(arg: &clap::Arg) -> bool {
    arg.get_num_args().is_some_and(|n| n.takes_values())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn normalised(line: &str) -> String {
        let mut command = crate::cli::Cli::command();
        command.build();
        let args = line.split(' ').map(OsString::from).collect();
        let out = flags_first(args, &command);
        out.iter().map(|a| a.to_string_lossy().into_owned()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn flags_after_the_query_are_flags_and_dashed_words_stay_words() {
        assert_eq!(normalised("tessera search beach --json --limit 5"), "tessera search --json --limit 5 -- beach");
        assert_eq!(normalised("tessera search --json --limit 5 beach"), "tessera search --json --limit 5 -- beach");
        assert_eq!(
            normalised("tessera search -tag:draft beach --sort=name -beach"),
            "tessera search --sort=name -- -tag:draft beach -beach"
        );
        assert_eq!(normalised("tessera search --json -- --limit"), "tessera search --json -- --limit");
        assert_eq!(normalised("tessera --json search"), "tessera --json search");
        assert_eq!(normalised("tessera tag 12 -draft +x --json"), "tessera tag --json -- 12 -draft +x");
        assert_eq!(
            normalised("tessera watch add /in --tag a --json --after move"),
            "tessera watch add --tag a --json --after move -- /in"
        );
        assert_eq!(normalised("tessera ingest a b --as ana -h"), "tessera ingest --as ana -h -- a b");
    }
}
