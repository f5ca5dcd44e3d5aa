/**
 * A module the element loads only when it needs it (a chunk of its own). One load at a time; a chunk that could not
 * load (offline) is asked for again at the next `load()`. `loaded` runs once it is there (say, to render again).
 */
export class LazyChunk<M> {
  /** The module, once loaded. */
  module: M | null = null;
  private loading: Promise<M> | null = null;
  private readonly importer: () => Promise<M>;
  private readonly loaded: (module: M) => void;

  constructor(importer: () => Promise<M>, loaded: (module: M) => void) {
    this.importer = importer;
    this.loaded = loaded;
  }

  load(): Promise<M> {
    this.loading ??= this.importer().then((module) => {
      this.module = module;
      this.loaded(module);
      return module;
    });
    this.loading.catch(() => (this.loading = null));
    return this.loading;
  }
}
