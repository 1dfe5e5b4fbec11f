/**
 * The template a new deployment starts with: the paragraphs of seed 000 (大庆日报, 28 May 2021) with every
 * figure replaced by its placeholder. Each line is a paragraph. The server's migration seeds the same text (as
 * a literal, so the migration never changes meaning); a test keeps the two in step.
 */

/** The name of the default template. */
export const DEFAULT_BULLETIN_TEMPLATE_NAME = '重点项目建设情况通报（默认）';

/** The default template body: headline, year-on-year, completions, named examples, warnings. */
export const DEFAULT_BULLETIN_TEMPLATE = [
  '截至{{截至日期}}，{{范围}}已落实投资500万元以上重点项目{{项目个数}}个，其中新建{{新建个数}}个、续建{{续建个数}}个，' +
    '总投资{{总投资}}，年度计划投资{{年度计划投资}}。这{{项目个数}}个重点项目，已开复工{{开复工个数}}个，' +
    '其中新建{{新建开工个数}}个、续建{{续建复工个数}}个，开复工率{{开复工率}}，完成投资{{完成投资}}、投资完成率{{投资完成率}}。',
  '与去年同期相比，全口径项目总数{{项目个数同比}}，项目总投资同比{{总投资同比}}，开复工个数同比{{开复工个数同比}}；' +
    '产业项目同比{{产业项目个数同比}}，总投资同比{{产业项目总投资同比}}，开复工个数同比{{产业项目开复工个数同比}}。',
  '今年以来，{{范围}}{{竣工投产情况}}；{{预计竣工情况}}。',
  '今年新开工的重点项目中，{{新开工重点项目}}等一批投资规模大、带动效应强的项目正加快建设。',
  '{{预警问题摘要}}',
].join('\n');
