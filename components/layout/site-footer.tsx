export function SiteFooter() {
  return (
    <footer role="contentinfo" className="mt-16 border-t border-line dark:border-night-line">
      <div className="mx-auto max-w-5xl px-4 py-8 text-sm text-muted sm:px-6 dark:text-night-muted">
        <p>Mend offers guides, not therapy. If you are in danger, call your local emergency number.</p>
        <p className="mt-2">© {new Date().getFullYear()} Mend</p>
      </div>
    </footer>
  );
}
