import { IMPORT_FIELDS, type ImportContactsResponse, type ImportField, type ImportRow, parseCsv } from '@ringtonic/contracts';
import { Download, Upload } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Notice } from '@/components/ui/status';
import { useWorkspaceCountry } from '@/features/workspace';
import { errorMessage } from '@/lib/api-error';
import { downloadText } from '@/lib/download';
import { useImportContacts } from '../api/import-contacts';
import { rejectedRowsCsv } from '../lib/import-rows';

const FIELD_LABELS: Record<ImportField, string> = {
  phone: 'Phone (required)',
  name: 'Name',
  email: 'Email',
  company: 'Company',
  notes: 'Notes',
  leadStatus: 'Lead status',
  dealValue: 'Deal value',
  tags: 'Tags',
  nextFollowUpAt: 'Next follow-up',
};
const ALIASES: Record<ImportField, string[]> = {
  phone: ['phone', 'phonenumber', 'mobile', 'telephone', 'number'],
  name: ['name', 'fullname', 'contact'],
  email: ['email', 'emailaddress', 'mail'],
  company: ['company', 'organization', 'organisation', 'business'],
  notes: ['notes', 'note', 'comments'],
  leadStatus: ['leadstatus', 'status', 'stage'],
  dealValue: ['dealvalue', 'value', 'deal', 'amount'],
  tags: ['tags', 'labels'],
  nextFollowUpAt: ['nextfollowup', 'followup', 'nextfollowupat'],
};
const SKIP = '-1';

function autoMap(headers: string[]): Record<ImportField, string> {
  const norm = headers.map((h) => h.toLowerCase().replace(/[^a-z]/g, ''));
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, String(norm.findIndex((h) => ALIASES[f].includes(h)))])) as Record<ImportField, string>;
}

const plural = (n: number) => `${n} ${n === 1 ? 'contact' : 'contacts'}`;

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsText(file);
  });
}

/** CSV import: choose a file, map its columns, preview (dry run) the rejected rows, then import. */
export function ImportContactsDialog({ workspaceId }: { workspaceId: string }) {
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState<{ name: string; headers: string[]; rows: string[][] } | null>(null);
  const [mapping, setMapping] = useState<Record<ImportField, string> | null>(null);
  const [report, setReport] = useState<ImportContactsResponse | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const run = useImportContacts(workspaceId, (done, total) => setProgress({ done, total }));
  // Phones are read in the workspace's country, as the API reads them (numbers without +).
  const country = useWorkspaceCountry(workspaceId);

  const reset = () => {
    setCsv(null);
    setMapping(null);
    setReport(null);
    setProgress(null);
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const [headers = [], ...rows] = parseCsv(await readText(file));
    setCsv({ name: file.name, headers, rows });
    setMapping(autoMap(headers));
    setReport(null);
  };
  const mapped = (): ImportRow[] =>
    (csv?.rows ?? []).map((fields, i) => {
      const row: ImportRow = { row: i + 2 };
      for (const f of IMPORT_FIELDS) {
        const col = Number(mapping?.[f] ?? SKIP);
        if (col >= 0 && fields[col] !== undefined) row[f] = fields[col].slice(0, f === 'notes' ? 20_000 : 1000);
      }
      return row;
    });
  const submit = (dryRun: boolean) =>
    run.mutate(
      { rows: mapped(), dryRun, country },
      {
        onSuccess: (result) => {
          setReport(result);
          if (!dryRun) toast.success(`${plural(result.created)} imported`);
        },
        onError: (error) => toast.error(errorMessage(error)),
        onSettled: () => setProgress(null),
      },
    );

  const options = [{ value: SKIP, label: '(skip)' }, ...(csv?.headers ?? []).map((h, i) => ({ value: String(i), label: h || `Column ${i + 1}` }))];
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
      title="Import contacts"
      description="A CSV with a header row. Rows whose phone already exists are reported, not changed."
      className="dialog-wide"
      trigger={
        <Button variant="secondary">
          <Upload size={16} aria-hidden="true" />
          Import CSV
        </Button>
      }
    >
      <div className="form">
        <Field label="CSV file">
          <Input type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
        </Field>
        {csv && mapping && (
          <>
            <p className="muted">
              {csv.rows.length} rows in {csv.name}. Map the columns:
            </p>
            <div className="mapping-grid">
              {IMPORT_FIELDS.map((f) => (
                <Field key={f} label={FIELD_LABELS[f]}>
                  <Select value={mapping[f]} options={options} onValueChange={(v) => { setMapping({ ...mapping, [f]: v }); setReport(null); }} />
                </Field>
              ))}
            </div>
          </>
        )}
        {progress && <progress max={progress.total} value={progress.done} aria-label="Import progress" />}
        {report && (
          <ImportReport
            report={report}
            onDownload={() => csv && downloadText(rejectedRowsCsv(csv.headers, csv.rows, report.rejected), csv.name.replace(/(\.csv)?$/i, '-rejected.csv'))}
          />
        )}
        <DialogFooter>
          <Button variant="secondary" disabled={!csv || mapping?.phone === SKIP} loading={run.isPending && run.variables?.dryRun} onClick={() => submit(true)}>
            Preview
          </Button>
          <Button disabled={!report?.dryRun || report.created === 0} loading={run.isPending && !run.variables?.dryRun} onClick={() => submit(false)}>
            {report?.dryRun ? `Import ${plural(report.created)}` : 'Import'}
          </Button>
        </DialogFooter>
      </div>
    </Dialog>
  );
}

function ImportReport({ report, onDownload }: { report: ImportContactsResponse; onDownload: () => void }) {
  return (
    <div className="stack-sm" role="status">
      <Notice tone={report.rejected.length ? 'warning' : 'success'}>
        {report.dryRun ? `${report.created} would be created` : `${report.created} created`}, {report.rejected.length} rejected.
      </Notice>
      {report.rejected.length > 0 && (
        <ul className="rejected-rows" aria-label="Rejected rows">
          {report.rejected.slice(0, 100).map((r) => (
            <li key={`${r.row}-${r.reason}`}>
              Row {r.row}: {r.reason}
            </li>
          ))}
          {report.rejected.length > 100 && <li>…and {report.rejected.length - 100} more</li>}
        </ul>
      )}
      {report.rejected.length > 0 && (
        <div>
          <Button variant="secondary" size="sm" onClick={onDownload}>
            <Download size={16} aria-hidden="true" />
            Download rejected rows (CSV)
          </Button>
        </div>
      )}
    </div>
  );
}
