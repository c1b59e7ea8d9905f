// A real OpenID Connect provider on loopback, standing in for Google (which lies
// outside this machine). Specs choose who signs in next through a small control
// endpoint whose address the e2e server writes to E2E_OAUTH_CONTROL_FILE.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { OAuth2Server } from "oauth2-mock-server";

export interface Identity {
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string;
}

export async function startOAuthProvider() {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  await server.start(0, "127.0.0.1");
  let identity: Identity = { sub: "nobody", email: "nobody@example.com", email_verified: false };
  server.service.on("beforeTokenSigning", (token) => {
    Object.assign(token.payload, identity);
  });
  server.service.on("beforeUserinfo", (response) => {
    response.body = { ...identity };
  });

  const control = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      identity = JSON.parse(body) as Identity;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));

  return {
    issuer: server.issuer.url!,
    controlUrl: `http://127.0.0.1:${(control.address() as AddressInfo).port}/identity`,
    async stop() {
      control.close();
      await server.stop();
    },
  };
}

/** Called by specs: the identity the provider vouches for on the next sign-in. */
export async function setNextIdentity(controlUrl: string, identity: Identity) {
  const response = await fetch(controlUrl, { method: "POST", body: JSON.stringify(identity) });
  if (!response.ok) throw new Error(`the OAuth provider's control answered ${response.status}`);
}
