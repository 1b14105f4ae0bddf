import { X } from 'lucide-react';
import { useId, useState } from 'react';
import { useTagSuggestions } from '../api/get-tags';

export interface TagEditorProps {
  workspaceId: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  readOnly?: boolean;
  label?: string;
}

/** Tags as chips, with autocomplete from the workspace's contact and call tags. */
export function TagEditor({ workspaceId, tags, onChange, readOnly, label = 'Tags' }: TagEditorProps) {
  const id = useId();
  const [text, setText] = useState('');
  const suggestions = useTagSuggestions(workspaceId, text.trim());
  const add = () => {
    const tag = text.trim().slice(0, 50);
    setText('');
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
  };
  return (
    <div className="inline-field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <ul className="chip-list" aria-label={label}>
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            {tag}
            {!readOnly && (
              <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                <X size={12} aria-hidden="true" />
              </button>
            )}
          </li>
        ))}
        {tags.length === 0 && readOnly && <li className="muted">No tags</li>}
      </ul>
      {!readOnly && (
        <>
          <input
            id={id}
            className="input inline-input"
            placeholder="Add a tag and press Enter"
            list={`${id}-suggestions`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ',') {
                e.preventDefault();
                add();
              }
            }}
          />
          <datalist id={`${id}-suggestions`}>
            {(suggestions.data?.items ?? []).filter((t) => !tags.includes(t)).map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </>
      )}
    </div>
  );
}
