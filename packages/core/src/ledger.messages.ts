/**
 * The Excel ledger's (台账) part of the one message catalogue (MESSAGES in messages.ts), in Chinese and English:
 * the texts of refused files, header and row problems, with {parameters} filled in when they are reported.
 */
import type { Label } from './codelists.ts';
import type { MessageParams } from './messages.ts';

/** Ledger messages by key; {name} marks a parameter. */
export const LEDGER_MESSAGES = {
  'file.missing': {
    zh: '请上传一个 Excel 文件（.xlsx、.xls、WPS .et 或 Excel 2003 XML）',
    en: 'upload one Excel file (.xlsx, .xls, WPS .et or Excel 2003 XML)',
  },
  'file.notXlsx': {
    zh: '文件不是可读取的 Excel 工作簿（.xlsx、.xls、WPS .et 或 Excel 2003 XML）。请用 Excel 或 WPS 另存为 .xlsx 后再导入',
    en: 'the file is not a readable Excel workbook (.xlsx, .xls, WPS .et or Excel 2003 XML); save it as .xlsx in Excel or WPS and try again',
  },
  'file.xmlDoctype': {
    zh: 'XML 文件含文档类型或实体声明（<!DOCTYPE>、<!ENTITY>），Excel 工作簿不会有，已拒绝',
    en: 'the XML file declares a document type or entities (<!DOCTYPE>, <!ENTITY>), which no Excel workbook has; refused',
  },
  'file.corrupt': {
    zh: '文件已损坏，或其内部数据与声明的大小不符，已拒绝',
    en: 'the file is damaged or its contents do not match their declared sizes; refused',
  },
  'file.encrypted': { zh: '文件已加密，无法读取', en: 'the file is encrypted and cannot be read' },
  'file.tooManyEntries': {
    zh: '文件内部条目过多（超过 {limit} 个），已拒绝',
    en: 'the file has too many internal entries (over {limit}); refused',
  },
  'file.expandsTooLarge': {
    zh: '文件解压后超过 {limit} MB 的上限，已拒绝（疑似压缩炸弹）',
    en: 'the file expands past the {limit} MB limit; refused (suspected zip bomb)',
  },
  'file.compressionRatio': {
    zh: '文件中 {entry} 的压缩比异常（{ratio}:1，上限 {limit}:1），已拒绝（疑似压缩炸弹）',
    en: '{entry} in the file is compressed {ratio}:1, above the {limit}:1 limit; refused (suspected zip bomb)',
  },
  'file.tooManyRows': {
    zh: '工作表超过 {limit} 行的上限，请拆分后分批导入',
    en: 'a sheet has more than {limit} rows; split the file and import it in parts',
  },
  'file.tooManyColumns': {
    zh: '工作表超过 {limit} 列的上限',
    en: 'a sheet has more than {limit} columns',
  },
  'file.tooManyCells': {
    zh: '工作表单元格数超过 {limit} 的上限',
    en: 'the sheets have more than {limit} cells',
  },
  'file.noSheet': { zh: '工作簿中没有可导入的工作表', en: 'the workbook has no sheet to import' },
  'file.noHeader': {
    zh: '前 {limit} 行中未找到表头（至少应有两个可识别的列名，如“投资项目统一代码”“项目名称”）',
    en: 'no header row in the first {limit} rows (at least two known column names, e.g. 投资项目统一代码 and 项目名称)',
  },
  'file.missingColumn': { zh: '缺少必需的列“{header}”', en: 'the required column “{header}” is missing' },
  'file.duplicateColumn': {
    zh: '列“{header}”与第 {other} 列表示同一字段',
    en: 'column “{header}” means the same field as column {other}',
  },
  'column.unknown': { zh: '无法识别的列，已忽略', en: 'unknown column, ignored' },
  'column.derived': { zh: '派生列，导入时忽略', en: 'derived column, ignored on import' },
  'column.ignoredByUser': { zh: '已按所选对应关系忽略', en: 'ignored, as the mapping chosen says' },
  'column.mappingUnknown': {
    zh: '所选字段“{value}”不是可导入的字段',
    en: 'the field chosen, “{value}”, is not a field that can be imported',
  },
  'column.periodMissing': {
    zh: '列“{header}”未写明年份或月份，请在预览中选择数据所属年月',
    en: 'column “{header}” does not say its year or month; choose the period in the preview',
  },
  'column.yearMissing': {
    zh: '列“{header}”未写明年份，请在预览中选择年度',
    en: 'column “{header}” does not say its year; choose the year in the preview',
  },
  'column.futurePeriod': {
    zh: '列“{header}”所指的月份尚未开始',
    en: 'the month of column “{header}” has not begun',
  },
  'cell.formula': {
    zh: '单元格含公式，请改为数值（复制后“选择性粘贴—数值”）',
    en: 'the cell holds a formula; paste it as a value instead',
  },
  'cell.forbiddenCharacters': {
    zh: '单元格含有不允许的字符（空字符或不成对的代理字符）',
    en: 'the cell holds a character that is not allowed (NUL or an unpaired surrogate)',
  },
  'cell.error': { zh: '单元格为错误值 {value}', en: 'the cell holds the error value {value}' },
  'cell.date': {
    zh: '日期“{value}”格式不正确，应为 Excel 日期或 YYYY-MM-DD、YYYY/M/D 形式的文本',
    en: 'the date “{value}” has the wrong form; use an Excel date or text as YYYY-MM-DD or YYYY/M/D',
  },
  'cell.number': { zh: '“{value}”不是数字', en: '“{value}” is not a number' },
  'cell.boolean': { zh: '应填“是”或“否”，而不是“{value}”', en: 'must be 是 (yes) or 否 (no), not “{value}”' },
  'cell.choice': {
    zh: '“{value}”不是有效的选项，可选：{options}',
    en: '“{value}” is not one of the options: {options}',
  },
  'row.duplicateKey': {
    zh: '与第 {other} 行的投资项目统一代码重复',
    en: 'the same project code as row {other}',
  },
  'row.nameAmbiguous': {
    zh: '有多个名为“{value}”的项目（{codes}），无法按名称确定是哪一个：请填写项目代码',
    en: 'several projects are named “{value}” ({codes}); fill in the project code to say which',
  },
  'row.summary': { zh: '合计行，已跳过', en: 'a totals row, skipped' },
  'row.note': { zh: '说明、分组或落款行，已跳过', en: 'a note, group or signature row, skipped' },
  'owner.willCreate': {
    zh: '单位“{value}”尚未登记，导入时将新建',
    en: 'the organisation “{value}” is not registered yet; the import creates it',
  },
  'region.chooseForFile': {
    zh: '文件没有“所属区域”列，请在预览中为整个文件选择区域',
    en: 'the file has no region column; choose the region of the whole file in the preview',
  },
  'ytd.belowEarlier': {
    zh: '累计完成 {value} 万元小于此前各月已报完成之和 {other} 万元',
    en: 'the year-to-date {value} (10k yuan) is less than the {other} already reported for earlier months',
  },
  'ytd.reportExists': {
    zh: '该项目 {period} 月报已存在（{state}），其完成投资与本列不一致；请在月报中修改',
    en: 'the project already has a {period} report ({state}) with another figure; change it on the report',
  },
  'ytd.laterReports': {
    zh: '该项目 {period} 之后的月份已有月报，累计数无法只记入 {period}',
    en: 'the project has reports after {period}; the year-to-date figure cannot be put into {period} alone',
  },
  'owner.unknown': {
    zh: '未找到项目单位“{value}”（按单位名称或统一社会信用代码查找）',
    en: 'no organisation “{value}” (looked up by name and by credit code)',
  },
  'owner.ambiguous': {
    zh: '有多个名为“{value}”的单位，请填写统一社会信用代码',
    en: 'several organisations are named “{value}”; give the credit code',
  },
  'owner.mismatch': {
    zh: '项目单位名称“{value}”与统一社会信用代码对应的单位“{other}”不一致',
    en: 'the owner name “{value}” does not match “{other}”, the organisation of the credit code',
  },
  'region.unknownName': {
    zh: '未找到行政区划“{value}”（可填写名称或 6 位区划代码）',
    en: 'no region “{value}” (give a name or a 6-digit code)',
  },
  'region.ambiguous': {
    zh: '区划名称“{value}”不唯一，请填写 6 位区划代码',
    en: 'the region name “{value}” is not unique; give the 6-digit code',
  },
  'officer.unknown': {
    zh: '未找到首席服务员“{value}”（按姓名或用户名查找）',
    en: 'no service officer “{value}” (looked up by name and by user name)',
  },
  'officer.ambiguous': {
    zh: '有多个名为“{value}”的首席服务员，请填写用户名',
    en: 'several service officers are named “{value}”; give the user name',
  },
  'stage.unknownLabel': {
    zh: '“{value}”不是有效的建设阶段，可选：{options}',
    en: '“{value}” is not a stage; the stages are: {options}',
  },
  'import.invalid': {
    zh: '台账中有 {count} 处错误，未写入任何数据',
    en: 'the ledger has {count} errors; nothing was written',
  },
  'import.conflict': {
    zh: '第 {row} 行的项目在导入期间被他人修改，请重新预览后再导入',
    en: 'the project of row {row} was changed by someone else during the import; preview again and retry',
  },
  'import.interrupted': {
    zh: '导入任务所在的服务实例已停止，导入未完成，未写入任何数据，请重新导入',
    en: 'the server instance running the import stopped; the import did not finish and wrote nothing — import again',
  },
  'import.taken': {
    zh: '第 {row} 行的投资项目统一代码在导入期间已被占用，请重新预览后再导入',
    en: 'the project code of row {row} was taken during the import; preview again and retry',
  },
  'report.rowEmpty': {
    zh: '未填写本月数据，已跳过',
    en: 'no figures for the month, skipped',
  },
  // One message whether the code is unknown or held by a project out of scope, so a row never reveals which.
  'report.projectUnknown': {
    zh: '未找到投资项目统一代码为“{value}”的项目，或该项目不在本账号的管辖范围内',
    en: 'no project with the code “{value}” in your scope',
  },
  'report.periodLocked': {
    zh: '{period} 报送期已锁定，台账导入不能修改其月报；如需更正，请在月报页面逐项填写更正原因',
    en: 'the {period} period is locked and a ledger cannot change its reports; record corrections with a reason on the report page',
  },
  'report.stateBlocked': {
    zh: '该项目本期月报状态为“{state}”，不能通过台账修改',
    en: 'this project’s report for the period is “{state}” and cannot be changed by a ledger',
  },
  'report.importReturn': {
    zh: '通过月报台账导入修改',
    en: 'changed by a monthly-report ledger import',
  },
  'report.importConflict': {
    zh: '第 {row} 行的月报在导入期间发生变化（{reason}），请重新预览后再导入',
    en: 'the report of row {row} changed during the import ({reason}); preview again and retry',
  },
} as const satisfies Record<string, Label>;

/** A message key (of either part of the catalogue, e.g. 'money.invalid') with its parameters, translated late. */
export interface LedgerProblem {
  key: string;
  params?: MessageParams;
}
