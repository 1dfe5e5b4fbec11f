import type { zhPublishing } from './zh.publishing.ts';

/** The English messages of publishing: bulletins and OC4IDS open data. */
export const enPublishing: Record<keyof typeof zhPublishing, string> = {
  'bulletin.title': 'Progress bulletin',
  'bulletin.sub':
    'The key-project progress bulletin as of a date and for a region, written from live figures by a template.',
  'bulletin.asOf': 'As of',
  'bulletin.region': 'Region',
  'bulletin.template': 'Template',
  'bulletin.pdf': 'Download PDF',
  'bulletin.docx': 'Download Word',
  'bulletin.generating': 'Generating…',
  'bulletin.empty': 'The template produced no paragraphs',
  'bulletin.editTemplate': 'Edit template',
  'bulletin.editorTitle': 'Edit template: {name}',
  'bulletin.name': 'Template name',
  'bulletin.body': 'Template text',
  'bulletin.bodyHint':
    'One paragraph per line. Click a placeholder below to insert it at the cursor; a paragraph whose optional placeholder is empty is left out.',
  'bulletin.placeholders': 'Placeholders',
  'bulletin.placeholderSearch': 'Search placeholders',
  'bulletin.optional': 'may be empty',
  'bulletin.example': 'Example: {example}',
  'bulletin.livePreview': 'Live preview (as of {asOf})',
  'bulletin.stalePreview':
    'The template has an error (see below its text); this is the last preview that could be written.',
  'bulletin.save': 'Save template',
  'bulletin.saved': 'Template saved',
  'bulletin.discard': 'Discard changes',
  'bulletin.unsaved': 'Unsaved changes',
  'bulletin.conflict':
    'Someone else changed this template after version {version}. Copy your changes, reload, and save again.',
  'bulletin.reload': 'Reload',
  'bulletin.close': 'Close editor',
  'openData.title': 'Open data',
  'openData.sub': 'Export and import of OC4IDS (Open Contracting for Infrastructure Data Standard) project packages',
  'openData.aboutTitle': 'What is OC4IDS',
  'openData.about1':
    'OC4IDS, the Open Contracting for Infrastructure Data Standard by the Open Contracting Partnership and CoST, describes infrastructure projects — title, status, sector, location, budget, schedule and parties — as a JSON “project package”.',
  'openData.about2':
    'A package can go straight to an open-government portal, an analysis tool or another region’s system, without converting sheet by sheet.',
  'openData.exportTitle': 'Export a project package',
  'openData.exportBody':
    'Exports every project you may see ({total}: all plan years, reserve included; {scope}) as one OC4IDS 0.9 project package (JSON).',
  'openData.download': 'Download JSON',
  'openData.importTitle': 'Import a project package',
  'openData.importBody':
    'Imports an OC4IDS project package published elsewhere into the open-data sandbox (region {region}). Sandbox projects are kept apart from the library and out of the statistics; importing the same package again changes nothing.',
  'openData.choose': 'Choose a JSON file and import',
  'openData.importing': 'Importing…',
  'openData.notJson': 'The file is not valid JSON',
  'openData.imported': 'Imported: {created} created, {updated} updated, {unchanged} unchanged',
  'openData.failed': 'The package was not imported',
  'openData.col.oc4idsId': 'OC4IDS project id',
  'openData.col.code': 'Project code',
  'openData.col.result': 'Result',
  'openData.result.created': 'Created',
  'openData.result.updated': 'Updated',
  'openData.result.unchanged': 'Unchanged',
  'openData.openSandbox': 'Show the sandbox projects in the library',
  'openData.sandboxVisibility': 'Sandbox projects are visible only to accounts whose region is the sandbox.',
} as const;
