import { describe, expect, it } from "vitest";
import {
  accountDeleted,
  DELETE_ACCOUNT_LINK_MINUTES,
  deleteAccountLink,
  emailChange,
  PASSWORD_RESET_MINUTES,
  passwordReset,
  SIGN_IN_LINK_MINUTES,
  signInLink,
  verifyEmail,
  type RenderedMail,
} from "@/lib/mail/templates";

const url = "https://mend.example/auth/verify?token=abc&email=ada%40example.com";
const all: [string, RenderedMail][] = [
  ["verifyEmail", verifyEmail({ url, name: "Ada" })],
  ["signInLink", signInLink({ url })],
  ["passwordReset", passwordReset({ url })],
  ["emailChange", emailChange({ url, newEmail: "ada@new.example" })],
  ["deleteAccountLink", deleteAccountLink({ url, name: "Ada" })],
];

describe("mail templates", () => {
  it.each(all)("%s puts the link in the text and, escaped, in the button and in plain view in the html", (_, mail) => {
    expect(mail.subject).toMatch(/Mend/);
    expect(mail.text).toContain(`\n${url}\n`);
    const escaped = url.replace(/&/g, "&amp;");
    expect(mail.html).toContain(`<a href="${escaped}"`);
    expect(mail.html).toContain(`>${escaped}</a>`);
    expect(mail.html).not.toContain(url);
  });

  it("greets by name, and escapes the name in the html", () => {
    const mail = verifyEmail({ url, name: `<script>alert("hi")</script> & Co` });
    expect(mail.subject).toBe("Confirm your email for Mend");
    expect(mail.text).toMatch(/^Hi <script>alert\("hi"\)<\/script> & Co,\n/);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Hi &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; Co,");
    expect(verifyEmail({ url }).text).toMatch(/^Hi,\n/);
    expect(verifyEmail({ url, name: "  " }).text).toMatch(/^Hi,\n/);
  });

  it("escapes a link that tries to leave its attribute", () => {
    const mail = signInLink({ url: `https://mend.example/x?a="><img src=x onerror=alert(1)>'` });
    expect(mail.html).not.toMatch(/<img/);
    expect(mail.html).toContain("https://mend.example/x?a=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;");
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => signInLink({ url: "javascript:alert(1)" })).toThrow(/must be http\(s\) URLs/);
  });

  it("says a sign-in link works once and for 15 minutes", () => {
    const mail = signInLink({ url });
    expect(SIGN_IN_LINK_MINUTES).toBe(15);
    expect(mail.subject).toBe("Your sign-in link for Mend");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("The link works once and expires in 15 minutes.");
    }
  });

  it("says a reset link works once and for 30 minutes, and that ignoring it keeps the password", () => {
    const mail = passwordReset({ url });
    expect(PASSWORD_RESET_MINUTES).toBe(30);
    expect(mail.subject).toBe("Reset your password for Mend");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("The link works once and expires in 30 minutes.");
      expect(body).toContain("If you did not ask for this, you can ignore this email. Your password stays as it is.");
    }
  });

  it("names the new address in an email change, escaped in the html", () => {
    const mail = emailChange({ url, newEmail: `"<b>"@evil.example` });
    expect(mail.subject).toBe("Confirm your new email for Mend");
    expect(mail.text).toContain(`You asked to use "<b>"@evil.example for your account`);
    expect(mail.html).not.toContain("<b>");
    expect(mail.html).toContain("&quot;&lt;b&gt;&quot;@evil.example");
  });

  it("says a link to delete an account works once and for 30 minutes, and that ignoring it keeps the account", () => {
    const mail = deleteAccountLink({ url, name: "Ada" });
    expect(DELETE_ACCOUNT_LINK_MINUTES).toBe(30);
    expect(mail.subject).toBe("Confirm deleting your Mend account");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("This cannot be undone.");
      expect(body).toContain("The link works once and expires in 30 minutes.");
      expect(body).toContain("If you did not ask for this, you can ignore this email. Your account stays as it is.");
    }
  });

  it("confirms a deletion without a link or button, greeting by the name the account had", () => {
    const mail = accountDeleted({ name: "Ada <3" });
    expect(mail.subject).toBe("Your Mend account is deleted");
    expect(mail.text).toMatch(/^Hi Ada <3,\n\nYour Mend account is deleted, as you asked\./);
    expect(mail.html).toContain("Hi Ada &lt;3,");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("everything else the account held are gone");
      expect(body).toContain("This is the last email we send to this address.");
      expect(body).not.toMatch(/https?:|<a /);
    }
  });
});
