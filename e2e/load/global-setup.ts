// The fault suite serves the production build: it is made first when the sources are newer.
import { ensureBuild } from "@/scripts/support/serve";

export default async function globalSetup() {
  await ensureBuild(process.env);
}
