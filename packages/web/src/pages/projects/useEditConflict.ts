/**
 * The project form's edit-conflict state: the version the form edits against (`base`, which moves to the new version
 * once the editor re-applies or discards), the open conflict and the editor's choices. The diff is core's
 * threeWayDiff over the request payloads (normalised: "12500" equals "12500.00"), merged back into form values.
 */
import { useState } from 'react';
import type { FormInstance } from 'antd';
import { reapplyMine, threeWayDiff, type ProjectOutput } from '@keyprojects/core';
import { fetchProject } from '../../api/projects.ts';
import type { EditConflict } from './EditConflictPanel.tsx';
import { toFormValues, toPayload, type ProjectFormValues } from './formValues.ts';

/** The diff of the form as typed against `base` and `latest`. */
function diffOf(form: FormInstance<ProjectFormValues>, base: ProjectOutput, latest: ProjectOutput) {
  // `true`: every stored value, also of fields not rendered now (antd types this overload loosely).
  const mine = form.getFieldsValue(true) as ProjectFormValues;
  return {
    mine,
    changes: threeWayDiff(toPayload(toFormValues(base)), toPayload(toFormValues(latest)), toPayload(mine)),
  };
}

/** Conflict state and actions of the project form; `project` is absent when creating. */
export function useEditConflict(form: FormInstance<ProjectFormValues>, project: ProjectOutput | undefined) {
  const [base, setBase] = useState(project);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const [takeTheirs, setTakeTheirs] = useState<ReadonlySet<string>>(new Set());

  /** After a 412: reads the stored version and shows what changed (the form keeps what was typed). */
  const open = async () => {
    if (!base) return;
    const latest = await fetchProject(base.id);
    setConflict({ latest, changes: diffOf(form, base, latest).changes });
    setTakeTheirs(new Set());
  };

  /** Puts the typed changes on the new version (recomputed now: the editor may have typed on meanwhile). */
  const reapply = (): number | null => {
    if (!base || !conflict) return null;
    const { mine, changes } = diffOf(form, base, conflict.latest);
    form.setFieldsValue(reapplyMine(changes, toFormValues(conflict.latest), mine, takeTheirs));
    setBase(conflict.latest);
    setConflict(null);
    return conflict.latest.version;
  };

  /** Drops the typed changes: the form shows the new version. */
  const discard = () => {
    if (!conflict) return;
    form.setFieldsValue(toFormValues(conflict.latest));
    setBase(conflict.latest);
    setConflict(null);
  };

  const choose = (field: string, theirs: boolean) =>
    setTakeTheirs((current) => {
      const next = new Set(current);
      if (theirs) next.add(field);
      else next.delete(field);
      return next;
    });

  return { base, conflict, takeTheirs, open, reapply, discard, choose };
}
