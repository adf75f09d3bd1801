//! `ui/src/lib/api/commands.ts`, rendered from the command table ([`crate::ipc_commands!`]): the `Commands` interface
//! (camelCase methods, typed parameters, `Promise<Ret>`) and `commands(invoke)`, which calls
//! `invoke<Ret>('snake_name', { camelKey: value })`. The keys are camelCase because `#[tauri::command]` reads each
//! argument under its Rust name converted with heck's `to_lower_camel_case` (its default `rename_all`); [`camel`]
//! does the same for the snake_case names Rust uses. Types are ts-rs's names (so they match bindings.ts), with
//! `Array<T>` written `T[]` and `()` as `void`.

use std::any::TypeId;
use ts_rs::{Config, TS};

/// One command as the UI sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandSig {
    /// The Rust (and Tauri) name, snake_case.
    pub name: &'static str,
    pub docs: Vec<&'static str>,
    /// Rust parameter name and TS type.
    pub params: Vec<(&'static str, String)>,
    pub returns: String,
}

/// The TS name of a type as a command parameter or result.
fn ts_name<T: TS + 'static + ?Sized>(cfg: &Config) -> String {
    if TypeId::of::<T>() == TypeId::of::<()>() {
        return "void".into();
    }
    array_suffix(&T::name(cfg))
}

/// `Array<X>` → `X[]` (parenthesised when X is a union), at any depth.
fn array_suffix(name: &str) -> String {
    let Some(start) = name.find("Array<") else { return name.to_string() };
    let open = start + "Array<".len();
    let mut depth = 1;
    let mut close = open;
    for (i, c) in name[open..].char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            close = open + i;
            break;
        }
    }
    if depth != 0 {
        return name.to_string();
    }
    let inner = array_suffix(&name[open..close]);
    let element = if inner.contains(' ') { format!("({inner})") } else { inner };
    format!("{}{element}[]{}", &name[..start], array_suffix(&name[close + 1..]))
}

/// snake_case → camelCase, as Tauri converts argument names (and as the UI names methods).
pub fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

macro_rules! signatures {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $($param:ident : $ty:ty),* $(,)? ) -> $ret:ty;
    )*) => {
        /// Every command of the table, in its order.
        pub fn signatures(cfg: &Config) -> Vec<CommandSig> {
            vec![$(CommandSig {
                name: stringify!($name),
                docs: vec![$($doc),*],
                params: vec![$((stringify!($param), ts_name::<$ty>(cfg))),*],
                returns: ts_name::<$ret>(cfg),
            }),*]
        }
    };
}

crate::ipc_commands!(signatures);

/// The type names a TS type expression refers to (capitalised identifiers: bindings.ts's types).
fn referenced(ty: &str, into: &mut Vec<String>) {
    for word in ty.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
        let named = word.starts_with(|c: char| c.is_ascii_uppercase());
        if named && !into.iter().any(|w| w == word) {
            into.push(word.to_string());
        }
    }
}

fn jsdoc(docs: &[&str], indent: &str) -> String {
    let lines: Vec<&str> = docs.iter().map(|d| d.strip_prefix(' ').unwrap_or(d).trim_end()).collect();
    match lines.as_slice() {
        [] => String::new(),
        [one] => format!("{indent}/** {one} */\n"),
        many => {
            let body: String = many.iter().map(|l| format!("{indent} * {l}\n")).collect();
            format!("{indent}/**\n{body}{indent} */\n")
        }
    }
}

/// The whole `commands.ts`.
pub fn typescript() -> String {
    // As in bindings.rs: sizes and ids are plain numbers.
    let sigs = signatures(&Config::new().with_large_int("number"));
    let mut types = Vec::new();
    for sig in &sigs {
        sig.params.iter().for_each(|(_, ty)| referenced(ty, &mut types));
        referenced(&sig.returns, &mut types);
    }
    types.sort();
    let mut out = String::from(
        "// Generated from tessera-core's command table (`api/commands.rs`). Do not edit: change the table and run\n\
         // `UPDATE_BINDINGS=1 cargo test -p tessera-core bindings`.\n\n",
    );
    let imports: String = types.iter().map(|t| format!("  {t},\n")).collect();
    out.push_str(&format!("import type {{\n{imports}}} from './bindings';\n\n"));
    out.push_str("/** Every command of the desktop shell, as the UI calls it. */\nexport interface Commands {\n");
    for sig in &sigs {
        let params: Vec<String> = sig.params.iter().map(|(p, ty)| format!("{}: {ty}", camel(p))).collect();
        out.push_str(&jsdoc(&sig.docs, "  "));
        out.push_str(&format!("  {}: ({}) => Promise<{}>;\n", camel(sig.name), params.join(", "), sig.returns));
    }
    out.push_str(
        "}\n\n\
         /** Tauri's `invoke` (passed in, so that this file does not import `@tauri-apps/api`). */\n\
         export type Invoke = <T>(command: string, args?: Record<string, unknown>) => Promise<T>;\n\n\
         /** The commands over `invoke`: each sends its arguments under the keys the shell's command reads. */\n\
         export function commands(invoke: Invoke): Commands {\n  return {\n",
    );
    for sig in &sigs {
        let names: Vec<String> = sig.params.iter().map(|(p, _)| camel(p)).collect();
        let args = if names.is_empty() { String::new() } else { format!(", {{ {} }}", names.join(", ")) };
        out.push_str(&format!(
            "    {}: ({}) => invoke<{}>('{}'{args}),\n",
            camel(sig.name),
            names.join(", "),
            sig.returns,
            sig.name
        ));
    }
    out.push_str("  };\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same check as bindings.ts's (and the same `UPDATE_BINDINGS=1 cargo test -p tessera-core bindings`).
    #[test]
    fn commands_file_is_up_to_date() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/api/commands.ts");
        let fresh = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).expect("write commands.ts");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/api/commands.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p tessera-core bindings`"
        );
    }

    #[test]
    fn a_command_has_its_typed_signature_and_its_invoke_keys() {
        let ts = typescript();
        assert!(
            ts.contains("  editAssets: (selection: Selection, edit: AssetEdit) => Promise<EditOutcome>;\n"),
            "the interface names the method in camelCase with ts-rs's types:\n{ts}"
        );
        assert!(
            ts.contains(
                "    editAssets: (selection, edit) => invoke<EditOutcome>('edit_assets', { selection, edit }),\n"
            ),
            "the wrapper calls the snake_case command with one key per parameter:\n{ts}"
        );
        assert!(ts.contains("  watchEvents: (limit: number, folder: WatchedFolderId | null) => Promise<WatchEvent[]>;"));
        assert!(ts.contains("  cancelImport: () => Promise<void>;"), "() is void");
        assert!(ts.contains("    libraryInfo: () => invoke<LibraryInfo>('library_info'),"), "no args object");
    }

    #[test]
    fn argument_keys_are_what_tauri_reads() {
        // Tauri's default: `heck::ToLowerCamelCase` of the Rust name.
        assert_eq!(camel("request"), "request");
        assert_eq!(camel("asset_id"), "assetId");
        assert_eq!(camel("add_tags_2"), "addTags2");
    }

    #[test]
    fn arrays_are_written_with_brackets() {
        assert_eq!(array_suffix("Array<string>"), "string[]");
        assert_eq!(array_suffix("Array<Array<AssetId>>"), "AssetId[][]");
        assert_eq!(array_suffix("Array<string | null>"), "(string | null)[]");
        assert_eq!(array_suffix("Array<Tag> | null"), "Tag[] | null");
    }
}
