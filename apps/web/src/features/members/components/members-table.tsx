import type { MemberView, Role } from '@ringtonic/contracts';
import { useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Select } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { errorMessage } from '@/lib/api-error';
import { formatDate, ROLE_LABELS } from '@/lib/format';
import { useRemoveMember } from '../api/remove-member';
import { useUpdateMemberRole } from '../api/update-member-role';
import { MEMBER_ROLE_OPTIONS } from './roles';

export interface MembersTableProps {
  workspaceId: string;
  members: MemberView[];
  canManage: boolean;
}

export function MembersTable({ workspaceId, members, canManage }: MembersTableProps) {
  const updateRole = useUpdateMemberRole(workspaceId);
  const removeMember = useRemoveMember(workspaceId);
  const [memberToRemove, setMemberToRemove] = useState<MemberView | null>(null);

  const onRoleChange = (member: MemberView, role: Role) => {
    if (role === member.role) return;
    updateRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => toast.success(`${member.name} is now ${ROLE_LABELS[role]}`),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );
  };

  const onConfirmRemove = () => {
    if (!memberToRemove) return;
    const member = memberToRemove;
    removeMember.mutate(member.userId, {
      onSuccess: () => {
        toast.success(`${member.name} was removed from the workspace`);
        setMemberToRemove(null);
      },
      onError: (error) => {
        toast.error(errorMessage(error));
        setMemberToRemove(null);
      },
    });
  };

  return (
    <>
      <Table aria-label="Members">
        <TableHead>
          <TableRow>
            <TableHeader>Name</TableHeader>
            <TableHeader>Email</TableHeader>
            <TableHeader>Role</TableHeader>
            <TableHeader>Joined</TableHeader>
            {canManage && (
              <TableHeader>
                <span className="visually-hidden">Actions</span>
              </TableHeader>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {members.map((member) => (
            <TableRow key={member.userId}>
              <TableCell className="cell-strong">{member.name}</TableCell>
              <TableCell>{member.email}</TableCell>
              <TableCell>
                {canManage ? (
                  <Select
                    aria-label={`Role for ${member.name}`}
                    value={member.role}
                    options={MEMBER_ROLE_OPTIONS}
                    onValueChange={(role) => onRoleChange(member, role)}
                    disabled={updateRole.isPending && updateRole.variables.userId === member.userId}
                    className="select-compact"
                  />
                ) : (
                  <Badge>{ROLE_LABELS[member.role]}</Badge>
                )}
              </TableCell>
              <TableCell>{formatDate(member.joinedAt)}</TableCell>
              {canManage && (
                <TableCell className="cell-actions">
                  <Button variant="ghost" size="sm" onClick={() => setMemberToRemove(member)}>
                    Remove
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={memberToRemove !== null}
        onOpenChange={(open) => {
          if (!open) setMemberToRemove(null);
        }}
        title={`Remove ${memberToRemove?.name ?? 'member'}?`}
        description={`${memberToRemove?.name ?? 'This member'} will lose access to this workspace immediately. You can invite them again later.`}
        confirmLabel="Remove"
        pending={removeMember.isPending}
        onConfirm={onConfirmRemove}
      />
    </>
  );
}
