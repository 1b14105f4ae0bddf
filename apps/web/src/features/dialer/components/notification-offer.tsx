import { Bell } from 'lucide-react';
import { useState } from 'react';
import { dismissNotificationOffer, requestNotifications, shouldOfferNotifications } from '../lib/notify';

/** Asked once, politely, instead of a permission prompt on page load. */
export function NotificationOffer() {
  const [visible, setVisible] = useState(shouldOfferNotifications);
  if (!visible) return null;
  return (
    <div className="notification-offer">
      <Bell size={14} aria-hidden="true" />
      <span>Get a desktop alert when a call rings while this tab is hidden?</span>
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        onClick={() => {
          setVisible(false);
          void requestNotifications();
        }}
      >
        Turn on
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={() => {
          setVisible(false);
          dismissNotificationOffer();
        }}
      >
        Not now
      </button>
    </div>
  );
}
