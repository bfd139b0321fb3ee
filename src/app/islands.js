// The page's script (see scripts.rs). Starts the browser bundle, waits for
// `hydrate()`, which loads the page's words, then hydrates the page's
// islands in the order they stand, each once its piece of the bundle is in.
async (script, wasm) => {
  const bundle = await import(script);
  await bundle.default({ module_or_path: wasm });
  await bundle.hydrate();
  for (const island of document.querySelectorAll("leptos-island")) {
    const name = island.dataset.component;
    const hydrateIsland = bundle[name];
    if (hydrateIsland) {
      await hydrateIsland(island);
    } else {
      console.error(`the browser bundle has no island named ${name}`);
    }
  }
}
