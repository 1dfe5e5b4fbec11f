-- KeyProjects on a PostgreSQL server with two roles, so that the application cannot rewrite its audit trail
-- (等保2.0 level 3: audit records protected from deletion and modification). See README "PostgreSQL roles".
--
--   keyprojects_owner  owns the schema; runs `npm run cli -- migrate`, backups and restores
--   keyprojects_app    what the server connects as: reads and writes business tables, but on audit_log only
--                      SELECT and INSERT (no UPDATE, DELETE or TRUNCATE); triggers also refuse those for the owner
--
-- Part 1: once, as a superuser (psql -v owner_pw=... -v app_pw=... -f docs/postgres-roles.sql).

create role keyprojects_owner login password :'owner_pw';
create role keyprojects_app login password :'app_pw';
create database keyprojects owner keyprojects_owner;
\connect keyprojects
-- pg_trgm is a trusted extension: the database owner may create it, but creating it here is simplest.
create extension if not exists pg_trgm;
revoke all on schema public from public;
grant usage on schema public to keyprojects_app;
alter default privileges for role keyprojects_owner in schema public
  grant select, insert, update, delete on tables to keyprojects_app;
alter default privileges for role keyprojects_owner in schema public
  grant usage, select on sequences to keyprojects_app;

-- Part 2: after every migration, as keyprojects_owner (DATABASE_URL=postgres://keyprojects_owner@…/keyprojects
-- npm run cli -- migrate, then psql -f this part). The migration 2026120512_audit_chain already revokes these
-- from every role but the owner; repeating it is harmless and covers grants made by hand since.
revoke update, delete, truncate on audit_log from keyprojects_app;
revoke insert, update, delete, truncate on audit_chain_head from keyprojects_app;
revoke usage, update on sequence audit_log_id_seq from keyprojects_app;
-- kysely_migration*: the server checks on start that nothing is pending; it must not apply migrations itself.
revoke insert, update, delete, truncate on kysely_migration from keyprojects_app;
