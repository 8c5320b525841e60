/**
 * Deeds in a person's data rights (people/privacy.ts). A deed names the members who did it: the export
 * lists the deeds naming the person; erasure takes the person off them (the deed stays, as the cell's).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export async function deedsForExport(db: Db, personId: number) {
  const { rows } = await sql<{
    cell_name: string;
    title: string;
    description: string;
    done_on: string;
    witnesses: string | null;
    published: boolean;
  }>`
    select u.name as cell_name, d.title, d.description, d.done_on::text as done_on, d.witnesses, d.published_path is not null as published
    from deed_people dp join deeds d on d.cell_id = dp.cell_id and d.id = dp.deed_id join units u on u.id = d.cell_id
    where dp.person_id = ${personId} order by d.done_on, d.id`.execute(db);
  return rows;
}

export async function eraseDeedPerson(db: Db, personId: number): Promise<void> {
  await db.deleteFrom('deed_people').where('person_id', '=', personId).execute();
}
