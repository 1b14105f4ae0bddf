import type { Permission } from '@ringtonic/contracts';
import clsx from 'clsx';
import { BarChart3, Hash, History, LayoutDashboard, Settings, UserCog, Users, type LucideIcon } from 'lucide-react';
import { NavLink } from 'react-router';

interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Hidden unless the membership has this permission. */
  requires?: Permission;
}

const NAV_ITEMS: NavItem[] = [
  { to: 'dashboard', label: 'Dashboard', icon: LayoutDashboard },
  { to: 'contacts', label: 'Contacts', icon: Users, requires: 'contacts.view' },
  { to: 'call-logs', label: 'Call logs', icon: History, requires: 'callLogs.view' },
  { to: 'reports', label: 'Reports', icon: BarChart3, requires: 'callLogs.view' },
  { to: 'phone-numbers', label: 'Phone numbers', icon: Hash },
  { to: 'members', label: 'Members', icon: UserCog },
  { to: 'settings', label: 'Settings', icon: Settings },
];

export interface SideNavProps {
  workspaceId: string;
  permissions: readonly Permission[];
}

export function SideNav({ workspaceId, permissions }: SideNavProps) {
  const items = NAV_ITEMS.filter((item) => !item.requires || permissions.includes(item.requires));
  return (
    <nav aria-label="Main" className="side-nav">
      <ul>
        {items.map(({ to, label, icon: Icon }) => (
          <li key={to}>
            <NavLink
              to={`/w/${workspaceId}/${to}`}
              className={({ isActive }) => clsx('nav-link', isActive && 'active')}
            >
              <Icon size={18} aria-hidden="true" />
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
