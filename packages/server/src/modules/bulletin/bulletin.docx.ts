/**
 * A bulletin as a Word document (.docx), laid out after the Chinese official-document format (GB/T 9704): A4,
 * title in 宋体 二号 bold, date line in 楷体 三号, body in 仿宋 三号 with a two-character first-line indent and
 * a fixed 28-point line, page number centred in the footer. Fonts a machine lacks are substituted by Word or WPS.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';

/** The MIME type of a .docx file. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What the document holds. */
export interface BulletinDocument {
  title: string;
  dateLine: string;
  paragraphs: readonly string[];
}

/** Half-points: 二号 22pt, 三号 16pt. */
const SIZE_TITLE = 44;
const SIZE_BODY = 32;
/** Twips (1/20 pt, 1 mm ≈ 56.7). */
const LINE = 560;
const INDENT_TWO_CHARACTERS = 640;
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };

const font = (eastAsia: string) => ({ eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman' });
const chinese = { eastAsia: 'zh-CN' } as const;

function run(text: string, options: Omit<IRunOptions, 'text'>): TextRun {
  return new TextRun({ text, language: chinese, ...options });
}

/** Writes the bulletin as a .docx file in memory. */
export async function bulletinDocx(bulletin: BulletinDocument): Promise<Buffer> {
  const exact = { line: LINE, lineRule: LineRuleType.EXACT };
  const document = new Document({
    title: bulletin.title,
    creator: 'KeyProjects',
    description: bulletin.dateLine,
    styles: { default: { document: { run: { font: font('仿宋'), size: SIZE_BODY, language: chinese } } } },
    sections: [
      {
        properties: { page: { margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 28 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 0, line: 800, lineRule: LineRuleType.EXACT },
            children: [run(bulletin.title, { font: font('宋体'), size: SIZE_TITLE, bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { ...exact, after: LINE },
            children: [run(bulletin.dateLine, { font: font('楷体'), size: SIZE_BODY })],
          }),
          ...bulletin.paragraphs.map(
            (text) =>
              new Paragraph({
                alignment: AlignmentType.JUSTIFIED,
                indent: { firstLine: INDENT_TWO_CHARACTERS },
                spacing: exact,
                children: [run(text, { font: font('仿宋'), size: SIZE_BODY })],
              }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
