// The same configuration as the site, so the bare page is a fair baseline.
export { default } from "../../next.config.js";
