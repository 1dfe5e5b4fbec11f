import type { DescriptionsProps } from 'antd';

/** Columns of the detail cards: one on phones, two on laptops, three on wide screens. */
export const DESCRIPTION_COLUMNS = { xs: 1, sm: 1, md: 2, xxl: 3 } as const;

/** Shared look of the detail cards' Descriptions: labels on one line. */
export const DESCRIPTION_PROPS: Pick<DescriptionsProps, 'column' | 'size' | 'bordered' | 'styles'> = {
  column: DESCRIPTION_COLUMNS,
  size: 'small',
  bordered: true,
  styles: { label: { whiteSpace: 'nowrap', width: 1 } },
};
