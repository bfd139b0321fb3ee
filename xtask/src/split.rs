//! Splitting a bundle's wasm at its `#[lazy]` functions.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::step;

/// Splits the wasm cargo built at its `#[lazy]` functions (each lazy
/// island's loader, each language's words, the parts a page shows later):
/// each becomes `split_*.wasm` (code shared by several goes to
/// `chunk_*.wasm`) in `folder`, loaded by `__wasm_split.*.js` when first
/// called, and the main module goes beside `wasm` for wasm-bindgen. The
/// manifest tells the server which chunks a page needs, so it can ask the
/// browser to fetch them early. Needs `-Clink-args=--emit-relocs` (see
/// `.cargo/config.toml`).
pub fn split(wasm: &Path, folder: &Path) -> Result<Vec<PathBuf>> {
    step("splitting the bundle at its lazy islands and words");
    let built = std::fs::read(wasm).with_context(|| format!("reading {}", wasm.display()))?;
    let input = drop_uncalled_lazy_exports(&built)
        .with_context(|| format!("reading the exports of {}", wasm.display()))?;
    let main = wasm.with_file_name("resolution_studio_split.wasm");
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = folder;
    options.main_out_path = &main;
    options.main_module = "./resolution-studio.js";
    // The name the server gives Leptos for the split loader (`app::scripts::SPLIT_LOADER`).
    options.link_name = "./__wasm_split.______________________.js";
    let split = wasm_split_cli_support::transform(options)
        .map_err(|e| anyhow::anyhow!("splitting {} failed: {e}", wasm.display()))?;
    std::fs::write(
        folder.join("__wasm_split_manifest.json"),
        serde_json::to_string_pretty(&split.prefetch_map)?,
    )?;
    Ok(split.split_modules)
}

/// A `#[lazy]` function is a split point through a pair: the loader its
/// callers import (`__wasm_split_00<piece>00_import_<id>`) and the function
/// itself, exported (`…_export_<id>`). In a bundle that does not hold its
/// callers (the drafts list's packets panel in the wizard's bundle) the
/// linker drops the import but keeps the export, and the split roots an
/// export without its import in the main module, with all the code it
/// reaches: 300 KB of the template list's bundle. Those exports are
/// dropped; every other section is copied as it is.
pub fn drop_uncalled_lazy_exports(wasm: &[u8]) -> Result<Vec<u8>> {
    use wasmparser::{Parser, Payload};
    let mut loaders = std::collections::HashSet::new();
    for payload in Parser::new(0).parse_all(wasm) {
        if let Payload::ImportSection(imports) = payload? {
            for import in imports.into_imports() {
                if let Some(key) = split_key(import?.name, "00_import_") {
                    loaders.insert(key);
                }
            }
        }
    }
    let mut module = wasm_encoder::Module::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload?;
        if let Payload::ExportSection(exports) = &payload {
            let mut kept = wasm_encoder::ExportSection::new();
            for export in exports.clone() {
                let export = export?;
                let uncalled =
                    split_key(export.name, "00_export_").is_some_and(|key| !loaders.contains(&key));
                if !uncalled {
                    kept.export(export.name, export_kind(export.kind), export.index);
                }
            }
            module.section(&kept);
        } else if let Some((id, range)) = payload.as_section() {
            let range = usize::try_from(range.start)?..usize::try_from(range.end)?;
            module.section(&wasm_encoder::RawSection {
                id,
                data: &wasm[range],
            });
        }
    }
    Ok(module.finish())
}

/// What pairs a lazy function's loader with its export, as the split reads
/// their names (`__wasm_split_00(.*)00_import_([0-9a-f]{32})`): the piece's
/// name and the 32-digit id after `marker`.
fn split_key<'a>(name: &'a str, marker: &str) -> Option<(&'a str, &'a str)> {
    let rest = name.strip_prefix("__wasm_split_00")?;
    let at = rest.rfind(marker)?;
    let id = rest.get(at + marker.len()..at + marker.len() + 32)?;
    id.bytes()
        .all(|b| b.is_ascii_hexdigit())
        .then_some((&rest[..at], id))
}

fn export_kind(kind: wasmparser::ExternalKind) -> wasm_encoder::ExportKind {
    use wasm_encoder::ExportKind;
    use wasmparser::ExternalKind;
    match kind {
        ExternalKind::Func | ExternalKind::FuncExact => ExportKind::Func,
        ExternalKind::Table => ExportKind::Table,
        ExternalKind::Memory => ExportKind::Memory,
        ExternalKind::Global => ExportKind::Global,
        ExternalKind::Tag => ExportKind::Tag,
    }
}

#[cfg(test)]
mod tests {
    use super::drop_uncalled_lazy_exports;

    /// A module with one lazy function called (its loader imported) and one
    /// whose callers are gone, read back by wasmparser.
    #[test]
    fn only_exports_of_lazy_functions_nobody_calls_are_dropped() {
        use wasm_encoder::{
            CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
            ImportSection, Module, TypeSection,
        };
        let called = "__wasm_split_00words00_export_0123456789abcdef0123456789abcdef_words";
        let uncalled = "__wasm_split_00panel00_export_fedcba9876543210fedcba9876543210_panel";
        let mut types = TypeSection::new();
        types.ty().function([], []);
        let mut imports = ImportSection::new();
        imports.import(
            "env",
            &called.replacen("_export_", "_import_", 1),
            EntityType::Function(0),
        );
        let mut functions = FunctionSection::new();
        functions.function(0).function(0);
        let mut exports = ExportSection::new();
        exports
            .export(called, ExportKind::Func, 1)
            .export(uncalled, ExportKind::Func, 2)
            .export("hydrate", ExportKind::Func, 1);
        let mut code = CodeSection::new();
        for _ in 0..2 {
            let mut body = Function::new([]);
            body.instructions().end();
            code.function(&body);
        }
        let mut module = Module::new();
        module
            .section(&types)
            .section(&imports)
            .section(&functions)
            .section(&exports)
            .section(&code);
        let pruned = drop_uncalled_lazy_exports(&module.finish()).unwrap();
        let mut names = Vec::new();
        for payload in wasmparser::Parser::new(0).parse_all(&pruned) {
            if let wasmparser::Payload::ExportSection(exports) = payload.unwrap() {
                for export in exports {
                    names.push(export.unwrap().name.to_owned());
                }
            }
        }
        assert_eq!(names, [called, "hydrate"]);
        wasmparser::validate(&pruned).expect("the pruned module is valid");
    }
}
