// Folders the end-to-end server and the specs agree on; kept free of imports so any side can use it.
import path from "node:path";

/** Where the e2e server's mail catcher writes every message the site sends, one JSON file each. */
export const E2E_MAIL_DIR = path.resolve(".data", "e2e-mail");

/** The e2e server writes its database's connection string here, for specs that check what was stored. */
export const E2E_DATABASE_URL_FILE = path.resolve(".data", "e2e-database-url");

/** Where the e2e server writes the control address of its stand-in OAuth provider. */
export const E2E_OAUTH_CONTROL_FILE = path.resolve(".data", "e2e-oauth-control");
