// The signed-in author's entries for one guide, fetched once per page and shared by every step.
export interface StoredReflection {
  id: string;
  stepId: string | null;
  version: number;
  text: string;
  updatedAt: string;
}

const requests = new Map<string, Promise<StoredReflection[] | null>>();

export function guideReflections(guide: string): Promise<StoredReflection[] | null> {
  let request = requests.get(guide);
  if (!request) {
    request = fetch(`/api/reflections?guide=${encodeURIComponent(guide)}`, { cache: "no-store" })
      .then((r) => (r.ok ? r.json().then((body: { reflections: StoredReflection[] }) => body.reflections) : null))
      .catch(() => null);
    requests.set(guide, request);
  }
  return request;
}
