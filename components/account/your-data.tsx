// The end of the account page: download everything, or delete the account.
// Its own component so that the page needs one line for it.
import { DeleteAccount } from "@/components/account/delete-account";

const sectionClass = "mt-10 border-t border-line pt-8 dark:border-night-line";
const linkClass = "font-medium text-accent-strong underline underline-offset-2 dark:text-night-accent";

export function YourData({ hasPassword }: { hasPassword: boolean }) {
  return (
    <>
      <section aria-labelledby="your-data" className={sectionClass}>
        <h2 id="your-data" className="font-serif text-xl font-semibold">
          Your data
        </h2>
        <p className="mt-2">
          Download everything Mend keeps about you: your profile, how you sign in, and your reading progress.
        </p>
        <ul className="mt-4 space-y-2">
          <li>
            {/* Plain links, not next/link: the answer is a file to save, not a page. */}
            <a href="/api/account/export?format=zip" download className={linkClass}>
              Download as a ZIP
            </a>{" "}
            <span className="text-muted dark:text-night-muted">(readable files, and the JSON)</span>
          </li>
          <li>
            <a href="/api/account/export?format=json" download className={linkClass}>
              Download as JSON
            </a>{" "}
            <span className="text-muted dark:text-night-muted">(one file, for programs)</span>
          </li>
        </ul>
      </section>
      <DeleteAccount hasPassword={hasPassword} className={sectionClass} />
    </>
  );
}
