// An entry that is not the reader's (or not at all): the 404 message inside this
// group's own shell, where the root not-found would add a second header and footer.
import NotFound from "../(site)/not-found";

export default function AccountNotFound() {
  return <NotFound />;
}
