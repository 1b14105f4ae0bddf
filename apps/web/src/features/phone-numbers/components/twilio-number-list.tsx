import type { TwilioNumberView } from '@ringtonic/contracts';
import { Badge } from '@/components/ui/badge';
import { Checkbox } from '@/components/ui/checkbox';

export interface TwilioNumberListProps {
  numbers: TwilioNumberView[];
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: Set<string>) => void;
  disabled: boolean;
}

/** The Twilio account's numbers with a checkbox each; imported ones cannot be picked again. */
export function TwilioNumberList({ numbers, selected, onSelectedChange, disabled }: TwilioNumberListProps) {
  const importable = numbers.filter((n) => !n.imported);
  const selectedCount = importable.filter((n) => selected.has(n.sid)).length;
  const allState = selectedCount === 0 ? false : selectedCount === importable.length ? true : 'indeterminate';

  const toggle = (sid: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(sid);
    else next.delete(sid);
    onSelectedChange(next);
  };

  const toggleAll = () => onSelectedChange(allState === true ? new Set() : new Set(importable.map((n) => n.sid)));

  return (
    <div className="stack-sm">
      <div className="check-row check-row-header">
        <Checkbox
          id="import-select-all"
          checked={allState}
          onCheckedChange={toggleAll}
          disabled={disabled || importable.length === 0}
        />
        <label htmlFor="import-select-all" className="label">
          Select all
        </label>
        <span className="muted">
          {selectedCount} of {importable.length} selected
        </span>
      </div>
      <ul className="import-list" aria-label="Numbers in your Twilio account">
        {numbers.map((number) => {
          const id = `import-${number.sid}`;
          return (
            <li key={number.sid} className="check-row">
              <Checkbox
                id={id}
                checked={selected.has(number.sid)}
                onCheckedChange={(checked) => toggle(number.sid, checked === true)}
                disabled={disabled || number.imported}
              />
              <label htmlFor={id} className="cell-strong">
                {number.phoneNumber}
              </label>
              {number.friendlyName && number.friendlyName !== number.phoneNumber && (
                <span className="muted">{number.friendlyName}</span>
              )}
              {number.imported && <Badge tone="success">Imported</Badge>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
