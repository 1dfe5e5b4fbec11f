/**
 * The scale-out test's load (scale-out.ts): signed-in sessions that carry their cookies (the session and the
 * read-your-writes version, read-replica.ts) and CSRF token through nginx, and a tally of every answer by kind,
 * before and after an instance is killed.
 */
export const DEMO_PASSWORD = 'Daqing@2021demo';
export const DEMO_YEAR = 2021;
export const DEMO_MONTH = 5;

interface Counts {
  total: number;
  ok: number;
  /** Answers the rules refused (4xx other than a lost session): the load's own doing, not the cluster's. */
  refused: number;
  /** 401 on a session that was signed in: a session lost. */
  lostSession: number;
  /** 5xx or no answer at all: what a dead instance costs. */
  failed: number;
}

export class Tally {
  private readonly byKind = new Map<string, Counts>();
  private readonly failures: { kind: string; startedAt: number; status: number }[] = [];
  private readonly refusals = new Map<string, number>();
  private readonly sources = new Map<string, number>();
  private killedAt: number | null = null;

  markKill(): void {
    this.killedAt = performance.now();
  }

  record(kind: string, status: number, readFrom: string | null, startedAt: number): void {
    const counts = this.byKind.get(kind) ?? { total: 0, ok: 0, refused: 0, lostSession: 0, failed: 0 };
    counts.total += 1;
    if (status >= 200 && status < 400) counts.ok += 1;
    else if (status === 401) counts.lostSession += 1;
    else if (status >= 400 && status < 500) {
      counts.refused += 1;
      this.refusals.set(`${kind} ${String(status)}`, (this.refusals.get(`${kind} ${String(status)}`) ?? 0) + 1);
    } else {
      counts.failed += 1;
      this.failures.push({ kind, startedAt, status });
    }
    this.byKind.set(kind, counts);
    if (readFrom) this.sources.set(readFrom, (this.sources.get(readFrom) ?? 0) + 1);
  }

  report(): string {
    const lines = [...this.byKind].map(
      ([kind, c]) =>
        `  ${kind.padEnd(10)} ${String(c.total).padStart(6)} requests, ${String(c.ok)} ok, ${String(c.refused)} refused by rules, ` +
        `${String(c.lostSession)} lost sessions, ${String(c.failed)} failed`,
    );
    const total = [...this.byKind.values()].reduce((sum, c) => sum + c.total, 0);
    const kill = this.killedAt ?? 0;
    // A request in flight on the killed instance started before the kill; one started after it must not fail.
    const offsets = this.failures.map((f) => Math.round(f.startedAt - kill));
    const failed =
      this.failures.length === 0
        ? 'no request failed'
        : `${String(this.failures.length)} failed (${this.failures.map((f) => `${f.kind} ${String(f.status)}`).join(', ')}), ` +
          `started between ${String(Math.min(...offsets))} and ${String(Math.max(...offsets))} ms from the kill ` +
          `(negative: before it, in flight); started after the kill and failed: ${String(offsets.filter((o) => o > 0).length)}`;
    const refused = [...this.refusals].map(([what, n]) => `${what} ×${String(n)}`).join(', ') || 'none';
    return `requests: ${String(total)}; ${failed}\nrefused by rules: ${refused}\n${lines.join('\n')}`;
  }

  readFrom(): string {
    return [...this.sources].map(([from, n]) => `${from} ${String(n)}`).join(', ') || 'none';
  }
}

/** A signed-in client: its cookies, CSRF token and the tally its answers go to. */
export class Session {
  private readonly cookies = new Map<string, string>();

  private constructor(
    private readonly gateway: string,
    private readonly tally: Tally,
    private csrf = '',
  ) {}

  static async signIn(gateway: string, user: { username: string; password: string }, tally: Tally) {
    const session = new Session(gateway, tally);
    const answer = await session.send('login', 'POST', '/api/v1/auth/login', user);
    if (answer.status !== 200) throw new Error(`sign-in of ${user.username} failed: ${String(answer.status)}`);
    session.csrf = ((await answer.json()) as { csrfToken: string }).csrfToken;
    return session;
  }

  /** A user signing in, looking at who they are and signing out: what a login storm costs. */
  static async signInAndOut(gateway: string, user: { username: string; password: string }, tally: Tally) {
    let session: Session;
    try {
      session = await Session.signIn(gateway, user, tally);
    } catch {
      return;
    }
    await session.get('login', '/api/v1/auth/me');
    await (await session.send('login', 'POST', '/api/v1/auth/logout')).arrayBuffer();
  }

  async send(kind: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const json = body !== undefined && !(body instanceof FormData);
    let answer: Response;
    const startedAt = performance.now();
    try {
      answer = await fetch(`${this.gateway}${path}`, {
        method,
        headers: {
          ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
          ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
          ...(json ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : json ? JSON.stringify(body) : body,
      });
    } catch {
      this.tally.record(kind, 0, null, startedAt);
      return new Response(null, { status: 599 });
    }
    for (const cookie of answer.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    this.tally.record(kind, answer.status, answer.headers.get('x-kp-read-from'), startedAt);
    return answer;
  }

  async get(kind: string, path: string): Promise<void> {
    await (await this.send(kind, 'GET', path)).arrayBuffer();
  }

  async projectIds(): Promise<number[]> {
    const answer = await this.send('list', 'GET', '/api/v1/projects?pageSize=50');
    return ((await answer.json()) as { items: { id: number }[] }).items.map((p) => p.id);
  }

  /** Saves the month's report of a project as a draft (an amount that changes each time, so every save writes). */
  async fileReport(projectId: number, n: number): Promise<void> {
    const path = `/api/v1/projects/${String(projectId)}/reports/${String(DEMO_YEAR)}/${String(DEMO_MONTH)}`;
    const answer = await this.send('filing', 'PUT', path, {
      completedThisMonth: `${String(10 + (n % 50))}.5`,
      submit: false,
    });
    await answer.arrayBuffer();
  }

  /** Imports the period's monthly-report ledger as downloaded (a background job, polled through nginx); its outcome. */
  async importLedger(): Promise<string> {
    const period = `kind=monthly-reports&year=${String(DEMO_YEAR)}&month=${String(DEMO_MONTH)}`;
    const template = await this.send('import', 'GET', `/api/v1/ledger/template.xlsx?${period}`);
    const form = new FormData();
    form.set('file', new Blob([await template.arrayBuffer()]), 'ledger.xlsx');
    const started = await this.send('import', 'POST', `/api/v1/ledger/import?${period}&dryRun=false&async=true`, form);
    const job = (await started.json()) as { id?: string; status?: string };
    if (!job.id) return `not started (${String(started.status)})`;
    const since = performance.now();
    for (let poll = 0; poll < 240; poll += 1) {
      const answer = await this.send('import', 'GET', `/api/v1/ledger/jobs/${job.id}`);
      const state = (await answer.json()) as {
        status?: string;
        phase?: string;
        processed?: number;
        total?: number;
        error?: { code: string };
      };
      if (answer.status !== 200 || state.status !== 'running') {
        const took = ((performance.now() - since) / 1000).toFixed(1);
        const rows = `${String(state.processed ?? 0)} of ${String(state.total ?? 0)} rows`;
        return `${state.status ?? String(answer.status)} after ${took} s (${state.phase ?? ''}, ${rows})${state.error ? ` ${state.error.code}` : ''}`;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return 'still running after 2 minutes';
  }

  async stillSignedIn(): Promise<boolean> {
    const answer = await this.send('session', 'GET', '/api/v1/auth/me');
    await answer.arrayBuffer();
    return answer.status === 200;
  }

  /** The dashboard's figures read from the primary (a cookie naming a version the replica cannot have) or the replica. */
  async dashboardBody(from: 'primary' | 'replica'): Promise<string> {
    const path = `/api/v1/stats/dashboard?asOf=${String(DEMO_YEAR)}-05-20`;
    const saved = this.cookies.get('kp_rv');
    if (from === 'primary') this.cookies.set('kp_rv', '9000000000000000000');
    else this.cookies.delete('kp_rv');
    const answer = await this.send('dashboard', 'GET', path);
    if (saved) this.cookies.set('kp_rv', saved);
    const body = (await answer.json()) as Record<string, unknown>;
    if (answer.headers.get('x-kp-read-from') !== from) throw new Error(`the dashboard was not read from the ${from}`);
    delete body.replica;
    return JSON.stringify(body);
  }
}
