// Size budgets of the CDN build (PRODUCT.md, "Size and speed"), gzip as a browser downloads them: size-limit's
// @size-limit/file gzips each listed file on its own and adds the sizes up (one request per file). The file lists
// come from the built module graph (bench/bundle-graph.mjs), since chunk names carry hashes. Run `npm run build` first.
import { budgets } from './bench/bundle-graph.mjs';

// size-limit prints decimal kB: the 15/45/55 KiB limits show as 15.36/46.08/56.32 kB.
export default budgets().map(({ name, limitKiB, files }) => ({
  name: `${name}: at most ${limitKiB} KiB`,
  path: files,
  gzip: true, // @size-limit/file measures brotli unless told otherwise
  limit: `${limitKiB} KiB`,
}));
