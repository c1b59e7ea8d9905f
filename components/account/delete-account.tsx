import { AccountForm, Field } from "@/components/forms/account-form";
import { DELETE_ACCOUNT_LINK_MINUTES } from "@/lib/mail/templates";

/**
 * Deleting the account, at the end of the account page. With a password, it is
 * re-entered; an account without one (email link or GitHub/Google only) confirms
 * through a link sent to its address instead.
 */
export function DeleteAccount({ hasPassword, className }: { hasPassword: boolean; className?: string }) {
  return (
    <section aria-labelledby="delete-account" className={className}>
      <h2 id="delete-account" className="font-serif text-xl font-semibold">
        Delete your account
      </h2>
      <p className="mt-2">
        This deletes your account at once, with your profile, your reading progress and everything else it holds. It
        cannot be undone, so download your data first if you would like to keep a copy.
      </p>
      {hasPassword ? (
        <AccountForm
          action="/api/account/delete"
          submitLabel="Delete my account"
          pendingLabel="Deleting…"
          variant="danger"
        >
          <Field
            name="password"
            label="Your password"
            type="password"
            autoComplete="current-password"
            hint="To be sure it is you."
          />
        </AccountForm>
      ) : (
        <AccountForm
          action="/api/account/delete-request"
          submitLabel="Email me a link to delete my account"
          variant="secondary"
        >
          <p className="mt-2 text-sm text-muted dark:text-night-muted">
            Your account has no password, so we will email a link to your address instead. It works once, for{" "}
            {DELETE_ACCOUNT_LINK_MINUTES} minutes.
          </p>
        </AccountForm>
      )}
    </section>
  );
}
