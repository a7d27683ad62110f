import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp-dir';

/** `openssl ca`'s date format: 20260101000000Z. */
const asn1 = (ms: number) => `${new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

const CONFIG = `[ca]
default_ca = d
[d]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = p
copy_extensions = copy
unique_subject = no
[p]
commonName = supplied
[leaf]
basicConstraints = CA:FALSE
[inter]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
`;

export interface Issued {
  key: string;
  cert: string;
}

/** A private CA made with the openssl CLI for one test run: a root, an intermediate, and leaves with chosen dates. */
export class TestPki {
  private readonly dir = tempDir('lookout-pki-');
  private n = 0;
  readonly root: Issued;
  readonly intermediate: Issued;

  constructor() {
    fs.writeFileSync(path.join(this.dir, 'ca.cnf'), CONFIG);
    fs.writeFileSync(path.join(this.dir, 'index.txt'), '');
    fs.writeFileSync(path.join(this.dir, 'serial'), '1000\n');
    this.root = this.selfSigned('Lookout Test Root');
    this.intermediate = this.issue({ cn: 'Lookout Test Intermediate', by: this.root, ext: 'inter' });
  }

  private run(args: string[]): void {
    execFileSync('openssl', args, { cwd: this.dir, stdio: 'ignore' });
  }

  private file(name: string): string {
    return path.join(this.dir, name);
  }

  selfSigned(cn: string, days = 30, san?: string): Issued {
    const id = ++this.n;
    this.run([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `k${id}.pem`,
      '-out',
      `c${id}.pem`,
      '-days',
      String(days),
      '-subj',
      `/CN=${cn}`,
      ...(san ? ['-addext', `subjectAltName=${san}`] : []),
    ]);
    return {
      key: fs.readFileSync(this.file(`k${id}.pem`), 'utf8'),
      cert: fs.readFileSync(this.file(`c${id}.pem`), 'utf8'),
    };
  }

  /** A certificate signed by `by`, valid from `start` to `end` (epoch ms; default: now−1d to now+30d). */
  issue(o: { cn: string; san?: string; by: Issued; start?: number; end?: number; ext?: 'leaf' | 'inter' }): Issued {
    const id = ++this.n;
    fs.writeFileSync(this.file(`signer${id}.key`), o.by.key);
    fs.writeFileSync(this.file(`signer${id}.pem`), o.by.cert);
    this.run([
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `k${id}.pem`,
      '-out',
      `r${id}.csr`,
      '-subj',
      `/CN=${o.cn}`,
      ...(o.san ? ['-addext', `subjectAltName=${o.san}`] : []),
    ]);
    const now = Date.now();
    this.run([
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      `signer${id}.pem`,
      '-keyfile',
      `signer${id}.key`,
      '-in',
      `r${id}.csr`,
      '-out',
      `c${id}.pem`,
      '-notext',
      '-extensions',
      o.ext ?? 'leaf',
      '-startdate',
      asn1(o.start ?? now - 86_400_000),
      '-enddate',
      asn1(o.end ?? now + 30 * 86_400_000),
    ]);
    return {
      key: fs.readFileSync(this.file(`k${id}.pem`), 'utf8'),
      cert: fs.readFileSync(this.file(`c${id}.pem`), 'utf8'),
    };
  }

  /** A leaf for localhost and 127.0.0.1 signed by the intermediate. */
  leaf(o: { start?: number; end?: number; san?: string } = {}): Issued {
    return this.issue({ cn: 'localhost', san: o.san ?? 'DNS:localhost,IP:127.0.0.1', by: this.intermediate, ...o });
  }
}
