import type { CallerIdOption } from '@ringtonic/contracts';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { useDialerStore, useIdleTab, type IdleTab } from '../stores/dialer-store';
import { ContactsTab } from './contacts-tab';
import { KeypadTab } from './keypad-tab';
import { RecentsTab } from './recents-tab';

function isTab(value: string): value is IdleTab {
  return value === 'keypad' || value === 'contacts' || value === 'recents';
}

export function IdleView({ workspaceId, callerIds }: { workspaceId: string; callerIds: CallerIdOption[] }) {
  const tab = useIdleTab();
  return (
    <Tabs value={tab} onValueChange={(v) => isTab(v) && useDialerStore.getState().tabSelected(v)} className="dialer-tabs">
      <TabsList aria-label="Dialer views">
        <TabsTrigger value="keypad">Keypad</TabsTrigger>
        <TabsTrigger value="contacts">Contacts</TabsTrigger>
        <TabsTrigger value="recents">Recents</TabsTrigger>
      </TabsList>
      <TabsContent value="keypad">
        <KeypadTab workspaceId={workspaceId} callerIds={callerIds} />
      </TabsContent>
      <TabsContent value="contacts">
        <ContactsTab workspaceId={workspaceId} callerIds={callerIds} />
      </TabsContent>
      <TabsContent value="recents">
        <RecentsTab workspaceId={workspaceId} callerIds={callerIds} />
      </TabsContent>
    </Tabs>
  );
}
