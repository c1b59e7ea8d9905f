// What a form route said when a form was posted without JavaScript: it comes back
// to the page as ?message= (a confirmation) or ?error= (what went wrong).

export function ReturnedNotice({ message, error }: { message?: string; error?: string }) {
  return (
    <>
      {message ? (
        <p role="status" className="mt-4 rounded-md bg-accent-soft px-3 py-2 dark:bg-night-raised">
          {message}
        </p>
      ) : null}
      {error ? (
        <p
          role="alert"
          className="mt-4 rounded-md border border-danger bg-danger-soft px-3 py-2 text-danger dark:border-night-danger dark:bg-night-raised dark:text-night-danger"
        >
          {error}
        </p>
      ) : null}
    </>
  );
}
