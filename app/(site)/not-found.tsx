import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-xl">
      <h1 className="font-serif text-3xl font-semibold">This page isn’t here</h1>
      <p className="mt-4 text-muted dark:text-night-muted">
        The address may be mistyped, or the page may have moved. Nothing you wrote is lost.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-accent-strong underline dark:text-night-accent">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
