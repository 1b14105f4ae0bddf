import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/status';

export function NotFoundPage() {
  return (
    <div className="fullscreen-center">
      <ErrorState title="Page not found">
        <p>The page you are looking for does not exist.</p>
        <p>
          <Link to="/">Go to your workspace</Link>
        </p>
      </ErrorState>
    </div>
  );
}
