//! The dependency table in `docs/ARCHITECTURE.md` is the truth about how
//! the top-level modules of `src/` depend on one another: this test reads
//! every `crate::module` path in each module's code (comments aside) and
//! fails when a module uses one its row does not list, when a row lists
//! one it no longer uses, or when the modules form a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::project_root;

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn modules_depend_on_each_other_as_the_architecture_says() {
    let actual = actual_dependencies(&project_root().join("src"));
    let documented = documented_dependencies(&project_root().join("docs/ARCHITECTURE.md"));
    let mut problems = Vec::new();
    for (module, uses) in &actual {
        let Some(listed) = documented.get(module) else {
            problems.push(format!("`src/{module}` has no row in the table"));
            continue;
        };
        for extra in uses.difference(listed) {
            problems.push(format!(
                "`{module}` uses `{extra}`, which its row does not list"
            ));
        }
        for stale in listed.difference(uses) {
            problems.push(format!(
                "`{module}`'s row lists `{stale}`, which it does not use"
            ));
        }
    }
    for module in documented.keys().filter(|m| !actual.contains_key(*m)) {
        problems.push(format!(
            "the table lists `{module}`, which is not a module of src/"
        ));
    }
    assert!(
        problems.is_empty(),
        "docs/ARCHITECTURE.md's dependency table is out of date:\n  {}",
        problems.join("\n  ")
    );
    if let Some(cycle) = find_cycle(&actual) {
        panic!("the modules form a cycle: {}", cycle.join(" → "));
    }
}

/// Pages load data through `app::loaded::load`, which the browser reads
/// with the same JSON reader as server functions' results. A page that
/// called `Resource::new` would compile a second reader for its types into
/// the bundle, with no test otherwise noticing.
#[test]
fn pages_load_data_with_one_json_reader() {
    let mut offenders = Vec::new();
    for file in rust_files(&project_root().join("src/app")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if [
                "Resource::new(",
                "Resource::new_blocking(",
                "OnceResource::new(",
            ]
            .iter()
            .any(|call| code.contains(call))
            {
                offenders.push(format!("{}:{}", file.display(), number + 1));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "use app::loaded::load instead of Resource::new at {offenders:?}"
    );
}

#[test]
fn a_cycle_is_found() {
    let graph: Graph = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(m, uses)| (m.to_owned(), uses.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    let mut acyclic = graph.clone();
    acyclic.get_mut("c").unwrap().clear();
    assert_eq!(find_cycle(&acyclic), None);
}

/// Module → the other top-level modules its code names as `crate::…`.
fn actual_dependencies(src: &Path) -> Graph {
    let mut graph = Graph::new();
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "lib" || name == "main" {
            continue;
        }
        let mut uses = BTreeSet::new();
        for file in rust_files(&path) {
            let text = std::fs::read_to_string(&file).unwrap();
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for (at, _) in line.match_indices("crate::") {
                    let rest = &line[at + "crate::".len()..];
                    let used: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                        .collect();
                    assert!(
                        !rest.starts_with('{'),
                        "{}: name one module per `use crate::…` so this test can read it",
                        file.display()
                    );
                    if !used.is_empty() && used != name {
                        uses.insert(used);
                    }
                }
            }
        }
        graph.insert(name, uses);
    }
    graph
}

fn rust_files(path: &Path) -> Vec<std::path::PathBuf> {
    if path.is_file() {
        return vec![path.to_owned()];
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The table's rows: `` | `src/module/` | what it does | a, b, c | ``,
/// the last cell naming the modules it depends on (or `—`).
fn documented_dependencies(architecture: &Path) -> Graph {
    let text = std::fs::read_to_string(architecture).unwrap();
    let mut graph = Graph::new();
    for line in text.lines().filter(|l| l.starts_with("| `src/")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
        let module = cells[0]
            .trim()
            .trim_matches('`')
            .trim_start_matches("src/")
            .trim_end_matches('/')
            .trim_end_matches(".rs")
            .to_owned();
        let uses = cells
            .last()
            .unwrap()
            .split(',')
            .map(|m| m.trim().trim_matches('`').to_owned())
            .filter(|m| !m.is_empty() && m != "—")
            .collect();
        graph.insert(module, uses);
    }
    assert!(
        graph.len() > 5,
        "no dependency table found in {}",
        architecture.display()
    );
    graph
}

/// A cycle, as the modules along it (the first repeated at the end).
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == module) {
            let mut cycle = path[start..].to_vec();
            cycle.push(module.to_owned());
            return Some(cycle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_owned());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(module.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}
