// The 404 message inside this group's own shell (the root not-found would add a second header and footer).
export { default } from "../(site)/not-found";
