/**
 * The query snapshots' registry for progress against plan (SPI): the S-curve inputs of one project and of the
 * year's list, and the SPI per region (see registry.ts).
 */
import * as spi from '../../src/modules/spi/spi.repository.ts';
import { labelled, type RepositoryEntry } from './capture.ts';
import { AS_OF, CITY, IDS, SCOPES, YEAR } from './examples.ts';
import type { Trx } from './registry.shared.ts';

/** The registry entries of the SPI module. */
export const SPI_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/spi/spi.repository.ts',
    module: spi,
    examples: {
      projectSpiInputs: SCOPES.map(({ label, actor }) =>
        labelled(label, (trx: Trx) => spi.projectSpiInputs(trx, { actor }, IDS.project, YEAR, AS_OF)),
      ),
      yearListSpiInputs: SCOPES.map(({ label, actor }) =>
        labelled(label, (trx: Trx) => spi.yearListSpiInputs(trx, { actor }, YEAR, AS_OF)),
      ),
      spiByRegion: SCOPES.map(({ label, actor }) =>
        labelled(label, (trx: Trx) => spi.spiByRegion(trx, { actor, regionCode: CITY }, YEAR, AS_OF, 'region')),
      ),
    },
  },
];
