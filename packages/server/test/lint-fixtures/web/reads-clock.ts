/** Lint fixture: a web file taking "today" from the computer's clock (both reads are reported). */
import dayjs from 'dayjs';

export const today = new Date().toISOString().slice(0, 10);
export const stamp = Date.now();
export const fromApp = dayjs().format('YYYY-MM-DD');
export const given = new Date('2021-05-20');
