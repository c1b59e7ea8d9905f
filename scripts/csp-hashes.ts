// After `next build`: writes the SHA-256 of every prerendered page's inline scripts to <distDir>/csp-hashes.json for proxy.ts.
import path from "node:path";
import { SCRIPT_HASHES_FILE, writeScriptHashes } from "@/lib/security/script-hashes";

const distDir = path.resolve(process.env.MEND_DIST_DIR || ".next");
const hashes = writeScriptHashes(distDir);
console.log(
  `[mend] ${SCRIPT_HASHES_FILE}: inline scripts of ${Object.keys(hashes.pages).length} prerendered pages, ` +
    `${hashes.shared.length} shared by every page`,
);
