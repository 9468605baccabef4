// HTTPS certificate for the dev server (https://localhost:3000). Office only loads add-ins over HTTPS.
//  1. If office-addin-dev-certs has already installed its CA (`npx office-addin-dev-certs install`, needs admin
//     rights/sudo), its certificates in ~/.office-addin-dev-certs are used: Office trusts them.
//  2. Otherwise a self-signed localhost certificate is generated with `selfsigned` into .certs/ (gitignored) and
//     reused until it nears expiry; the server still starts and we print how to trust it.
// Usage from the command line: `node scripts/certs.cjs` creates/shows the certificate.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const crypto = require("node:crypto");

const ROOT = path.resolve(__dirname, "..");
const LOCAL_DIR = path.join(ROOT, ".certs");
const LOCAL_CERT = path.join(LOCAL_DIR, "localhost.crt");
const LOCAL_KEY = path.join(LOCAL_DIR, "localhost.key");
const OFFICE_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const VALID_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** True when the PEM certificate exists and stays valid for at least another day. */
function certificateUsable(certPath) {
  try {
    const cert = new crypto.X509Certificate(fs.readFileSync(certPath));
    return Date.parse(cert.validTo) - Date.now() > DAY_MS;
  } catch {
    return false;
  }
}

/** The office-addin-dev-certs certificates, only when their CA is installed (so Office trusts them). */
function officeDevCerts() {
  const files = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(OFFICE_DIR, f));
  if (!files.every((f) => fs.existsSync(f)) || !certificateUsable(files[1])) return null;
  try {
    const { isCaCertificateInstalled } = require("office-addin-dev-certs/lib/verify");
    if (!isCaCertificateInstalled()) return null;
  } catch {
    return null;
  }
  const [ca, cert, key] = files.map((f) => fs.readFileSync(f));
  return { source: "office-addin-dev-certs", certPath: files[1], options: { ca, cert, key } };
}

/** Generates (or reuses) a self-signed certificate for localhost and 127.0.0.1 in .certs/. */
async function localSelfSigned() {
  if (!certificateUsable(LOCAL_CERT) || !fs.existsSync(LOCAL_KEY)) {
    const selfsigned = require("selfsigned");
    const now = new Date();
    const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
      keySize: 2048,
      algorithm: "sha256",
      notBeforeDate: new Date(now.getTime() - DAY_MS),
      notAfterDate: new Date(now.getTime() + VALID_DAYS * DAY_MS),
      extensions: [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        {
          name: "subjectAltName",
          altNames: [
            { type: 2, value: "localhost" },
            { type: 7, ip: "127.0.0.1" },
          ],
        },
      ],
    });
    fs.mkdirSync(LOCAL_DIR, { recursive: true });
    fs.writeFileSync(LOCAL_CERT, pems.cert);
    fs.writeFileSync(LOCAL_KEY, pems.private, { mode: 0o600 });
    console.log(`[plan-tracker] generated a self-signed certificate for localhost: ${path.relative(ROOT, LOCAL_CERT)}`);
  }
  return {
    source: "self-signed",
    certPath: LOCAL_CERT,
    options: { cert: fs.readFileSync(LOCAL_CERT), key: fs.readFileSync(LOCAL_KEY) },
  };
}

function trustHelp(certPath) {
  return [
    "[plan-tracker] The dev server uses a self-signed certificate that Office and browsers do not trust yet.",
    "  Easiest, where you have admin rights/sudo:  npx office-addin-dev-certs install   (then restart npm start)",
    `  Or trust ${certPath} yourself:`,
    "    Windows: double-click it > Install Certificate > Local Machine > Trusted Root Certification Authorities",
    `    macOS:   sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${certPath}`,
    `    Linux:   sudo cp ${certPath} /usr/local/share/ca-certificates/plan-tracker-localhost.crt && sudo update-ca-certificates`,
    "    Excel on the web: open https://localhost:3000/taskpane.html once in the same browser and accept the warning.",
  ].join("\n");
}

/** HTTPS options for webpack-dev-server ({ cert, key[, ca] }), printing trust instructions when needed. */
async function devServerHttpsOptions() {
  const office = officeDevCerts();
  if (office) return office.options;
  const local = await localSelfSigned();
  console.log(trustHelp(local.certPath));
  return local.options;
}

module.exports = { devServerHttpsOptions, officeDevCerts, localSelfSigned, LOCAL_CERT, LOCAL_KEY };

if (require.main === module) {
  (async () => {
    const chosen = officeDevCerts() || (await localSelfSigned());
    console.log(`[plan-tracker] certificate (${chosen.source}): ${chosen.certPath}`);
    if (chosen.source === "self-signed") console.log(trustHelp(chosen.certPath));
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
