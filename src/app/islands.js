// The page's script (see scripts.rs). Starts the browser bundle, waits for
// `hydrate()`, which loads the page's words, then hydrates the page's
// islands in the order they stand, each once its piece of the bundle is in.
//
// The bundle's script and every file the page preloads (its main module,
// its words, its island's piece) are fetched here first, and fetched again
// every few seconds while one fails, with the page's notice shown
// meanwhile. Leptos loads the words and a lazy island's piece itself, and
// stops the whole script when such a fetch fails; here each of its fetches
// of a file already in is answered with the copy read here, once, so a
// network that fails once does not leave the page dead, and no file is
// read twice (nor downloaded twice when the browser's cache is off).
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
  // Answers a fetch of each file in `copies` with its copy, once; the
  // browser's own fetch is back once every copy has been taken.
  const handOver = (copies) => {
    if (copies.size === 0) return;
    const browserFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const copy = copies.get(url);
      if (copy === undefined) return browserFetch.call(window, input, init);
      copies.delete(url);
      if (copies.size === 0) window.fetch = browserFetch;
      const headers = copy.type ? { "Content-Type": copy.type } : {};
      return Promise.resolve(new Response(copy.bytes, { headers }));
    };
  };
  const others = [...document.querySelectorAll('link[rel="preload"][as="fetch"]')]
    .map((link) => link.href)
    .filter((href) => new URL(href).pathname !== wasm);
  const copies = new Map();
  const allIn = Promise.all(
    others.map((url) =>
      untilLoaded(url, async () => {
        const response = await fetchOk(url);
        const type = response.headers.get("Content-Type");
        copies.set(url, { bytes: await response.arrayBuffer(), type });
      }),
    ),
  );
  const bundle = await untilLoaded(script, () => import(script));
  // The main module compiles while it downloads and while the rest comes in.
  await untilLoaded(wasm, () => bundle.default({ module_or_path: fetchOk(wasm) }));
  await allIn;
  if (notice) notice.hidden = true;
  handOver(copies);
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
