const KEYS: Array<[string, string]> = [
  ['1', ''],
  ['2', 'ABC'],
  ['3', 'DEF'],
  ['4', 'GHI'],
  ['5', 'JKL'],
  ['6', 'MNO'],
  ['7', 'PQRS'],
  ['8', 'TUV'],
  ['9', 'WXYZ'],
  ['*', ''],
  ['0', '+'],
  ['#', ''],
];

/** Twelve keys; each button's accessible name is its digit. */
export function DialPad({ onKey, label }: { onKey: (key: string) => void; label: string }) {
  return (
    <div className="dial-pad" role="group" aria-label={label}>
      {KEYS.map(([key, letters]) => (
        <button key={key} type="button" className="dial-key" aria-label={key} onClick={() => onKey(key)}>
          <span className="dial-key-digit">{key}</span>
          <span className="dial-key-letters" aria-hidden="true">
            {letters}
          </span>
        </button>
      ))}
    </div>
  );
}
