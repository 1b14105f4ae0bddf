import clsx from 'clsx';
import type { ComponentProps } from 'react';

export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <div className="table-wrap">
      <table className={clsx('table', className)} {...props} />
    </div>
  );
}

export function TableHead(props: ComponentProps<'thead'>) {
  return <thead {...props} />;
}

export function TableBody(props: ComponentProps<'tbody'>) {
  return <tbody {...props} />;
}

export function TableRow(props: ComponentProps<'tr'>) {
  return <tr {...props} />;
}

export function TableHeader({ scope = 'col', ...props }: ComponentProps<'th'>) {
  return <th scope={scope} {...props} />;
}

export function TableCell(props: ComponentProps<'td'>) {
  return <td {...props} />;
}
