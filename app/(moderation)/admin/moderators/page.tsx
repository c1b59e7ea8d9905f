import type { Metadata } from "next";
import { formatDate } from "@/components/articles/guide-meta";
import { AccountForm, Field } from "@/components/forms/account-form";
import { ModerationNav } from "@/components/moderation/moderation-nav";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { param } from "@/lib/http/search-params";
import { listStaff } from "@/lib/roles/service";

export const metadata: Metadata = { title: "Moderators", robots: { index: false } };

export default async function ModeratorsPage({ searchParams }: PageProps<"/admin/moderators">) {
  const user = await requireRole("ADMIN", "/admin/moderators");
  const staff = await listStaff(db);
  const params = await searchParams;
  return (
    <>
      <ModerationNav role={user.role} current="moderators" />
      <h1 className="font-serif text-3xl font-semibold">Moderators</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        Moderators keep the conversations under the guides safe. They never see anyone’s reflections.
      </p>

      <section aria-labelledby="team" className="mt-8">
        <h2 id="team" className="font-serif text-xl font-semibold">
          The team
        </h2>
        <table className="mt-4 w-full text-left">
          <thead>
            <tr className="border-b border-line dark:border-night-line">
              <th scope="col" className="py-2 font-semibold">
                Display name
              </th>
              <th scope="col" className="py-2 font-semibold">
                Role
              </th>
              <th scope="col" className="py-2 font-semibold">
                Member since
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((person) => (
              <tr key={person.id} className="border-b border-line dark:border-night-line">
                <td className="py-2">{person.name ?? "(no name)"}</td>
                <td className="py-2">{person.role === "ADMIN" ? "Admin" : "Moderator"}</td>
                <td className="py-2">{formatDate(person.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="change" className="mt-10 border-t border-line pt-8 dark:border-night-line">
        <h2 id="change" className="font-serif text-xl font-semibold">
          Grant or revoke the moderator role
        </h2>
        <p className="mt-1 text-sm text-muted dark:text-night-muted">
          Enter the person’s account email. It is used to find them and is not shown anywhere.
        </p>
        <AccountForm
          action="/api/admin/roles"
          submitLabel="Make moderator"
          initialError={param(params, "error")}
          initialMessage={param(params, "message")}
        >
          <input type="hidden" name="action" value="grant" />
          <Field name="email" label="Email of the new moderator" type="email" autoComplete="off" />
        </AccountForm>
        <AccountForm action="/api/admin/roles" submitLabel="Remove moderator role" variant="secondary">
          <input type="hidden" name="action" value="revoke" />
          <Field name="email" label="Email of the moderator to remove" type="email" autoComplete="off" />
        </AccountForm>
      </section>
    </>
  );
}
