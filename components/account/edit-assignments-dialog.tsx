"use client";

import { useState, type FormEvent } from "react";
import type { AccountAssignmentView } from "@/lib/account/dto";
import { isRole } from "@/lib/auth/roles";
import { t } from "@/lib/i18n";
import { AssignmentsEditor, draftsToInput, missingRegionMessage, newDraft, type AssignmentDraft } from "./assignments-editor";
import { Dialog } from "@/components/ui/dialog";
import { sendJson } from "./send-json";
import { Button } from "@/components/ui/button";

const text = t.account.editRoles;

function draftsFrom(assignments: readonly AccountAssignmentView[]): AssignmentDraft[] {
  const drafts = assignments.flatMap((a) =>
    isRole(a.role)
      ? [
          newDraft(a.role, {
            id: a.regionId,
            code: a.regionCode,
            name: a.regionName,
            level: a.level,
            levelName: a.levelName,
            parentName: null,
          }),
        ]
      : [],
  );
  return drafts.length ? drafts : [newDraft()];
}

/** 编辑角色: replaces an account's (role, region) rows, sending the version the list showed. */
export function EditAssignmentsDialog({
  open,
  accountId,
  accountName,
  version,
  assignments,
  onClose,
  onSaved,
}: {
  open: boolean;
  accountId: number;
  accountName: string;
  version: number;
  assignments: readonly AccountAssignmentView[];
  onClose: () => void;
  onSaved: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={text.title(accountName)} testId="edit-assignments-dialog">
      {/* Mounted only while open, so each opening starts from the account's current rows. */}
      {open && (
        <EditAssignmentsForm
          accountId={accountId}
          version={version}
          assignments={assignments}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Dialog>
  );
}

function EditAssignmentsForm({
  accountId,
  version,
  assignments,
  onClose,
  onSaved,
}: {
  accountId: number;
  version: number;
  assignments: readonly AccountAssignmentView[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [drafts, setDrafts] = useState<AssignmentDraft[]>(() => draftsFrom(assignments));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const missing = missingRegionMessage(drafts);
    if (missing) {
      setError(missing);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await sendJson(`/api/accounts/${accountId}`, "PATCH", { assignments: draftsToInput(drafts), expectedVersion: version });
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={save} noValidate>
      {error && (
        <p
          role="alert"
          className="mb-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200"
          data-testid="edit-assignments-error"
        >
          {error}
        </p>
      )}
      <AssignmentsEditor value={drafts} onChange={setDrafts} testId="edit-assignments" />
      <div className="mt-5 flex justify-end gap-3">
        <Button type="button" onClick={onClose} kind="quiet">
          {text.cancel}
        </Button>
        <Button
          type="submit"
          disabled={saving}
          kind="primary"
          extra="disabled:cursor-wait disabled:opacity-70"
          testId="edit-assignments-save"
        >
          {saving ? text.saving : text.save}
        </Button>
      </div>
    </form>
  );
}
