import "server-only";
import { CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { AppError } from "@/lib/errors";

/** Starts a session on this device for a checked email and password. */
export async function startSession(email: string, password: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      // One message for both fields: which of the two was wrong is not said.
      throw new AppError("unauthorized", "That email and password don’t match an account.");
    }
    throw error;
  }
}
