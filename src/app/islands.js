// The page's script (see scripts.rs). Starts the browser bundle, waits for
// `hydrate()`, which loads the page's words, then hydrates the page's
// islands in the order they stand, each once its piece of the bundle is in.
//
// The bundle's script and every file the page preloads (its main module,
// its words, its island's piece) are fetched here first, and fetched again
// every few seconds while one fails, with the page's notice shown meanwhile. Leptos loads the words
// and a lazy island's piece itself, and stops the whole script when such a
// fetch fails; here they come from the browser's cache (the files are
// immutable), so a network that fails once does not leave the page dead.
async (script, wasm) => {
  const RETRY_MS = 5000;
  const notice = document.getElementById("script-retry");
  const pause = () => new Promise((done) => setTimeout(done, RETRY_MS));
  const failed = (what, error) => {
    console.error(`part of this page's script did not load (${what}: ${error}); trying again`);
    if (notice) notice.hidden = false;
  };
  const fetchOk = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response;
  };
  const untilLoaded = async (what, load) => {
    for (;;) {
      try {
        return await load();
      } catch (error) {
        failed(what, error);
        await pause();
      }
    }
  };
  const others = [...document.querySelectorAll('link[rel="preload"][as="fetch"]')]
    .map((link) => link.href)
    .filter((href) => new URL(href).pathname !== wasm);
  const inCache = Promise.all(
    others.map((url) => untilLoaded(url, async () => (await fetchOk(url)).arrayBuffer())),
  );
  const bundle = await untilLoaded(script, () => import(script));
  // The main module compiles while it downloads and while the rest comes in.
  await untilLoaded(wasm, () => bundle.default({ module_or_path: fetchOk(wasm) }));
  await inCache;
  if (notice) notice.hidden = true;
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
