/**
 * A meeting's record as a Word document (.docx): title, date, place, chair and attendees, the agenda (议题), the
 * minutes (会议纪要) and the decisions with unit, person and deadline (议定事项), with the previous meeting's
 * decisions and what became of them. The bulletin's official-document fonts (仿宋 body, 宋体 title, 黑体 headings).
 */
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import {
  MEETING_KIND_LABELS,
  PROBLEM_STATE_LABELS,
  STEP_CLOCK_STATE_LABELS,
  chineseDate,
  type MeetingDecisionOutput,
  type MeetingDetailOutput,
} from '@keyprojects/core';

const font = (eastAsia: string) => ({ eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman' });
const SIZE_TITLE = 44;
const SIZE_HEADING = 32;
const SIZE_BODY = 28;
const SIZE_TABLE = 21;

const run = (text: string, options: Omit<IRunOptions, 'text'>) => new TextRun({ text, ...options });

const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: 560 },
    spacing: { line: 500, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: font('仿宋'), size: SIZE_BODY })],
  });

const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: font('黑体'), size: SIZE_HEADING })],
  });

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [run(text, { bold, font: font('仿宋'), size: SIZE_TABLE })] })],
  });

/** What a decision's state and clock read in the record: 办理中（剩余3个工作日）, 已逾期2个工作日 … */
export function decisionStatus(decision: MeetingDecisionOutput): string {
  const state = PROBLEM_STATE_LABELS[decision.state].zh;
  const clock = decision.clock;
  if (!clock || decision.state === 'verified_closed') return state;
  if (clock.state === 'overdue') return `${state}（已逾期${clock.workingDaysOverdue}个工作日）`;
  if (clock.state === 'on_time' && clock.workingDaysLeft !== null)
    return `${state}（剩余${clock.workingDaysLeft}个工作日）`;
  return `${state}（${STEP_CLOCK_STATE_LABELS[clock.state].zh}）`;
}

function decisionTable(decisions: readonly MeetingDecisionOutput[]): Table | Paragraph {
  if (decisions.length === 0) return body('无。');
  const header = ['序号', '项目', '事项', '责任单位', '责任人', '办结时限', '办理情况'];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }),
      ...decisions.map(
        (d, index) =>
          new TableRow({
            children: [
              cell(String(index + 1)),
              cell(d.projectName),
              cell(d.title),
              cell(d.unitName ?? ''),
              cell(d.assigneeName ?? ''),
              cell(d.dueOn ? chineseDate(d.dueOn) : ''),
              cell(decisionStatus(d)),
            ],
          }),
      ),
    ],
  });
}

/** Writes the meeting's record as a .docx file in memory. */
export async function meetingDocx(detail: MeetingDetailOutput): Promise<Buffer> {
  const { meeting } = detail;
  const facts = [
    `时间：${chineseDate(meeting.heldOn)}`,
    meeting.location ? `地点：${meeting.location}` : '',
    meeting.chair ? `主持：${meeting.chair}` : '',
    meeting.attendees ? `参会：${meeting.attendees}` : '',
  ].filter((line) => line !== '');
  const minutes = (meeting.minutes ?? '').split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  const document = new Document({
    title: meeting.title,
    creator: 'KeyProjects',
    styles: { default: { document: { run: { font: font('仿宋'), size: SIZE_BODY } } } },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(meeting.title, { bold: true, font: font('宋体'), size: SIZE_TITLE })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [
              new TextRun({ text: `（${MEETING_KIND_LABELS[meeting.kind].zh}）`, font: font('楷体'), size: SIZE_BODY }),
            ],
          }),
          ...facts.map(body),
          ...(detail.previous
            ? [
                heading(`一、上次会议（${chineseDate(detail.previous.heldOn)}）议定事项办理情况`),
                decisionTable(detail.previous.decisions),
              ]
            : []),
          heading(`${detail.previous ? '二' : '一'}、会议议题`),
          ...(detail.agenda.length === 0
            ? [body('无。')]
            : detail.agenda.map((item, index) =>
                body(`${index + 1}. ${item.title}${item.note ? `（${item.note}）` : ''}`),
              )),
          heading(`${detail.previous ? '三' : '二'}、会议纪要`),
          ...(minutes.length === 0 ? [body('（暂无）')] : minutes.map(body)),
          heading(`${detail.previous ? '四' : '三'}、议定事项`),
          decisionTable(detail.decisions),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
