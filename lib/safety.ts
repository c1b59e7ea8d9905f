// Where quick exit sends the reader: an ordinary, busy site that draws no attention.
export const QUICK_EXIT_URL = "https://www.bbc.com/weather";

/** The tab's title and icon in discreet mode. */
export const DISCREET_TITLE = "Notes";
export const DISCREET_ICON = "/neutral-icon.svg";
export const DISCREET_KEY = "mend:discreet";
