// Unmatched URLs land here; they get the site's shell and its 404 message.
import SiteLayout from "./(site)/layout";
import NotFound from "./(site)/not-found";

export default function GlobalNotFound() {
  return (
    <SiteLayout>
      <NotFound />
    </SiteLayout>
  );
}
