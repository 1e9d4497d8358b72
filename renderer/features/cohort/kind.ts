import { migrateCohort, seedCohort } from '../../../shared/cohort'
import type { SessionKind } from '../../sync'

/** A cohort is held like a convening (renderer/sync), with its own seed, migrations and list. */
export const COHORT_KIND: SessionKind = {
  seed: (doc, record, me) => seedCohort(doc, { id: record.id, title: record.pendingSeed ?? '', createdBy: me, now: Date.now() }),
  migrate: (doc) => migrateCohort(doc),
  recordTable: 'cohorts',
}
