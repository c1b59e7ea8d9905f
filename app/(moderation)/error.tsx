"use client";

import { ErrorMessage } from "@/components/layout/error-message";

export default function ModerationError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage reset={reset} digest={error.digest} />;
}
