import { sql, type Kysely } from 'kysely';

/**
 * Review sessions (issue 12, decision 0021): a member's self-assessment per review meeting (one row,
 * replaced on rewrite), feedback between members on the meeting's roll, and the session's closing.
 * Anonymous feedback keeps no author: only `author_key`, an HMAC the server computes from a key kept
 * outside the database, so no query can join it back to a person. Feedback rows carry no time and a
 * random id, so neither ordering nor timing says who wrote what. All keyed cell first, like the meeting.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table self_assessments (
  cell_id bigint not null,
  meeting_id bigint not null,
  person_id bigint not null references people(id),
  text text not null check (length(text) between 1 and 4000),
  updated_at timestamptz not null default now(),
  primary key (cell_id, meeting_id, person_id),
  foreign key (cell_id, meeting_id) references meetings (cell_id, id) on delete cascade
);
create index self_assessments_person_idx on self_assessments (person_id);

create table review_closures (
  cell_id bigint not null,
  meeting_id bigint not null,
  closed_at timestamptz not null default now(),
  closed_by bigint,
  primary key (cell_id, meeting_id),
  foreign key (cell_id, meeting_id) references meetings (cell_id, id) on delete cascade
);

create table feedback (
  cell_id bigint not null,
  meeting_id bigint not null,
  id uuid not null default gen_random_uuid(),
  about_person_id bigint not null references people(id),
  -- Named feedback: its author. Anonymous: null, and author_key holds HMAC(server key, meeting, author).
  author_person_id bigint references people(id),
  author_key text check (author_key ~ '^[0-9a-f]{64}$'),
  text text not null check (length(text) between 1 and 2000),
  primary key (cell_id, meeting_id, id),
  foreign key (cell_id, meeting_id) references meetings (cell_id, id) on delete cascade,
  check ((author_person_id is null) <> (author_key is null)),
  check (author_person_id is distinct from about_person_id)
);
create unique index feedback_named_once on feedback (cell_id, meeting_id, about_person_id, author_person_id)
  where author_person_id is not null;
create unique index feedback_anonymous_once on feedback (cell_id, meeting_id, about_person_id, author_key)
  where author_key is not null;
create index feedback_about_idx on feedback (about_person_id);
create index feedback_author_idx on feedback (author_person_id) where author_person_id is not null;
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table feedback, review_closures, self_assessments`.execute(db);
}
