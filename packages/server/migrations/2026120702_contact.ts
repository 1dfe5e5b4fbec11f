/**
 * Contact channels of an account (issue #10, the outbox): a mobile number for SMS and an e-mail address, both
 * optional. `notify` queues an outbox row per channel an account has, at the moment of the notice, so a gateway
 * sends to the address the account had when the thing happened and the outbox row is complete without a join.
 * The checks keep what a gateway would choke on (or could be tricked by: spaces, line breaks, several addresses)
 * out of the table whatever writes it.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users
      add column phone text constraint users_phone_format check (phone ~ '^1[3-9][0-9]{9}$'),
      add column email text constraint users_email_format
        check (length(email) <= 254 and email ~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column phone, drop column email`.execute(db);
}
